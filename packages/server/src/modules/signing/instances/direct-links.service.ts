import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, domainError } from '../../../platform/errors.js';
import { hashToken, newLinkToken } from '../send.service.js';
import { SIGNING_ROLES } from '../signing.policy.js';
import * as repo from './direct-links.repository.js';
import { type InstancesDeps, instanceLimits } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import {
  createInstance,
  type Language,
  openRoles,
  type Party,
  stageSummary,
  stageTemplate,
} from './instantiate.service.js';
import { documentsOf, rolesOf } from './template-setup.repository.js';
import { templateOrFail } from './template-setup.service.js';

/**
 * A template's direct link (DocuSeal's "share link"): anyone holding it enters a name and an
 * address and signs a new instance of the template. The secret (256 bits) is answered once
 * and stored as a SHA-256; rotating kills the old one, disabling stops every use; each
 * submission is counted per client IP (DIRECT_LINK rate) and audited.
 */
export const directUrl = (deps: InstancesDeps, token: string) => `${deps.publicUrl}/direct/${token}`;

const linkInvalid = () =>
  domainError(instancesErrors.DIRECT_LINK_INVALID, 'This link is not valid (unknown, disabled or replaced)');

/** The one role the visitor fills: named, else the template's only open signing role. */
async function visitorRole(db: DbOrTrx, templateId: string, roleKey: string | undefined): Promise<string> {
  const open = openRoles(await rolesOf(db, templateId));
  const signing = open.filter((r) => SIGNING_ROLES.has(r.role));
  const chosen = roleKey ? signing.find((r) => r.role_key === roleKey) : signing[0];
  const invalid = (message: string) =>
    domainError(instancesErrors.TEMPLATE_ROLES_INVALID, message, {
      fieldErrors: [{ field: 'role_key', message }],
    });
  if (!chosen) throw invalid('Name a role that signs and has no fixed person on the template');
  if (open.length > 1)
    throw invalid(
      `Every role but the visitor’s needs a fixed person on the template (open: ${open.map((r) => r.role_key).join(', ')})`,
    );
  return chosen.role_key;
}

/** Publishes the link, or rotates it (a new secret; the old one dies at once). Answers the secret once. */
export async function issueDirectLink(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  templateId: string,
  roleKey: string | undefined,
) {
  const template = await templateOrFail(trx, templateId);
  if (!actor.userId)
    throw new AppError('FORBIDDEN', 'A direct link is published by a user (its requests are theirs)');
  const role = await visitorRole(trx, templateId, roleKey);
  const { token, hash } = newLinkToken();
  const at = deps.clock.now().toISOString();
  const existing = await repo.linkOfTemplate(trx, templateId);
  if (existing)
    await repo.updateLink(trx, existing.id, {
      token_hash: hash,
      role_key: role,
      is_enabled: 1,
      created_by: actor.userId,
      rotated_at: at,
      updated_at: at,
    });
  else
    await repo.insertLink(trx, {
      id: newId(),
      template_id: templateId,
      role_key: role,
      token_hash: hash,
      is_enabled: 1,
      use_count: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      rotated_at: null,
      last_used_at: null,
    });
  await deps.events.record(trx, actor, {
    type: 'signing.direct_link.issued',
    entityId: templateId,
    payload: { template_code: template.template_code, detail: existing ? 'rotated' : `role ${role}` },
  });
  return {
    link: (await repo.linkOfTemplate(trx, templateId)) as repo.DirectLinkRow,
    token,
    url: directUrl(deps, token),
  };
}

export async function setDirectLinkEnabled(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  templateId: string,
  enabled: boolean,
): Promise<repo.DirectLinkRow> {
  const template = await templateOrFail(trx, templateId);
  const link = await repo.linkOfTemplate(trx, templateId);
  if (!link) throw new AppError('NOT_FOUND', 'The template has no direct link yet');
  await repo.updateLink(trx, link.id, {
    is_enabled: enabled ? 1 : 0,
    updated_at: deps.clock.now().toISOString(),
  });
  await deps.events.record(trx, actor, {
    type: enabled ? 'signing.direct_link.enabled' : 'signing.direct_link.disabled',
    entityId: templateId,
    payload: { template_code: template.template_code, detail: null },
  });
  return { ...link, is_enabled: enabled ? 1 : 0 };
}

/** The link behind a secret: enabled, its template active; every failure looks the same. */
export async function openDirectLink(db: DbOrTrx, token: string) {
  const link = await repo.linkByHash(db, hashToken(token));
  if (link?.is_enabled !== 1) throw linkInvalid();
  const template = await templateOrFail(db, link.template_id);
  if (template.is_active !== 1) throw linkInvalid();
  const roles = await rolesOf(db, template.id);
  const role = roles.find((r) => r.role_key === link.role_key);
  if (!role) throw linkInvalid();
  return { link, template, role };
}

/** Per-IP fixed window on submissions (the IP as the server resolved it, never from the body). */
export async function takeDirectLinkHit(deps: InstancesDeps, ip: string | null): Promise<void> {
  const window = instanceLimits.directLinkWindowMs;
  const now = deps.clock.now().getTime();
  const start = Math.floor(now / window) * window;
  const counted = await repo.takeHit(deps.db, {
    ipKey: createHash('sha256')
      .update(`direct-link:${ip ?? 'unknown'}`)
      .digest('hex'),
    windowStart: new Date(start).toISOString(),
    max: instanceLimits.directLinkPerIp,
    staleBefore: new Date(start - window).toISOString(),
  });
  if (!counted)
    throw new AppError('RATE_LIMITED', 'Too many requests from this address, try again later', {
      details: { retryAfterSeconds: Math.ceil((start + window - now) / 1000) },
    });
}

/**
 * A visitor signs up through the link: a new request from the template, the visitor in the
 * link's role, created and sent in one transaction; answers their own signing link.
 */
export async function submitDirectLink(
  deps: InstancesDeps,
  visitor: Actor,
  token: string,
  input: Party & { language?: Language | undefined },
) {
  await takeDirectLinkHit(deps, visitor.ip);
  const { link, template } = await openDirectLink(deps.db, token);
  const staged = await stageTemplate(deps, template.id);
  // the request is the link owner's (documents need an owner); the visitor is recorded as the actor's IP and agent
  const actor: Actor = {
    ...visitor,
    type: 'system',
    id: 'signing.direct-link',
    name: 'system:signing.direct-link',
    userId: link.created_by,
  };
  const instance = {
    staged,
    parties: { [link.role_key]: input },
    entityId: `direct-${newId()}`,
    title: `${template.template_name} — ${input.signer_name}`.slice(0, 300),
    language: input.language ?? 'en',
  };
  const summary = await stageSummary(deps, instance);
  return inTransaction(deps.db, async (trx) => {
    if (!(await repo.countUse(trx, link, deps.clock.now().toISOString()))) throw linkInvalid();
    const made = await createInstance(trx, deps, actor, instance, summary);
    await deps.events.record(trx, actor, {
      type: 'signing.direct_link.used',
      entityId: template.id,
      payload: {
        template_code: template.template_code,
        request_number: made.request.request_number,
        signer_name: input.signer_name,
      },
    });
    // the visitor's place: the role's order, the name they entered (fixed roles carry other names)
    const order = staged.roles.find((r) => r.role_key === link.role_key)?.signing_order;
    const name = input.signer_name.normalize('NFC').trim();
    const own = made.links.find((l) => l.signing_order === order && l.signer_name === name);
    if (!own) throw new AppError('INTERNAL', 'The visitor’s link was not issued');
    return { request: made.request, link: own };
  });
}

/** What the public page of a link shows (nothing of the PDFs but their names). */
export async function directLinkPage(db: DbOrTrx, token: string) {
  const { template, role } = await openDirectLink(db, token);
  const docs = await documentsOf(db, template.id);
  return {
    template_name: template.template_name,
    description: template.description,
    entity_type: template.entity_type,
    role_label: role.label,
    consent_text: template.consent_text,
    documents: docs.map((d) => ({ file_name: d.file_name })),
  };
}
