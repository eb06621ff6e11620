import type { Catalogues } from '../catalogues/catalogues.js';
import { errorCodes } from '../errors.js';

/**
 * The catalogues as the API document shows them: the error-code table in the description
 * (families and every mounted module's domain codes), the tags with their descriptions, and
 * `x-signx-*` extensions a client generator or an auditor can read by machine.
 */
export function catalogueDocument(catalogues: Catalogues) {
  return {
    tags: [...catalogues.tags.values()]
      .map(({ name, description }) => ({ name, description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    'x-signx-error-codes': errorRows(catalogues),
    'x-signx-permissions': [...catalogues.permissions.values()]
      .map(({ code, module, description, dataScoped }) => ({ code, module, description, dataScoped }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    'x-signx-audit-events': [...catalogues.auditEvents.values()]
      .map(({ type, module, description, entityType, payload }) => ({
        type,
        module,
        description,
        entityType,
        payload: JSON.parse(JSON.stringify(payload)) as unknown,
      }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}

/** What each family means to a client (the families themselves live in platform/errors.ts). */
const familyMeaning: Record<string, string> = {
  VALIDATION: 'The request is not valid; `errors` lists the fields',
  UNAUTHENTICATED: 'Not signed in, or the token or key is not valid',
  FORBIDDEN: 'Signed in, but not allowed to do this',
  NOT_FOUND: 'No such record, or not one the caller may see',
  CONFLICT: 'The request conflicts with the current state of a record',
  TOO_LARGE: 'The request body or upload is too large',
  UNSUPPORTED_MEDIA: 'The content type is not accepted',
  RATE_LIMITED: 'Too many requests; see Retry-After',
  INTERNAL: 'Internal error (logged with the request id)',
  STORAGE_CORRUPTED: 'A stored file no longer matches its recorded hash',
  OUTBOUND_REFUSED: 'An outbound call was refused by the SSRF policy',
  UNAVAILABLE: 'A dependency is busy or unreachable; retry later',
};

interface ErrorRow {
  code: number;
  status: number;
  name: string;
  family: string;
  module: string;
  description: string;
}

function errorRows(catalogues: Catalogues): ErrorRow[] {
  const families = Object.entries(errorCodes).map(([name, c]) => ({
    code: c.api,
    status: c.http,
    name,
    family: name,
    module: 'platform',
    description: familyMeaning[name] ?? '',
  }));
  const domain = [...catalogues.errors.values()].map((e) => ({
    code: e.api,
    status: errorCodes[e.family].http,
    name: e.name,
    family: e.family,
    module: e.module,
    description: e.description,
  }));
  return [...families, ...domain].sort((a, b) => a.code - b.code);
}

/** The description's error table: one row per code, domain codes beside their family. */
export function errorTable(catalogues: Catalogues): string {
  const rows = errorRows(catalogues).map(
    (r) => `| ${r.code} | ${r.status} | ${r.name} | ${r.module} | ${r.description} |`,
  );
  return ['| code | HTTP | name | declared by | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** "Requires permission `x` (what it allows)." for an operation's description. */
export function permissionNote(catalogues: Catalogues, code: string): string {
  const declared = catalogues.permissions.get(code);
  return declared
    ? `Requires permission \`${code}\` (${declared.description}).`
    : `Requires permission \`${code}\`.`;
}

/**
 * The integration event catalogue as the OpenAPI 3.1 `webhooks` section: one POST per event
 * type, with the Standard Webhooks headers and the `{id, type, timestamp, data}` body
 * (docs/integration.md).
 */
export function webhookCatalogue(catalogues: Catalogues) {
  const header = (description: string) => ({ required: true, schema: { type: 'string' }, description });
  const entries = [...catalogues.integrationEvents.values()]
    .sort((a, b) => a.type.localeCompare(b.type))
    .map(({ type, module, description, resourceType }) => [
      type,
      {
        post: {
          summary: description,
          description: `Emitted by the \`${module}\` module about a \`${resourceType}\`. Verify the signature before trusting the body.`,
          operationId: `webhook${type
            .split(/[._]/)
            .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
            .join('')}`,
          tags: ['webhooks'],
          security: [],
          parameters: [
            { in: 'header', name: 'webhook-id', ...header('The event id; deduplicate on it') },
            { in: 'header', name: 'webhook-timestamp', ...header('Seconds since the epoch of this attempt') },
            {
              in: 'header',
              name: 'webhook-signature',
              ...header('Space-separated `v1,<base64 HMAC>` entries'),
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'type', 'timestamp', 'data'],
                  properties: {
                    id: { type: 'string', description: 'Event id (UUIDv7)' },
                    type: { type: 'string', const: type },
                    timestamp: { type: 'string', format: 'date-time' },
                    data: { type: 'object', additionalProperties: true },
                  },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Received (any 2xx)' },
            '400': {
              description: 'Refused (not retried differently from any non-2xx: retried with backoff)',
            },
          },
        },
      },
    ]);
  return Object.fromEntries(entries);
}
