import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Catalogues } from '../catalogues/catalogues.js';
import type { AccessRule } from './access.js';
import { catalogueDocument, errorTable, permissionNote, webhookCatalogue } from './openapi-catalogues.js';

const require = createRequire(import.meta.url);
const publicDocs: AccessRule = { public: true, reason: 'API documentation' };

/**
 * OpenAPI 3.1 generated from the routes' TypeBox schemas, served at /api/schema, with
 * Swagger UI and ReDoc served from local assets (no CDN). Each operation's security
 * section follows its access declaration; the mounted modules' catalogues (tags, error
 * codes, permissions, audit event types) are documented from `catalogues`.
 */
export async function installOpenApi(
  app: FastifyInstance,
  version: string,
  catalogues: Catalogues,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'SignX API', version, description: apiDescription(catalogues) },
      ...catalogueDocument(catalogues),
      webhooks: webhookCatalogue(catalogues),
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          callbackSignature: {
            type: 'apiKey',
            in: 'header',
            name: 'SignX-Signature',
            description:
              'Inbound callbacks: SignX-Key-Id, SignX-Request-Id, SignX-Timestamp and SignX-Signature' +
              ' (v1,<base64 HMAC-SHA256 of "<key id>.<request id>.<timestamp>.<raw body>">); see docs/integration.md',
          },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const access = route.config?.access as AccessRule | undefined;
      const base = { ...(schema ?? {}) } as Record<string, unknown>;
      if (!url.startsWith('/api/v1') && !base.hide) base.hide = !['/health', '/ready'].includes(url);
      base.operationId ??= operationIdOf(String(route.method), url);
      // A public route says so (an empty requirement), rather than leaving security undefined.
      if (!access || 'public' in access) base.security = [];
      if (access && 'callback' in access) {
        base.security = [{ callbackSignature: [] }];
        base.description =
          `${base.description ?? ''}\n\n${permissionNote(catalogues, access.callback)}`.trim();
      } else if (access && !('public' in access)) {
        base.security = [{ bearerAuth: [] }, { apiKey: [] }];
        if ('permission' in access) {
          base.description =
            `${base.description ?? ''}\n\n${permissionNote(catalogues, access.permission)}`.trim();
        }
      }
      return { schema: base, url };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs/swagger',
    staticCSP: false,
    uiConfig: { deepLinking: true },
  });
  app.get('/api/schema', { schema: { hide: true }, config: { access: publicDocs } }, async () =>
    app.swagger(),
  );
  await installRedoc(app);
}

/**
 * The ReDoc bundle's only outside reference is its "powered by" logo on a CDN; it is swapped
 * for an inline image so the page loads nothing from elsewhere (and the CSP stays strict).
 */
const cdnLogo = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const inlineLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#32329f"/></svg>',
)}`;

async function redocBundle(): Promise<Buffer> {
  const source = await readFile(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
  return Buffer.from(source.replaceAll(cdnLogo, inlineLogo));
}

async function installRedoc(app: FastifyInstance): Promise<void> {
  let bundle: Promise<Buffer> | undefined;
  const loadBundle = () => {
    bundle ??= redocBundle();
    return bundle;
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>SignX API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/api/schema"></redoc><script src="/api/docs/redoc/redoc.standalone.js"></script></body></html>`;
  const options = { schema: { hide: true }, config: { access: publicDocs } };
  app.get('/api/docs/redoc', options, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(html),
  );
  app.get('/api/docs/redoc/redoc.standalone.js', options, async (_req, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await loadBundle()),
  );
}

/**
 * A stable operationId from method and path: `GET /api/v1/documents/:id/versions` is
 * `getDocumentsByIdVersions` (unique because method and path are).
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[:{](\w+)\}?$/.exec(segment);
      return param ? ['by', ...param[1]!.split('_')] : segment.split(/[-_.]/);
    });
  const camel = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
  return method.toLowerCase() + camel;
}

function apiDescription(catalogues: Catalogues): string {
  return [
    'Every response is `{code, message, data, timestamp}`; `code` is 0 on success.',
    'Lists take `page`, `page_size` and `sort` (`-field` for descending) and return `{items,total,page,page_size,pages}`.',
    'Writes that clients may retry accept an `Idempotency-Key` header.',
    "Domain errors keep their family's HTTP status and refine the code (e.g. 40902 inside 409).",
    '',
    errorTable(catalogues),
  ].join('\n');
}
