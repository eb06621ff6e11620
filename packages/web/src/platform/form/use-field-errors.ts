import { reactive } from 'vue';
import { ApiError } from '../api/api-error';
import { reportError } from '../errors/report';

/**
 * Maps the API's `errors[].field` onto form items (`v-bind="fieldErrors.bind('email')"` on
 * an a-form-item). Errors the form has no field for are reported globally. The form's
 * input is never cleared on failure.
 */
export function useFieldErrors(fields: readonly string[]) {
  const messages = reactive<Record<string, string>>({});
  function clear(): void {
    for (const key of Object.keys(messages)) delete messages[key];
  }
  function bind(field: string) {
    const help = messages[field];
    return help ? { validateStatus: 'error' as const, help } : {};
  }
  /** Shows an error on its fields; anything else goes to the global error display. */
  function show(error: unknown): void {
    clear();
    if (!(error instanceof ApiError)) {
      reportError(error);
      return;
    }
    const known = error.fieldErrors.filter((e) => fields.includes(e.field));
    for (const e of known) messages[e.field] = e.message;
    if (known.length === 0 || known.length < error.fieldErrors.length) reportError(error);
  }
  return { messages, bind, show, clear };
}
