import { newId } from '../../../platform/db/ids.js';
import type { Db } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { RealtimeBus } from '../../../platform/realtime/realtime-bus.js';
import { insertInboxItem } from '../inbox/inbox.repository.js';
import type { Provider } from './channel-port.js';

/** The realtime topic of a user's inbox. */
export const inboxTopic = (userId: string) => `inbox:${userId}`;

/**
 * Tells the user's open streams that read marks changed (after the commit), so every tab
 * recounts. Best effort: a lost announcement only delays the count to the next event.
 */
export async function announceInboxChanged(bus: RealtimeBus, userId: string): Promise<void> {
  await bus.publish(inboxTopic(userId), { type: 'changed' }).catch(() => undefined);
}

/**
 * In-app messages (站内信): the inbox row is written once per delivery (a unique key on the
 * delivery), then announced on the realtime bus so an open browser in any process shows it
 * at once. A browser that was closed reads it from the inbox when it comes back.
 */
export function inAppProvider(options: { db: Db; bus: RealtimeBus; now: () => Date }): Provider {
  return {
    name: 'in_app',
    async send(message) {
      const { row, extra } = message;
      const userId = row.user_id ?? '';
      const item = {
        id: newId(),
        user_id: userId,
        delivery_id: row.id,
        message_id: row.message_id,
        kind: extra.inbox_kind ?? 'system',
        category: row.category,
        title: message.subject ?? row.template_code,
        body: message.body,
        link: extra.link ?? null,
        read_at: null,
        created_at: options.now().toISOString(),
      };
      const isNew = await inTransaction(options.db, (trx) => insertInboxItem(trx, item));
      if (isNew) {
        const { body, ...summary } = item;
        await options.bus
          .publish(inboxTopic(userId), { type: 'message', item: { ...summary, body: body.slice(0, 2000) } })
          .catch(() => undefined);
      }
      return { providerMessageId: item.id, response: isNew ? 'stored in the inbox' : 'already in the inbox' };
    },
  };
}
