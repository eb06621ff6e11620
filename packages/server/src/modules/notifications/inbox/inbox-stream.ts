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
  const unsubscribe = deps.bus.subscribe(inboxTopic(userId), (payload) => {
    const item = (payload as { item?: Parameters<typeof presentInboxItem>[0] }).item;
    if (item) stream.send({ id: item.id, event: 'message', data: presentInboxItem(item) });
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
  stream.send({ event: 'unread', data: await unreadSummary(deps.db, actor) });
  return reply;
}
