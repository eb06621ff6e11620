import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../platform/actor.js';
import { openEventStream } from '../../../platform/realtime/event-stream.js';
import { inboxTopic } from '../channels/in-app.provider.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { presentInboxItem } from './inbox.presenter.js';
import { inboxSince } from './inbox.repository.js';
import { ownerOf, unreadSummary } from './inbox.service.js';

/**
 * The live inbox: an event stream that first replays what the client missed (after the
 * id it last saw, from Last-Event-ID or `?after=`), then sends the unread counts, then
 * every new message as the realtime bus announces it, in whatever process it was made.
 *
 * The `unread` event is the only source of the count: it is recomputed after every bus
 * event for this inbox (a new message, or messages marked read or deleted in any tab), in
 * order. A count taken once at the start and then bumped per message would count a message
 * twice when it was stored before the first count and announced after it.
 */
export async function streamInbox(
  deps: NotificationsDeps,
  actor: Actor,
  request: FastifyRequest,
  reply: FastifyReply,
  after: string | undefined,
): Promise<FastifyReply> {
  const userId = ownerOf(actor);
  const stream = openEventStream(request, reply);
  // One chain per stream, so counts leave in the order their reasons arrived.
  let chain: Promise<void> = Promise.resolve();
  const sendUnread = () => {
    if (!stream.isOpen) return;
    chain = chain
      .then(async () => stream.send({ event: 'unread', data: await unreadSummary(deps.db, actor) }))
      .catch(() => undefined);
  };
  const unsubscribe = deps.bus.subscribe(inboxTopic(userId), (payload) => {
    const item = (payload as { item?: Parameters<typeof presentInboxItem>[0] }).item;
    if (item)
      chain = chain.then(() => stream.send({ id: item.id, event: 'message', data: presentInboxItem(item) }));
    sendUnread();
  });
  stream.onClose(unsubscribe);
  const lastSeen =
    after ??
    (typeof request.headers['last-event-id'] === 'string' ? request.headers['last-event-id'] : undefined);
  if (lastSeen) {
    for (const row of await inboxSince(deps.db, userId, lastSeen, 200)) {
      stream.send({ id: row.id, event: 'message', data: presentInboxItem(row) });
    }
  }
  sendUnread();
  await chain;
  return reply;
}
