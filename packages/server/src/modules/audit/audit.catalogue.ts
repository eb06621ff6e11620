/**
 * A module's audit event types as typed constants: callers write `identityEvents['user.created']`
 * (value 'identity.user.created') instead of a free string, and the registry keeps each
 * action's description for reports.
 */
export function defineAuditEvents<const M extends string, const E extends Record<string, string>>(
  module: M,
  events: E,
): { [K in keyof E & string as K]: `${M}.${K}` } {
  const actions: Record<string, string> = {};
  for (const [key, description] of Object.entries(events)) {
    const action = `${module}.${key}`;
    actions[key] = action;
    auditCatalogue.set(action, description);
  }
  return actions as { [K in keyof E & string as K]: `${M}.${K}` };
}

/** Every action defined so far with its description (reports show the description). */
export const auditCatalogue = new Map<string, string>();

export const auditEvents = defineAuditEvents('audit', {
  'http.request': 'A mutating HTTP request was handled',
  'verify.run': 'The audit log was verified',
  'export.csv': 'Audit events were exported as CSV',
  'export.pdf': 'An audit compliance report was exported',
  'export.bundle': 'An audit evidence bundle was exported',
  'archive.created': 'Old audit events were archived to storage',
});
