import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { reportError } from '@/platform/errors/report';
import { openStream } from './event-stream';
import { type InboxItem, notificationsApi, type Unread } from './notifications.api';

const shown = 10;

/**
 * The header bell's state: the unread count and the newest messages, kept current by the
 * live inbox stream (a new message arrives within the server's push, no polling).
 */
export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0);
  const items = shallowRef<InboxItem[]>([]);
  const loading = ref(false);
  let stop: (() => void) | null = null;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const page = await notificationsApi.inbox({ page: 1, page_size: shown });
      items.value = page.items;
    } catch (error) {
      reportError(error);
    } finally {
      loading.value = false;
    }
  }

  function start(): void {
    if (stop) return;
    stop = openStream('/api/v1/notifications/inbox/stream', (event) => {
      if (event.event === 'unread') unread.value = (JSON.parse(event.data) as Unread).total;
      if (event.event === 'message') receive(JSON.parse(event.data) as InboxItem);
    });
  }

  // The count comes only from the stream's `unread` events, which the server recomputes after
  // each message and each read mark; counting here too would count a message twice.
  function receive(item: InboxItem): void {
    if (items.value.some((i) => i.id === item.id)) return;
    items.value = [item, ...items.value].slice(0, shown);
  }

  /** Closes the stream and forgets the messages (the next user of this tab sees none of them). */
  function stopStream(): void {
    stop?.();
    stop = null;
    items.value = [];
    unread.value = 0;
  }

  async function markRead(ids: string[] | 'all'): Promise<void> {
    try {
      await notificationsApi.markRead(ids);
      const now = new Date().toISOString();
      items.value = items.value.map((i) =>
        ids === 'all' || ids.includes(i.id) ? { ...i, read_at: i.read_at ?? now } : i,
      );
      unread.value = (await notificationsApi.unread()).total;
    } catch (error) {
      reportError(error);
    }
  }

  return { unread, items, loading, load, start, stop: stopStream, markRead };
});
