import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type JobQuery = NonNullable<paths['/api/v1/jobs']['get']['parameters']['query']>;
const byId = (id: string) => ({ params: { path: { id } } });

export const jobsApi = {
  queues: () => call(api.GET('/api/v1/jobs/queues')),
  pauseQueue: (name: string, pause: boolean) =>
    call(
      api.POST(pause ? '/api/v1/jobs/queues/{name}/pause' : '/api/v1/jobs/queues/{name}/resume', {
        params: { path: { name } },
      }),
    ),
  list: (query: JobQuery) => call(api.GET('/api/v1/jobs', { params: { query } })),
  get: (id: string) => call(api.GET('/api/v1/jobs/{id}', byId(id))),
  retry: (id: string) => call(api.POST('/api/v1/jobs/{id}/retry', byId(id))),
  cancel: (id: string) => call(api.POST('/api/v1/jobs/{id}/cancel', byId(id))),
  schedules: () => call(api.GET('/api/v1/jobs/schedules')),
  pauseSchedule: (id: string, pause: boolean) =>
    call(
      api.POST(pause ? '/api/v1/jobs/schedules/{id}/pause' : '/api/v1/jobs/schedules/{id}/resume', byId(id)),
    ),
  trigger: (id: string) => call(api.POST('/api/v1/jobs/schedules/{id}/trigger', byId(id))),
};

export type Queue = Awaited<ReturnType<typeof jobsApi.queues>>[number];
export type Job = Awaited<ReturnType<typeof jobsApi.list>>['items'][number];
export type JobDetail = Awaited<ReturnType<typeof jobsApi.get>>;
export type Schedule = Awaited<ReturnType<typeof jobsApi.schedules>>[number];
export const jobStates = ['queued', 'running', 'succeeded', 'dead', 'cancelled'] as const;
export const stateColor: Record<string, string> = {
  queued: 'blue',
  running: 'processing',
  succeeded: 'green',
  dead: 'red',
  cancelled: 'default',
};
