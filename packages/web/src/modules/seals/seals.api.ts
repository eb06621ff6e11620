import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type SealQuery = NonNullable<paths['/api/v1/seals']['get']['parameters']['query']>;
export type NewSeal = paths['/api/v1/seals']['post']['requestBody']['content']['application/json'];
export type SealDesign = NonNullable<NewSeal['design']>;
export type NewAuthorisation =
  paths['/api/v1/seals/{id}/authorisations']['post']['requestBody']['content']['application/json'];
export type UseQuery = NonNullable<paths['/api/v1/seals/uses']['get']['parameters']['query']>;
export type RequestQuery = NonNullable<paths['/api/v1/seals/use-requests']['get']['parameters']['query']>;
export type BatchApply =
  paths['/api/v1/seals/{id}/batch-apply']['post']['requestBody']['content']['application/json'];
const byId = (id: string) => ({ params: { path: { id } } });

export const sealsApi = {
  list: (query: SealQuery) => call(api.GET('/api/v1/seals', { params: { query } })),
  create: (body: NewSeal) => call(api.POST('/api/v1/seals', { body })),
  preview: (design: SealDesign) => call(api.POST('/api/v1/seals/preview', { body: { design } })),
  event: (id: string, event: 'suspend' | 'reactivate' | 'retire') =>
    call(api.POST('/api/v1/seals/{id}/events', { ...byId(id), body: { event } })),
  authorisations: (seal_id: string) =>
    call(
      api.GET('/api/v1/seals/authorisations', {
        params: { query: { seal_id, page: 1, page_size: 100, sort: '-created_at' } },
      }),
    ),
  grant: (id: string, body: NewAuthorisation) =>
    call(api.POST('/api/v1/seals/{id}/authorisations', { ...byId(id), body })),
  revoke: (id: string) => call(api.DELETE('/api/v1/seals/authorisations/{id}', byId(id))),
  requests: (query: RequestQuery) => call(api.GET('/api/v1/seals/use-requests', { params: { query } })),
  uses: (query: UseQuery) => call(api.GET('/api/v1/seals/uses', { params: { query } })),
  /** The active seals the caller may use now, each with whether an approval is needed. */
  usable: () => call(api.GET('/api/v1/seals/usable', { params: { query: {} } })).then((r) => r.items),
  /** Batch sealing: one seal-use request (one approval) for several documents. */
  requestBatch: (id: string, document_ids: string[]) =>
    call(api.POST('/api/v1/seals/{id}/use-requests', { ...byId(id), body: { document_ids } })),
  batchApply: (id: string, body: BatchApply) =>
    call(api.POST('/api/v1/seals/{id}/batch-apply', { ...byId(id), body })),
  approvalStatus: (id: string) => call(api.GET('/api/v1/approvals/{id}', byId(id))).then((r) => r.status),
  /** Documents the caller may read (the batch page's choice), newest first. */
  documents: (q?: string) =>
    call(
      api.GET('/api/v1/documents', {
        params: { query: { page: 1, page_size: 100, sort: '-created_at', ...(q ? { q } : {}) } },
      }),
    ),
  /** Active organisation certificates of the keys module (the seal's signer). */
  certificates: () =>
    call(
      api.GET('/api/v1/keys/certificates', {
        params: { query: { page: 1, page_size: 100, sort: 'legal_name', state: 'active' } },
      }),
    ),
  /** Published workflow definitions (the approval of a seal use). */
  workflows: () =>
    call(
      api.GET('/api/v1/workflows', {
        params: { query: { page: 1, page_size: 100, sort: 'name', status: 'published' } },
      }),
    ),
};

export type Seal = Awaited<ReturnType<typeof sealsApi.list>>['items'][number];
export type Authorisation = Awaited<ReturnType<typeof sealsApi.authorisations>>['items'][number];
export type SealRequest = Awaited<ReturnType<typeof sealsApi.requests>>['items'][number];
export type SealUse = Awaited<ReturnType<typeof sealsApi.uses>>['items'][number];
export type UsableSeal = Awaited<ReturnType<typeof sealsApi.usable>>[number];
export type BatchResult = Awaited<ReturnType<typeof sealsApi.batchApply>>;
export type BatchDocument = Awaited<ReturnType<typeof sealsApi.documents>>['items'][number];
export const statusColor: Record<string, string> = {
  active: 'green',
  suspended: 'orange',
  retired: 'default',
};
export const sealTypes = ['company', 'contract', 'finance', 'legal_rep', 'personal', 'custom'] as const;

/** Base64 of a picked file. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}
export const outcomeColor: Record<string, string> = {
  sealed: 'green',
  already_sealed: 'default',
  refused: 'red',
};
export const requestStatusColor: Record<string, string> = {
  pending: 'blue',
  approved: 'green',
  used: 'default',
  rejected: 'red',
  withdrawn: 'orange',
  returned: 'orange',
};
