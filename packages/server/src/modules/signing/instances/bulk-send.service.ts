import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { AppError, domainError } from '../../../platform/errors.js';
import { bulkSendJob } from './bulk-send.jobs.js';
import * as repo from './bulk-send.repository.js';
import { checkColumns, readBulkSheet, rowsInvalid, validateBulkRows } from './bulk-sheet.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import { type Language, openRoles } from './instantiate.service.js';
import { rolesOf } from './template-setup.repository.js';
import { templateOrFail } from './template-setup.service.js';

/**
 * Bulk send (issue 15 item 10): one request per row of a CSV/XLSX, every row checked before
 * anything is stored (all problems listed, nothing created when any), then one background job
 * creates and sends them with live progress; a failed row fails alone.
 */
export interface BulkInput {
  templateId: string;
  fileName: string;
  bytes: Buffer;
  title: string | null;
  language: Language;
}

export async function startBulkSend(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  input: BulkInput,
): Promise<repo.BulkRow> {
  const template = await templateOrFail(trx, input.templateId);
  if (template.is_active !== 1)
    throw domainError(instancesErrors.TEMPLATE_INACTIVE, `Template ${template.template_code} is inactive`);
  if (!actor.userId)
    throw new AppError('FORBIDDEN', 'A bulk send is started by a user (its requests are theirs)');
  const roles = await rolesOf(trx, template.id);
  if (roles.length === 0)
    throw domainError(instancesErrors.TEMPLATE_ROLES_INVALID, 'The template has no role placeholders yet');
  const open = openRoles(roles);
  const sheet = await readBulkSheet(input.bytes);
  checkColumns(sheet.header, open);
  const { rows, problems } = validateBulkRows(sheet.header, sheet.body, open);
  if (problems.length > 0) throw rowsInvalid(problems);
  const at = deps.clock.now().toISOString();
  const bulk: repo.BulkRow = {
    id: newId(),
    template_id: template.id,
    status: 'queued',
    file_name: input.fileName,
    title: input.title ?? template.template_name,
    language: input.language,
    total: rows.length,
    done_count: 0,
    failed_count: 0,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    finished_at: null,
  };
  const items: repo.BulkItemRow[] = rows.map((row, index) => ({
    id: newId(),
    bulk_send_id: bulk.id,
    row_index: index + 1,
    status: 'pending',
    data: encodeJson(row),
    request_id: null,
    error: null,
    updated_at: at,
  }));
  await repo.bulks.insert(trx, bulk, items);
  await deps.events.record(trx, actor, {
    type: 'signing.bulk_send.started',
    entityId: bulk.id,
    payload: { template_code: template.template_code, rows: rows.length, file_name: input.fileName },
  });
  await deps.jobs.enqueue(trx, bulkSendJob, { bulk_send_id: bulk.id });
  return bulk;
}

export async function getBulk(db: DbOrTrx, id: string): Promise<repo.BulkRow> {
  const bulk = await repo.bulks.find(db, id);
  if (!bulk) throw new AppError('NOT_FOUND', 'No such bulk send');
  return bulk;
}

/** Stops a bulk send: rows not yet sent are cancelled; requests already sent stay sent. */
export async function cancelBulk(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  id: string,
): Promise<repo.BulkRow> {
  const bulk = await getBulk(trx, id);
  const at = deps.clock.now().toISOString();
  if (!(await repo.bulks.cancel(trx, id, at)))
    throw domainError(instancesErrors.BULK_FINISHED, 'The bulk send has already finished');
  const template = await templateOrFail(trx, bulk.template_id);
  await deps.events.record(trx, actor, {
    type: 'signing.bulk_send.cancelled',
    entityId: id,
    payload: { template_code: template.template_code },
  });
  return getBulk(trx, id);
}

/** A bulk send with every row, for the progress page. */
export async function bulkWithRows(db: DbOrTrx, id: string) {
  const bulk = await getBulk(db, id);
  return { bulk, rows: await repo.bulks.items(db, id) };
}

export async function listBulks(db: DbOrTrx, page: number, size: number) {
  return repo.bulkPage(db, null, page, size);
}
