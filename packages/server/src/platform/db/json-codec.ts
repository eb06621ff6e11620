/**
 * The one JSON codec for JSON stored in text columns (every dialect stores JSON as text in
 * SignX, so queries never depend on a dialect's JSON operators).
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function decodeJson<T = unknown>(text: string | null | undefined): T | null {
  if (text === null || text === undefined || text === '') return null;
  return JSON.parse(text) as T;
}
