import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { invalid } from '../../../platform/errors.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import * as repo from './words.repository.js';

/**
 * The admin-managed sensitive-word list. Words are stored trimmed; matching folds case
 * and full-width forms, so one entry covers `Bad`, `bad` and `ＢＡＤ`.
 */
export async function changeWords(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  change: { add?: { word: string; action: 'block' | 'mask' }[]; remove?: string[] },
): Promise<{ added: number; removed: number }> {
  const now = deps.clock.now().toISOString();
  const add = (change.add ?? []).map((w, i) => {
    const word = w.word.trim();
    if (word.length === 0) throw invalid(`add[${i}].word`, 'must not be blank');
    return { id: newId(), word, action: w.action, created_by: actor.userId, created_at: now };
  });
  await repo.upsertWords(trx, add);
  const removed = await repo.deleteWords(
    trx,
    (change.remove ?? []).map((w) => w.trim()),
  );
  await repo.bumpWordsVersion(trx, newId(), now);
  await deps.audit.record(trx, actor, {
    type: 'notifications.words.changed',
    entityId: 'sensitive-words',
    payload: { added: add.length, removed },
  });
  return { added: add.length, removed };
}

export async function listWords(db: DbOrTrx, query: { q?: string; page: number; page_size: number }) {
  const { items, total } = await repo.wordPage(
    db,
    query.q,
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

/** Checks a text against the current list: what a block would refuse, what a mask would star. */
export async function checkText(db: DbOrTrx, deps: NotificationsDeps, text: string) {
  const filter = await deps.words.current(db);
  return { blocked: filter.blocked(text), masked: filter.mask(text) };
}
