import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type AuditQuery = NonNullable<paths['/api/v1/audit/events']['get']['parameters']['query']>;
export type AuditFilters = Omit<AuditQuery, 'page' | 'page_size' | 'sort'>;

export const auditApi = {
  list: (query: AuditQuery) => call(api.GET('/api/v1/audit/events', { params: { query } })),
  proof: (id: string) => call(api.GET('/api/v1/audit/events/{id}/proof', { params: { path: { id } } })),
  verify: () => call(api.POST('/api/v1/audit/verify')),
};

export type AuditEvent = Awaited<ReturnType<typeof auditApi.list>>['items'][number];
export type Verification = Awaited<ReturnType<typeof auditApi.verify>>;

/** The export URL for the current filters (CSV, PDF report or evidence bundle). */
export function exportUrl(kind: 'export.csv' | 'report.pdf' | 'bundle', filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return `/api/v1/audit/${kind}${text ? `?${text}` : ''}`;
}
