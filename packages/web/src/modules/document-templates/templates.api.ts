import { ApiError } from '@/platform/api/api-error';
import { api, authorizedFetch, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';
import { uploadDocument } from '../documents/documents.api';

const base = '/api/v1/document-templates';
const byId = (id: string) => ({ params: { path: { id } } });
type ListQuery = NonNullable<paths['/api/v1/document-templates']['get']['parameters']['query']>;
export type BatchBody =
  paths['/api/v1/document-templates/{id}/batches']['post']['requestBody']['content']['application/json'];
type SchemaEdit =
  paths['/api/v1/document-templates/{id}/versions/{version}/variables']['put']['requestBody']['content']['application/json'];
export type PreviewBody =
  paths['/api/v1/document-templates/{id}/preview']['post']['requestBody']['content']['application/json'];
type DraftPreviewBody =
  paths['/api/v1/document-templates/drafts/{draftId}/preview']['post']['requestBody']['content']['application/json'];
type DraftSaveBody =
  paths['/api/v1/document-templates/drafts/{draftId}/save']['post']['requestBody']['content']['application/json'];
const byDraft = (draftId: string) => ({ params: { path: { draftId } } });

/** POSTs JSON and answers the PDF the server renders (a preview). */
async function pdfOf(url: string, body: object): Promise<Blob> {
  const response = await authorizedFetch(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  if (!response.ok) throw ApiError.fromResponse(response, await response.json().catch(() => null));
  return response.blob();
}

export const templatesApi = {
  list: (query: ListQuery) => call(api.GET('/api/v1/document-templates', { params: { query } })),
  detail: (id: string) => call(api.GET('/api/v1/document-templates/{id}', byId(id))),
  versions: (id: string) => call(api.GET('/api/v1/document-templates/{id}/versions', byId(id))),
  diff: (id: string, version: number) =>
    call(
      api.GET('/api/v1/document-templates/{id}/versions/{version}/diff', {
        params: { path: { id, version } },
      }),
    ),
  saveVariables: (id: string, version: number, variables: SchemaEdit['variables']) =>
    call(
      api.PUT('/api/v1/document-templates/{id}/versions/{version}/variables', {
        params: { path: { id, version } },
        body: { variables },
      }),
    ),
  sources: () => call(api.GET('/api/v1/document-templates/record-sources')),
  record: (entityType: string, entityId: string) =>
    call(
      api.GET('/api/v1/document-templates/record-sources/{entityType}/{entityId}', {
        params: { path: { entityType, entityId } },
      }),
    ),
  startBatch: (id: string, body: BatchBody) =>
    call(api.POST('/api/v1/document-templates/{id}/batches', { ...byId(id), body })),
  batch: (batchId: string) =>
    call(api.GET('/api/v1/document-templates/batches/{batchId}', { params: { path: { batchId } } })),
  cancel: (batchId: string) =>
    call(api.POST('/api/v1/document-templates/batches/{batchId}/cancel', { params: { path: { batchId } } })),
  zipUrl: (batchId: string) => `${base}/batches/${batchId}/zip`,
  /** The template filled with `body`'s data (or the samples, or a record) as a PDF. */
  preview: (id: string, body: PreviewBody) => pdfOf(`${base}/${id}/preview`, body),
  /** Stages a DOCX as an unsaved draft (of a new template, or of `templateId`'s next version). */
  stageDraft: async (file: File, templateId?: string) =>
    (await uploadDocument(
      templateId ? { template_id: templateId } : {},
      file,
      () => {},
      `${base}/drafts`,
    )) as DraftView,
  /** An unsaved draft filled with sample data as a PDF; nothing is saved. */
  previewDraft: (draftId: string, body: DraftPreviewBody) => pdfOf(`${base}/drafts/${draftId}/preview`, body),
  /** Saves the draft as a template or version, without uploading the file again. */
  saveDraft: (draftId: string, body: DraftSaveBody) =>
    call(api.POST('/api/v1/document-templates/drafts/{draftId}/save', { ...byDraft(draftId), body })),
  discardDraft: (draftId: string) =>
    call(api.DELETE('/api/v1/document-templates/drafts/{draftId}', byDraft(draftId))),
  /** Multipart uploads (a template, a version, a data sheet) with progress. */
  upload: (url: string, fields: Record<string, string>, file: File, onProgress = (_: number) => {}) =>
    uploadDocument(fields, file, onProgress, `${base}${url}`),
};

export type TemplateRow = Awaited<ReturnType<typeof templatesApi.list>>['items'][number];
export type TemplateDetail = Awaited<ReturnType<typeof templatesApi.detail>>;
export type TemplateVariable = SchemaEdit['variables'][number];
export type DraftView =
  paths['/api/v1/document-templates/drafts']['post']['responses']['201']['content']['application/json']['data'];
export type VariableChange = TemplateDetail['changes'][number];
export type BatchView = Awaited<ReturnType<typeof templatesApi.batch>>;
export type RecordSource = Awaited<ReturnType<typeof templatesApi.sources>>[number];
export const variableTypes = ['text', 'number', 'date', 'boolean', 'image', 'list'] as const;

/** A batch's progress as the server publishes it (Server-Sent Events `progress`). */
export interface BatchProgress {
  status: string;
  total: number;
  done: number;
  failed: number;
  remaining: number;
  row?: { row_index: number; status: string; error: string | null };
}

/**
 * Follows a batch's live progress. EventSource cannot send the access token, so this reads
 * the event stream through fetch; it ends when the batch ends or `signal` aborts.
 */
export async function followBatch(
  batchId: string,
  onProgress: (progress: BatchProgress) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await authorizedFetch(new Request(`${base}/batches/${batchId}/events`, { signal }));
  if (!response.ok || !response.body) throw ApiError.fromResponse(response, null);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      buffer = buffer.slice(end + 2);
      if (data) onProgress(JSON.parse(data) as BatchProgress);
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Rows from pasted text: a JSON array of objects, or CSV with a header row (null: neither). */
export function pastedRows(text: string): Record<string, unknown>[] | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      return Array.isArray(value) && value.every((r) => r && typeof r === 'object' && !Array.isArray(r))
        ? (value as Record<string, unknown>[])
        : null;
    } catch {
      return null;
    }
  }
  return null;
}
