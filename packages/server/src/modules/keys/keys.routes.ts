import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import {
  prepareGeneratedKey,
  preparePkcs12,
  prepareRotation,
  recordCertificate,
  revokeCertificate,
  rotateCertificate,
} from './certificates.service.js';
import { keysPermissions as permissions } from './keys.catalogue.js';
import type { KeysDeps } from './keys.deps.js';
import { keysErrors as e } from './keys.errors.js';
import { presentCertificate } from './keys.presenter.js';
import * as s from './keys.schemas.js';
import { runSelfTest } from './lifecycle.service.js';
import { getCertificate, listCertificates, listingOf } from './listing.service.js';
import { platformKeys } from './platform-keys.service.js';

/**
 * The keys routes. Key generation (a file key, or C_GenerateKeyPair in the HSM) and PKCS#12
 * decoding happen before the recording transaction; the record, the CA's certificate and
 * the audit event commit together.
 */
export function keyRoutes(deps: KeysDeps): RouteDefinition[] {
  const read = permissions.access('keys.certificate.read');
  const manage = permissions.access('keys.certificate.manage');
  const now = () => deps.clock.now();
  return [
    defineRoute({
      method: 'GET',
      url: '/keys/certificates',
      access: read,
      summary: 'Inventory of organisation certificates and their keys',
      description: 'Holders of keys.certificate.manage see the list too.',
      querystring: s.certificateListQuery,
      response: pageSchema(s.certificateView),
      handler: async (request) => {
        const actor = actorOf(request);
        const page = await listCertificates(deps.db, actor, request.query);
        return { ...page, items: page.items.map((item) => presentCertificate(item, actor, now())) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/keys/platform',
      access: read,
      summary: 'The platform root, issuing CA and TSA keys',
      description:
        'Where each platform key lives (a file under DATA_DIR/pki, or the PKCS#11 token with its label) and when its certificate expires. Keys are generated and rotated with `signx keys hsm`.',
      response: s.platformKeyList,
      handler: async () => platformKeys(deps),
    }),
    defineRoute({
      method: 'GET',
      url: '/keys/certificates/:id',
      access: read,
      summary: 'One organisation certificate',
      params: s.certificateParams,
      response: s.certificateView,
      errors: [e.CERTIFICATE_NOT_FOUND],
      handler: async (request) => {
        const actor = actorOf(request);
        return presentCertificate(await getCertificate(deps.db, actor, request.params.id), actor, now());
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/keys/certificates',
      access: manage,
      summary: 'Generate a key (file or HSM) and have the platform CA issue its organisation certificate',
      body: s.newCertificate,
      response: s.certificateView,
      status: 201,
      idempotent: true,
      errors: [e.USCC_INVALID, e.HSM_NOT_CONFIGURED],
      handler: async (request) => {
        const actor = actorOf(request);
        const prepared = prepareGeneratedKey(deps, actor, request.body);
        return inTransaction(deps.db, async (trx) => {
          const row = await recordCertificate(trx, deps, actor, request.body, prepared);
          return presentCertificate(await listingOf(trx, row), actor, now());
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/keys/certificates/import',
      access: manage,
      summary: 'Import an organisation key and certificate from PKCS#12',
      description: 'The key is kept wrapped by the keyring; the certificate must name the organisation (O).',
      body: s.importCertificate,
      response: s.certificateView,
      status: 201,
      idempotent: true,
      errors: [e.PKCS12_UNREADABLE, e.PKCS12_NOT_ORGANISATION, e.USCC_INVALID],
      handler: async (request) => {
        const actor = actorOf(request);
        const { pkcs12, password, uscc } = request.body;
        const prepared = preparePkcs12(deps, actor, {
          pkcs12: Buffer.from(pkcs12, 'base64'),
          password,
          uscc,
        });
        const input = { legal_name: prepared.legalName, uscc: prepared.uscc };
        return inTransaction(deps.db, async (trx) => {
          const row = await recordCertificate(trx, deps, actor, input, prepared);
          return presentCertificate(await listingOf(trx, row), actor, now());
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/keys/certificates/:id/rotate',
      access: manage,
      summary: 'Rotate: a new key and certificate; the old one stays valid for the signatures it made',
      params: s.certificateParams,
      body: s.rotateCommand,
      response: s.certificateView,
      status: 201,
      idempotent: true,
      errors: [
        e.CERTIFICATE_NOT_FOUND,
        e.CERTIFICATE_REVOKED,
        e.CERTIFICATE_SUPERSEDED,
        e.HSM_NOT_CONFIGURED,
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        const id = request.params.id;
        const prepared = await inTransaction(deps.db, (trx) => prepareRotation(trx, deps, actor, id));
        return inTransaction(deps.db, async (trx) => {
          const row = await rotateCertificate(trx, deps, actor, id, prepared, request.body.validity_days);
          return presentCertificate(await listingOf(trx, row), actor, now());
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/keys/certificates/:id/revoke',
      access: manage,
      summary: 'Revoke: the platform CRL and OCSP answer "revoked" at once, and the key stops signing',
      params: s.certificateParams,
      body: s.revokeCommand,
      response: s.certificateView,
      errors: [e.CERTIFICATE_NOT_FOUND, e.CERTIFICATE_REVOKED],
      handler: async (request) => {
        const actor = actorOf(request);
        return inTransaction(deps.db, async (trx) => {
          const row = await revokeCertificate(trx, deps, actor, request.params.id, request.body.reason);
          return presentCertificate(await listingOf(trx, row), actor, now());
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/keys/self-test',
      access: manage,
      summary: 'Run the key self-test now (it also runs daily)',
      response: s.selfTestView,
      handler: async (request) => {
        const results = await runSelfTest(deps, actorOf(request));
        return { tested: results.length, results };
      },
    }),
  ];
}
