import type { InboxRow } from './inbox.repository.js';

/** An inbox row as the client sees it (no user id, no delivery internals). */
export function presentInboxItem(row: Omit<InboxRow, 'user_id' | 'delivery_id' | 'message_id'>) {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    title: row.title,
    body: row.body,
    link: row.link,
    read_at: row.read_at,
    created_at: row.created_at,
  };
}
