import { Type } from '@sinclair/typebox';
import { decodeJson } from '../../platform/db/json-codec.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError, notFound } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { ok } from '../../platform/http/envelope.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { documents } from '../documents/index.js';
import { profilesErrors } from '../profiles/index.js';
import { factorProofOf } from './access/access.routes.js';
import { requireFactor } from './access/access.service.js';
import { fieldErrors } from './fields.errors.js';
import { fieldsFor, presentField } from './fields.service.js';
import { declineRequest } from './lifecycle.service.js';
import * as s from './public.schemas.js';
import { DEFAULT_CONSENT, getBundle } from './requests.service.js';
import { commitSignature, prepareSignature } from './sign.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { presentRequest, presentSignature } from './signing.presenter.js';
import { requestView } from './signing.schemas.js';
import { requestStates } from './signing.state.js';
import type { SignatureType } from './signing.tables.js';
import { emittedOrRead } from './signing-events.js';
import { recordViewed, signerByToken } from './signing-link.service.js';
import { verifySignature } from './verify-by-number.service.js';

const link = {
  public: true,
  reason: 'external signers hold a signing-link token instead of an account',
} as const;
const anyone = { public: true, reason: 'seed 004: public verification and constants need no login' } as const;
export const signErrors = [
  signingErrors.LINK_INVALID,
  signingErrors.PART11_LINK_REFUSED,
  signingErrors.NOT_YOUR_TURN,
  signingErrors.REQUEST_NOT_OPEN,
  signingErrors.SIGNER_DONE,
  signingErrors.CONSENT_REQUIRED,
  signingErrors.SIGNATURE_TYPE_NOT_ALLOWED,
  signingErrors.BAD_SIGNATURE_DATA,
  signingErrors.ACCESS_CODE_REQUIRED,
  signingErrors.CERTIFICATE_PASSWORD_WRONG,
  signingErrors.CERTIFICATE_UNUSABLE,
  profilesErrors.PROFILE_CERTIFICATE_REJECTED,
  profilesErrors.PROFILE_SETTING_REFUSED,
  profilesErrors.PROFILE_MEANING_REFUSED,
  fieldErrors.FIELDS_REQUIRED,
  fieldErrors.FIELD_VALUE_INVALID,
  fieldErrors.WRONG_ACTION,
];

function tokenOf(body: { token?: string }, headers: Record<string, unknown>): string {
  const header = headers['x-signing-token'];
  const token = body.token ?? (typeof header === 'string' ? header : undefined);
  if (!token)
    throw domainError(signingErrors.LINK_INVALID, 'Send the signing-link token (token or X-Signing-Token)');
  return token;
}

/** The public part of seed 004: verify, constants, the signing page and signing by link. */
export function publicRoutes(deps: SigningDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/digital-signature/verify/:signature_number',
      access: anyone,
      summary: 'Verify a signature by its number (public)',
      description:
        'Seed 004 shape at the top level (valid, signature_number, signer_name, signed_at, signature_type,' +
        ' entity_type; when invalid reason in the Accept-Language, plus reason_he, reason_zh, reason_en) and the' +
        ' same object as `data` in the SignX envelope. Always 200: an unknown number is `valid: false`.',
      params: s.verifyParams,
      file: s.verifyResponse,
      handler: async (request, reply) => {
        const result = await verifySignature(
          deps.db,
          deps,
          request.params.signature_number,
          request.headers['accept-language'],
        );
        return reply.type('application/json').send({ ...ok(result), ...result });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/constants',
      access: anyone,
      summary: 'Constants: entity types, statuses, roles, signature types',
      response: s.constantsView,
      handler: async () => ({
        entity_types: deps.entityTypes.list(),
        statuses: [...requestStates],
        signer_statuses: ['pending', 'sent', 'viewed', 'signed', 'filled', 'declined', 'cancelled'],
        signer_roles: ['signer', 'approver', 'viewer', 'cc', 'witness', 'assistant', 'author', 'reviewer'],
        signer_types: ['customer', 'company', 'witness'],
        signature_types: ['drawn', 'typed', 'image', 'certificate'],
        signature_orders: ['any', 'sequential'],
        priorities: ['low', 'normal', 'high', 'urgent'],
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/digital-signature/signing-page/:token',
      access: link,
      summary: 'The signing page’s data for a link (records the first view)',
      description:
        'Works for a valid link even before the signer’s turn (is_current_turn tells); signing waits for the turn.',
      params: s.tokenParams,
      response: s.signingPageView,
      errors: [
        signingErrors.LINK_INVALID,
        signingErrors.REQUEST_NOT_OPEN,
        signingErrors.SIGNER_DONE,
        signingErrors.ACCESS_CODE_REQUIRED,
      ],
      handler: async (request) => {
        const access = await signerByToken(deps.db, deps, request.params.token);
        await requireFactor(deps.db, deps, access, factorProofOf(request.headers));
        await inTransaction(deps.db, (trx) => recordViewed(trx, deps, actorOf(request), access));
        const fields = await fieldsFor(deps.db, access.signer);
        const r = access.bundle.request;
        return {
          request: {
            request_number: r.request_number,
            title: r.title,
            description: r.description,
            entity_type: r.entity_type,
            status: r.status,
            language: r.language,
            expires_at: r.expires_at,
            allowed_signature_types: decodeJson<SignatureType[]>(r.allowed_types) ?? [],
            consent_text: r.consent_text ?? DEFAULT_CONSENT,
          },
          signer: {
            id: access.signer.id,
            signer_name: access.signer.signer_name,
            signer_email: access.signer.signer_email,
            signer_type: access.signer.signer_type,
            role: access.signer.role,
            signing_order: access.signer.signing_order,
            status: access.signer.viewed_at ? access.signer.status : 'viewed',
            is_current_turn: access.isTurn,
          },
          documents: access.bundle.documents.map((d) => ({
            document_id: d.document_id,
            version: d.current_version,
            sha256: d.current_sha256,
            url: `/api/v1/digital-signature/signing-page/${request.params.token}/documents/${d.document_id}`,
          })),
          fields: fields.map(presentField),
        };
      },
    }),
    defineFileRoute({
      method: 'GET',
      url: '/digital-signature/signing-page/:token/documents/:document_id',
      access: link,
      summary: 'The current PDF of a document of the link’s request',
      params: Type.Object({
        token: s.tokenParams.properties.token,
        document_id: Type.String({ maxLength: 64 }),
      }),
      file: Type.String({ format: 'binary' }),
      handler: async (request, reply) => {
        const access = await signerByToken(deps.db, deps, request.params.token);
        await requireFactor(deps.db, deps, access, factorProofOf(request.headers));
        const row = access.bundle.documents.find((d) => d.document_id === request.params.document_id);
        if (!row) throw notFound('Document');
        const bytes = await documents.read(deps.ctx, row.current_sha256);
        return reply.type('application/pdf').header('cache-control', 'private, no-store').send(bytes);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/decline',
      access: link,
      summary: 'Decline to sign, with a reason (the request becomes rejected)',
      body: s.declineBody,
      response: requestView,
      errors: [
        signingErrors.LINK_INVALID,
        signingErrors.REQUEST_NOT_OPEN,
        signingErrors.SIGNER_DONE,
        signingErrors.ACCESS_CODE_REQUIRED,
      ],
      handler: async (request) => {
        const access = await signerByToken(deps.db, deps, tokenOf(request.body, request.headers));
        await requireFactor(deps.db, deps, access, factorProofOf(request.headers));
        await inTransaction(deps.db, (trx) =>
          declineRequest(trx, deps, actorOf(request), access, request.body.reason),
        );
        return presentRequest(await getBundle(deps.db, access.bundle.request.id), deps.clock.now());
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/digital-signature/sign',
      access: link,
      summary: 'Sign (seed 004 body) with a signing-link token',
      description:
        'Seed body (request_id, signer_id, signature_type, signature_data, signer_name, signer_email, consent_given,' +
        ' consent_text) plus `token` (or X-Signing-Token). Refused unless it is this signer’s turn. The signature is' +
        ' a PAdES B-T signature by a certificate issued to the signer, filed as a new document version.',
      body: s.signBody,
      response: s.signResult,
      status: 201,
      bodyLimit: 2 * 1024 * 1024,
      errors: signErrors,
      handler: async (request) => {
        const actor = actorOf(request);
        const access = await signerByToken(deps.db, deps, tokenOf(request.body, request.headers));
        await requireFactor(deps.db, deps, access, factorProofOf(request.headers));
        const prepared = await prepareSignature(deps, access, request.body);
        // The answer presents the request as the signature's own transaction left it (no re-read).
        const { row, bundle } = await inTransaction(deps.db, async (trx) => {
          const row = await commitSignature(trx, deps, actor, prepared, request.body);
          return { row, bundle: await emittedOrRead(trx, deps.emittedBundles, row.request_id) };
        });
        return { signature: presentSignature(row), request: presentRequest(bundle, deps.clock.now()) };
      },
    }),
  ];
}
