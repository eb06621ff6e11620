import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import type { NotificationSensitiveWordsTable } from '../notifications.tables.js';

/** SQL of the sensitive-word list and its version counter (bumped by every change). */
export type WordRow = NotificationSensitiveWordsTable;

const versionKey = 'words_version';

export async function wordsVersion(db: DbOrTrx): Promise<string> {
  const row = await db
    .selectFrom('notification_settings')
    .select('value')
    .where('key', '=', versionKey)
    .executeTakeFirst();
  return row?.value ?? '0';
}

export async function bumpWordsVersion(trx: Trx, version: string, at: string): Promise<void> {
  const updated = await trx
    .updateTable('notification_settings')
    .set({ value: version, updated_at: at })
    .where('key', '=', versionKey)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx
      .insertInto('notification_settings')
      .values({ key: versionKey, value: version, updated_at: at })
      .execute();
  }
}

export async function allWords(db: DbOrTrx): Promise<Pick<WordRow, 'word' | 'action'>[]> {
  return db.selectFrom('notification_sensitive_words').select(['word', 'action']).orderBy('word').execute();
}

export async function wordPage(db: DbOrTrx, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('notification_sensitive_words');
  if (q) query = query.where('word', 'like', `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const items = await query.selectAll().orderBy('word').limit(limit).offset(offset).execute();
  return { items, total: Number(total?.n ?? 0) };
}

export async function upsertWords(trx: Trx, rows: WordRow[]): Promise<void> {
  for (const row of rows) {
    const updated = await trx
      .updateTable('notification_sensitive_words')
      .set({ action: row.action })
      .where('word', '=', row.word)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await trx.insertInto('notification_sensitive_words').values(row).execute();
  }
}

export async function deleteWords(trx: Trx, words: string[]): Promise<number> {
  if (words.length === 0) return 0;
  const result = await trx
    .deleteFrom('notification_sensitive_words')
    .where('word', 'in', words)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
