import { api, call } from '@/platform/api/http-client';

export const dashboardApi = {
  overview: () => call(api.GET('/api/v1/monitor/overview')),
  queues: () => call(api.GET('/api/v1/jobs/queues')),
  sessions: () =>
    call(
      api.GET('/api/v1/sessions', { params: { query: { page: 1, page_size: 1, sort: '-last_seen_at' } } }),
    ),
  ready: async () =>
    (await fetch('/ready')).json() as Promise<{
      status: string;
      checks: { name: string; ok: boolean; detail?: string }[];
    }>,
};

export type Overview = Awaited<ReturnType<typeof dashboardApi.overview>>;
export type QueueRow = Awaited<ReturnType<typeof dashboardApi.queues>>[number];
