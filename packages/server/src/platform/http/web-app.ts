import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';
import type { AccessRule } from './access.js';
import { loadWebFiles, pickEncoding, type WebFile } from './web-app-files.js';

/** Where `npm run build` puts the app: packages/web/dist, beside this package. */
export const defaultWebRoot = new URL('../../../../web/dist/', import.meta.url).pathname;

/**
 * Pages of the lean signer entry (sign.html: the external signer's page and public
 * verification), which must not load the admin app.
 */
const signerPages = /^\/(sign\/[^/]+|direct\/[^/]+|verify(\/[^/]+)?)$/;
/** Paths that belong to the server; the app's history fallback never answers them. */
const serverPrefixes = ['/api', '/health', '/ready', '/metrics', '/assets'];
const immutable = 'public, max-age=31536000, immutable';
const revalidate = 'no-cache';
const route = {
  schema: { hide: true },
  config: { access: { public: true, reason: 'the web app' } satisfies AccessRule, rateLimit: false as const },
};

/**
 * Serves the built web app: hashed files under /assets/ as immutable, in the precompressed
 * variant the browser accepts; index.html (revalidated on every load) for `/` and for any
 * other GET that looks like an app route, so deep links and reloads work. Server paths
 * (/api, /health, /metrics, …) and missing files keep their 404. /sign/<token> and
 * /verify[/<number>] get sign.html, the lean signer entry, instead of the admin app. Without a build, app routes
 * get a page that says how to build it instead of a blank screen.
 */
export async function installWebApp(app: FastifyInstance, root: string = defaultWebRoot): Promise<void> {
  let files = loadWebFiles(root);
  const current = () => {
    files ??= loadWebFiles(root);
    return files;
  };
  app.get('/assets/*', route, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const file = current()?.get(decodeURIComponent(path));
    if (!file) throw notFound(`Asset ${path}`);
    return sendFile(request, reply, file, immutable);
  });
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/';
    if (isServerPath(path)) throw notFound(`Route GET ${path}`);
    const built = current();
    if (!built) return reply.status(503).type('text/html; charset=utf-8').send(notBuiltPage(root));
    const file = built.get(decodeURIComponent(path));
    if (file && path !== '/index.html') return sendFile(request, reply, file, revalidate);
    if (signerPages.test(path) && built.has('/sign.html'))
      return sendFile(request, reply, built.get('/sign.html')!, revalidate);
    if (/\.[a-z0-9]+$/i.test(path)) throw notFound(`File ${path}`);
    return sendFile(request, reply, built.get('/index.html')!, revalidate);
  };
  app.get('/', route, page);
  app.get('/*', route, page);
}

function isServerPath(path: string): boolean {
  return serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: WebFile, cacheControl: string) {
  reply.header('cache-control', cacheControl).header('vary', 'accept-encoding').header('etag', file.etag);
  reply.type(file.type);
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  const encoding = pickEncoding(file, request.headers['accept-encoding']);
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(file.br);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.identity);
}

function notBuiltPage(root: string): string {
  const escaped = root.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SignX: web app not built</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>The SignX web app is not built</h1>
<p>The server is running, but it found no web app in <code>${escaped}</code>.</p>
<p>Build it with <code>npm run build</code> (or start with <code>npm start</code>, which builds first), then reload this page.</p>
<p>The API works meanwhile: <a href="/api/docs/swagger">API documentation</a>, <a href="/health">health</a>.</p>
</body></html>`;
}
