import type { Actor } from '../../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { InboxKind } from '../notifications.tables.js';
import * as repo from './inbox.repository.js';

/** The signed-in user's own inbox; nobody reads or marks another user's messages. */
export function ownerOf(actor: Actor): string {
  if (!actor.userId) throw forbidden('Only users have an inbox');
  return actor.userId;
}

export async function listInbox(
  db: DbOrTrx,
  actor: Actor,
  query: { page: number; page_size: number; unread?: boolean; kind?: InboxKind },
) {
  const userId = ownerOf(actor);
  const { items, total } = await repo.inboxPage(
    db,
    userId,
    query,
    query.page_size,
    (query.page - 1) * query.page_size,
  );
  return {
    items,
    total,
    page: query.page,
    page_size: query.page_size,
    pages: Math.ceil(total / query.page_size),
  };
}

export async function unreadSummary(db: DbOrTrx, actor: Actor) {
  const counts = await repo.unreadCounts(db, ownerOf(actor));
  const by_kind = { system: 0, approval: 0, task: 0, alert: 0 };
  for (const c of counts) by_kind[c.kind] = c.n;
  return { total: counts.reduce((n, c) => n + c.n, 0), by_kind };
}

export async function markInboxRead(trx: Trx, actor: Actor, ids: string[] | 'all', now: string) {
  return { marked: await repo.markRead(trx, ownerOf(actor), ids, now) };
}

export async function deleteInboxItem(trx: Trx, actor: Actor, id: string) {
  if (!(await repo.deleteInboxItem(trx, ownerOf(actor), id))) throw notFound('Message');
}
