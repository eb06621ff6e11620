import type { Actor } from '../../platform/actor.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import type { PercentBox } from './field-stamps.js';
import { type FilledField, fillFields } from './field-values.js';
import { fieldErrors } from './fields.errors.js';
import { closeGroup, setFieldValue } from './fields.repository.js';
import { fieldsFor } from './fields.service.js';
import * as repo from './requests.repository.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { accessFor, requireTurn, type SignerAccess } from './signing-link.service.js';

/** Stores the values an action set (who and when), in the recording transaction. */
export async function recordFills(
  trx: Trx,
  filled: readonly FilledField[],
  by: string,
  at: string,
): Promise<void> {
  for (const f of filled)
    if (f.changed && f.value !== null)
      await setFieldValue(trx, f.field.id, { value: f.value, filled_by: by, filled_at: at });
}

/**
 * The signer's own signature box when the sender placed none for them (free placement);
 * refused when a signature field was placed (the sender decided where), or on a document
 * the request does not carry.
 */
export function freePlacement(
  access: SignerAccess,
  filled: readonly FilledField[],
  asked: (PercentBox & { document_id?: string }) | undefined,
): (PercentBox & { document_id: string }) | undefined {
  if (!asked) return undefined;
  const invalid = (message: string) => domainError(fieldErrors.FIELD_VALUE_INVALID, message);
  if (filled.some((f) => f.field.field_type === 'signature'))
    throw invalid('The sender placed your signature; signature_placement is not taken');
  const documentId = asked.document_id ?? access.bundle.documents[0]?.document_id;
  if (!access.bundle.documents.some((d) => d.document_id === documentId) || documentId === undefined)
    throw invalid('signature_placement names a document this request does not carry');
  if (asked.x + asked.width > 100.01 || asked.y + asked.height > 100.01)
    throw invalid('signature_placement reaches beyond the page');
  return { ...asked, document_id: documentId };
}

/**
 * An assistant's action (POST /fill): in its turn, it fills the value fields of the signer it
 * assists (pre-filled for that signer, who may still change them) and is done (`filled`),
 * which gives that signer the turn. Validates everything before writing.
 */
export async function fillAsAssistant(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  signerId: string,
  values: readonly { id: string; value: string }[],
): Promise<void> {
  const fresh = await repo.findSigner(trx, signerId);
  if (!fresh) throw domainError(signingErrors.LINK_INVALID, 'The signer is gone');
  const access = await accessFor(trx, deps, fresh);
  if (access.signer.role !== 'assistant')
    throw domainError(
      fieldErrors.WRONG_ACTION,
      'Only assistants fill fields for another signer; sign instead',
    );
  requireTurn(access);
  const filled = fillFields(await fieldsFor(trx, access.signer), values, 'assistant');
  const at = deps.clock.now().toISOString();
  await recordFills(trx, filled, fresh.id, at);
  if (
    !(await repo.moveSigner(trx, fresh.id, ['sent', 'viewed'], {
      status: 'filled',
      signed_at: at,
      updated_at: at,
    }))
  )
    throw domainError(signingErrors.SIGNER_DONE, 'This assistant has already filled the fields');
  await deps.audit.record(trx, actor, {
    type: 'signing.request.fields_filled',
    entityId: access.bundle.request.id,
    payload: {
      request_number: access.bundle.request.request_number,
      signer_id: fresh.id,
      signer_name: fresh.signer_name,
      detail: `${filled.filter((f) => f.changed).length} field(s) for ${access.signer.assists_signer_id}`,
    },
  });
}

/** Any-of-N: once a member signed, the others' places close and their links die (audited each). */
export async function closeGroupOf(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  at: string,
): Promise<void> {
  const group = access.signer.signing_group;
  if (!group) return;
  const closed = await closeGroup(trx, access.bundle.request.id, group, access.signer.id, at);
  for (const id of closed) {
    const member = access.bundle.signers.find((s) => s.id === id);
    await deps.audit.record(trx, actor, {
      type: 'signing.request.group_closed',
      entityId: access.bundle.request.id,
      payload: {
        request_number: access.bundle.request.request_number,
        signer_id: id,
        signer_name: member?.signer_name ?? '',
        detail: `group ${group}: signed by ${access.signer.signer_name}`,
      },
    });
  }
}
