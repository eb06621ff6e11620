import { ApiError } from './api-error';
import { authorizedFetch } from './http-client';

/**
 * Downloads a file the API streams (CSV, PDF, evidence bundle) with the caller's token,
 * reporting progress as bytes arrive, then hands it to the browser as a download.
 */
export async function downloadFile(
  url: string,
  onProgress: (received: number, total: number | null) => void,
  signal?: AbortSignal,
): Promise<string> {
  let response: Response;
  try {
    response = await authorizedFetch(new Request(url, { signal }));
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!response.ok) throw ApiError.fromResponse(response, await response.json().catch(() => null));
  const total = Number(response.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const name = fileName(response.headers.get('content-disposition')) ?? url.split('/').pop() ?? 'download';
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? undefined });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}

function fileName(disposition: string | null): string | undefined {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
