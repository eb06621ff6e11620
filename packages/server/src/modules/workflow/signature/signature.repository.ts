import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { WorkflowSignatureRequestsTable } from './signature.tables.js';

export type SignatureRequestLink = WorkflowSignatureRequestsTable;

export async function insertLink(trx: Trx, link: SignatureRequestLink): Promise<void> {
  await trx.insertInto('workflow_signature_requests').values(link).execute();
}

export function findLink(db: DbOrTrx, requestId: string): Promise<SignatureRequestLink | undefined> {
  return db
    .selectFrom('workflow_signature_requests')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export function linksOf(db: DbOrTrx, instanceId: string): Promise<SignatureRequestLink[]> {
  return db
    .selectFrom('workflow_signature_requests')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('created_at')
    .execute();
}
