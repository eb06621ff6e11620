import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { SealsDeps } from './seals.deps.js';
import * as repo from './seals.repository.js';
import { getSeal } from './seals.service.js';

export interface NewAuthorisation {
  seal_id: string;
  subject_type: 'user' | 'role' | 'department';
  subject_id: string;
  categories?: string[];
  valid_from: string;
  valid_until: string;
  requires_approval?: boolean;
  workflow_definition_id?: string | null;
}

/** Grants the use of a seal to a user, a role or a department, for categories, in a window. */
export async function grantAuthorisation(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  input: NewAuthorisation,
): Promise<repo.AuthorisationRow> {
  const seal = await getSeal(trx, input.seal_id);
  const from = new Date(input.valid_from);
  const until = new Date(input.valid_until);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime()) || until <= from)
    throw new AppError('VALIDATION', 'The validity window must end after it starts.', {
      fieldErrors: [{ field: 'valid_until', message: 'must be after valid_from' }],
    });
  const row: repo.AuthorisationRow = {
    id: newId(),
    seal_id: seal.id,
    subject_type: input.subject_type,
    subject_id: input.subject_id,
    categories: JSON.stringify([...new Set(input.categories ?? [])]),
    valid_from: from.toISOString(),
    valid_until: until.toISOString(),
    requires_approval: input.requires_approval ? 1 : 0,
    workflow_definition_id: input.workflow_definition_id ?? null,
    created_by: actor.userId,
    created_at: deps.clock.now().toISOString(),
    revoked_at: null,
  };
  await repo.insertAuthorisation(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.authorised',
    entityId: seal.id,
    payload: { authorisation_id: row.id, subject: `${row.subject_type}:${row.subject_id}` },
    after: { categories: row.categories, valid_from: row.valid_from, valid_until: row.valid_until },
  });
  return row;
}

export async function revokeAuthorisation(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  id: string,
): Promise<repo.AuthorisationRow> {
  const row = await repo.findAuthorisation(trx, id);
  if (!row) throw notFound('Seal authorisation');
  const at = deps.clock.now().toISOString();
  if (!(await repo.revokeAuthorisation(trx, id, at))) return row;
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.authorisation_revoked',
    entityId: row.seal_id,
    payload: { authorisation_id: id },
  });
  return { ...row, revoked_at: at };
}

export function listAuthorisations(
  db: DbOrTrx,
  query: PageRequest & { seal_id?: string },
): Promise<Page<repo.AuthorisationRow>> {
  return repo.authorisationPage(db, { sealId: query.seal_id }, query);
}

export function listUses(
  db: DbOrTrx,
  query: PageRequest & { seal_id?: string; document_id?: string; user_id?: string },
): Promise<Page<repo.SealUseRow>> {
  return repo.usePage(
    db,
    { sealId: query.seal_id, documentId: query.document_id, userId: query.user_id },
    query,
  );
}
