import { ApiError } from '@/platform/api/api-error';
import { api, authorizedFetch, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';
import { accessToken } from '@/platform/auth/tokens';

export type DocumentChanges =
  paths['/api/v1/documents/{id}']['patch']['requestBody']['content']['application/json'];
export type DocumentQuery = NonNullable<paths['/api/v1/documents']['get']['parameters']['query']>;
const byId = (id: string) => ({ params: { path: { id } } });
const base = '/api/v1/documents';

export const documentsApi = {
  list: (query: DocumentQuery) => call(api.GET('/api/v1/documents', { params: { query } })),
  versions: (id: string) => call(api.GET('/api/v1/documents/{id}/versions', byId(id))),
  restoreVersion: (id: string, version: number) =>
    call(
      api.POST('/api/v1/documents/{id}/versions/{version}/restore', { params: { path: { id, version } } }),
    ),
  /** `reason`: why (Annex 11 §9); the server demands one for a regulated category (40020). */
  trash: (id: string, reason?: string) =>
    call(
      api.POST('/api/v1/documents/{id}/trash', {
        params: { path: { id }, query: reason ? { reason } : {} },
      }),
    ),
  update: (id: string, body: DocumentChanges) =>
    call(api.PATCH('/api/v1/documents/{id}', { ...byId(id), body })),
  restore: (id: string) => call(api.POST('/api/v1/documents/{id}/restore', byId(id))),
  retentionPolicies: () => call(api.GET('/api/v1/documents/retention-policies')),
  setRetention: (
    category: (typeof categories)[number],
    body: {
      keep_years: number;
      worm: boolean;
      watermark?: boolean;
      reason_required?: boolean;
      note?: string | null;
    },
  ) =>
    call(
      api.PUT('/api/v1/documents/retention-policies/{category}', { params: { path: { category } }, body }),
    ),
  setLegalHold: (id: string, reason: string | null) =>
    call(api.PUT('/api/v1/documents/{id}/legal-hold', { ...byId(id), body: { reason } })),
  thumbnails: (id: string, version: number) =>
    call(
      api.GET('/api/v1/documents/{id}/versions/{version}/thumbnails', { params: { path: { id, version } } }),
    ),
  /** One page thumbnail (PNG) with the caller's token, for an object URL. */
  async thumbnail(id: string, version: number, page: number): Promise<Blob> {
    const response = await authorizedFetch(
      new Request(`${base}/${id}/versions/${version}/thumbnails/${page}`),
    );
    if (!response.ok) throw ApiError.fromResponse(response, await response.json().catch(() => null));
    return response.blob();
  },
  contentUrl: (id: string, version: number) => `${base}/${id}/versions/${version}/content`,
  /** The preview's bytes (PDF or image) with the caller's token, for pdf.js or an object URL. */
  async preview(id: string, version: number): Promise<Blob> {
    const response = await authorizedFetch(new Request(`${base}/${id}/versions/${version}/preview`));
    if (!response.ok) throw ApiError.fromResponse(response, await response.json().catch(() => null));
    return response.blob();
  },
};

export type DocumentRow = Awaited<ReturnType<typeof documentsApi.list>>['items'][number];
export type RetentionPolicy = Awaited<ReturnType<typeof documentsApi.retentionPolicies>>[number];
export type DocumentVersion = Awaited<ReturnType<typeof documentsApi.versions>>[number];
export const categories = ['contract', 'technical', 'drawing', 'other'] as const;

/**
 * Uploads one file as multipart (fields first, then the file) with progress. XMLHttpRequest,
 * because fetch reports no upload progress; the body is the File itself, streamed by the browser.
 */
export function uploadDocument(
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
  url = base,
): Promise<unknown> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = accessToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(ApiError.network(new Error('upload failed')));
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body?.data);
      else reject(ApiError.fromResponse(new Response(null, { status: xhr.status }), body));
    };
    xhr.send(form);
  });
}
