import type { Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { fieldErrors } from './fields.errors.js';
import { setAssists } from './fields.repository.js';
import type * as repo from './requests.repository.js';
import type { NewSigner } from './requests.service.js';
import { SIGNING_ROLES } from './signing.policy.js';

const invalid = (message: string, details: Record<string, unknown>) =>
  domainError(fieldErrors.PARTIES_INVALID, message, { details });

/**
 * Checks how the parties fit together before anything is stored: an any-of-N group's
 * members all sign (signing roles) at one signing_order; an assistant names (`assists`, an
 * index into the request's signers) a signing party that comes after it in order; only
 * assistants assist. `existing` are the signers already on the request (indexes count them first).
 */
export function checkParties(existing: readonly repo.SignerRow[], added: readonly NewSigner[]): void {
  const all = [
    ...existing.map((s) => ({ role: s.role, order: s.signing_order, group: s.signing_group, assists: null })),
    ...added.map((s, i) => ({
      role: s.role ?? 'signer',
      order: s.signing_order ?? existing.length + i + 1,
      group: s.signing_group ?? null,
      assists: s.assists ?? null,
    })),
  ];
  const groups = new Map<string, number>();
  for (const [index, p] of all.entries()) {
    if (p.group !== null) {
      if (!SIGNING_ROLES.has(p.role))
        throw invalid(`Only signing parties can be in a group (signer ${index} is ${p.role})`, { index });
      const order = groups.get(p.group) ?? p.order;
      if (order !== p.order)
        throw invalid(`The members of group "${p.group}" must share one signing_order`, { index });
      groups.set(p.group, order);
    }
    if (p.role === 'assistant') checkAssistant(all, index, p);
    else if (p.assists !== null)
      throw invalid(`Only an assistant assists another signer (signer ${index})`, { index });
  }
}

function checkAssistant(
  all: readonly { role: string; order: number; assists: number | null }[],
  index: number,
  p: { order: number; assists: number | null },
): void {
  const target = p.assists === null ? undefined : all[p.assists];
  if (!target || !SIGNING_ROLES.has(target.role as never))
    throw invalid(`Assistant ${index} must name (assists) a signing party of this request`, { index });
  if (target.order <= p.order)
    throw invalid(`Assistant ${index} must come before the signer it assists (lower signing_order)`, {
      index,
    });
}

/** Stores each new assistant's link to the signer it assists (rows: every signer, in index order). */
export async function linkAssistants(
  trx: Trx,
  rows: readonly repo.SignerRow[],
  added: readonly NewSigner[],
  offset: number,
): Promise<void> {
  for (const [i, s] of added.entries()) {
    const target = s.assists === undefined || s.assists === null ? undefined : rows[s.assists];
    const assistant = rows[offset + i];
    if (!target || !assistant || s.role !== 'assistant') continue;
    await setAssists(trx, assistant.id, target.id);
    assistant.assists_signer_id = target.id;
  }
}
