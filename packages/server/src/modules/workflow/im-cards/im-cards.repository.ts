import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { WorkflowImCardsTable } from './im-cards.tables.js';

/** SQL of the IM approval cards and their callback nonces. */
export type CardRow = WorkflowImCardsTable;

/** The user's open approval and handler tasks in the instance, that have no card on the provider yet. */
export async function tasksWithoutCard(db: DbOrTrx, instanceId: string, userId: string, provider: string) {
  return db
    .selectFrom('workflow_tasks as t')
    .leftJoin('workflow_im_cards as c', (j) =>
      j.onRef('c.task_id', '=', 't.id').on('c.provider', '=', provider),
    )
    .select(['t.id'])
    .where('t.instance_id', '=', instanceId)
    .where('t.assignee_id', '=', userId)
    .where('t.status', '=', 'pending')
    .where('t.kind', 'in', ['approval', 'handler'])
    .where('c.card_id', 'is', null)
    .execute();
}

export async function insertCard(db: DbOrTrx, row: CardRow): Promise<void> {
  await db.insertInto('workflow_im_cards').values(row).execute();
}

export async function unsentCards(db: DbOrTrx, instanceId: string, userId: string): Promise<CardRow[]> {
  return db
    .selectFrom('workflow_im_cards')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('user_id', '=', userId)
    .where('sent_at', 'is', null)
    .execute();
}

export async function markSent(db: DbOrTrx, cardId: string, at: string): Promise<void> {
  await db.updateTable('workflow_im_cards').set({ sent_at: at }).where('card_id', '=', cardId).execute();
}

export async function findCard(db: DbOrTrx, cardId: string): Promise<CardRow | undefined> {
  return db.selectFrom('workflow_im_cards').selectAll().where('card_id', '=', cardId).executeTakeFirst();
}

/** Marks the card used, once: false when another callback used it first. */
export async function useCard(trx: Trx, cardId: string, outcome: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('workflow_im_cards')
    .set({ used_at: at, outcome })
    .where('card_id', '=', cardId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a callback's nonce; false when it was stored before (a replay). */
export async function rememberNonce(trx: Trx, provider: string, nonce: string, at: string): Promise<boolean> {
  const seen = await trx
    .selectFrom('workflow_im_nonces')
    .select('nonce')
    .where('provider', '=', provider)
    .where('nonce', '=', nonce)
    .executeTakeFirst();
  if (seen) return false;
  try {
    await trx.insertInto('workflow_im_nonces').values({ provider, nonce, seen_at: at }).execute();
    return true;
  } catch {
    return false; // the same nonce stored by a request running at the same moment
  }
}

/** Nonces older than the timestamp window can no longer pass, so they may go. */
export async function forgetNoncesBefore(db: DbOrTrx, before: string): Promise<void> {
  await db.deleteFrom('workflow_im_nonces').where('seen_at', '<', before).execute();
}
