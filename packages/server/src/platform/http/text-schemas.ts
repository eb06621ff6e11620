import { Type } from '@sinclair/typebox';

/**
 * Names people read (a signer's full legal name, a department, a role): they appear in
 * signature manifestations, audit reports and mails, so characters that are invisible or
 * that reorder the text around them are refused. Checked by the `display-name` format
 * (validation.ts): no control characters (NUL, C0, DEL, C1) and no bidirectional
 * embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069).
 */
export const displayNamePattern = /^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u;

export function displayName(options: { maxLength?: number; description: string }) {
  return Type.String({
    minLength: 1,
    maxLength: options.maxLength ?? 200,
    format: 'display-name',
    description: `${options.description} (no control or bidirectional-override characters)`,
  });
}
