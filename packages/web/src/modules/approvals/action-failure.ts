import type { ApiError } from '@/platform/api/api-error';

/** A refused action as the pages show it: the reason in the user's words and the server's. */
export interface ActionFailure {
  kind: 'conflict' | 'forbidden' | 'urgeTooSoon' | 'notRunning' | 'invalid' | 'other';
  message: string;
  requestId?: string;
  /** Per form field (key without the `form_changes.` / `form_data.` prefix): the server's message. */
  fields?: Record<string, string>;
}

const codes = { alreadyDecided: 40953, notRunning: 40954, urgeTooSoon: 40957, targetInvalid: 40055 };

export function failureOf(error: ApiError): ActionFailure {
  const fields = Object.fromEntries(
    error.fieldErrors.map((e) => [e.field.replace(/^form_(changes|data)\./, ''), e.message]),
  );
  const base = {
    message: error.message,
    requestId: error.requestId,
    ...(error.fieldErrors.length ? { fields } : {}),
  };
  if (error.code === codes.urgeTooSoon || error.status === 429) return { kind: 'urgeTooSoon', ...base };
  if (error.code === codes.notRunning) return { kind: 'notRunning', ...base };
  if (error.code === codes.alreadyDecided || error.status === 409) return { kind: 'conflict', ...base };
  if (error.status === 403) return { kind: 'forbidden', ...base };
  if (error.status === 400 || error.code === codes.targetInvalid) return { kind: 'invalid', ...base };
  return { kind: 'other', ...base };
}
