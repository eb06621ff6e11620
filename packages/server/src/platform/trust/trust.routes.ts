import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../app-context.js';

const published = {
  access: {
    public: true,
    reason: 'the platform CA publishes its certificates, CRLs and OCSP answers to anyone',
  },
} as const;
const binary = { type: 'string', format: 'binary' } as const;
const MAX_OCSP_REQUEST = 16 * 1024;

function send(reply: FastifyReply, type: string, bytes: Uint8Array, maxAge = 300) {
  return reply
    .header('content-type', type)
    .header('cache-control', `public, max-age=${maxAge}`)
    .send(Buffer.from(bytes));
}

/**
 * The platform PKI's public endpoints, outside /api/v1 and without login, at the URLs every
 * issued certificate names: the root and issuing CA certificates, their CRLs, and the OCSP
 * responder (POST, and GET with the base64 request in the path, RFC 6960 appendix A).
 */
export async function trustRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (pki) => {
    pki.addContentTypeParser(
      'application/ocsp-request',
      { parseAs: 'buffer', bodyLimit: MAX_OCSP_REQUEST },
      (_r, body, done) => done(null, body),
    );
    const schema = (summary: string) => ({ hide: true, summary, response: { 200: binary } });
    pki.get('/pki/root.crt', { config: published, schema: schema('Platform root CA') }, async (_q, reply) =>
      send(reply, 'application/pkix-cert', (await ctx.trust.material()).root.certificate, 86_400),
    );
    pki.get(
      '/pki/issuing.crt',
      { config: published, schema: schema('Platform issuing CA') },
      async (_q, reply) =>
        send(reply, 'application/pkix-cert', (await ctx.trust.material()).issuing.certificate, 86_400),
    );
    pki.get(
      '/pki/issuing.crl',
      { config: published, schema: schema('CRL of the issuing CA') },
      async (_q, reply) => send(reply, 'application/pkix-crl', await ctx.trust.crl('issuing'), 60),
    );
    pki.get<{ Params: { serial: string } }>(
      '/pki/issuing-:serial.crl',
      { config: published, schema: schema('CRL of one issuing CA generation (current or retired)') },
      async (request, reply) => {
        const serial = request.params.serial;
        const crl = /^[0-9a-fA-F]{1,64}$/.test(serial) ? await ctx.trust.generationCrl(serial) : undefined;
        if (!crl) return reply.code(404).send({ error: 'unknown issuing CA' });
        return send(reply, 'application/pkix-crl', crl, 60);
      },
    );
    pki.get('/pki/root.crl', { config: published, schema: schema('CRL of the root CA') }, async (_q, reply) =>
      send(reply, 'application/pkix-crl', await ctx.trust.crl('root'), 3600),
    );
    pki.post('/pki/ocsp', { config: published, schema: schema('OCSP responder') }, async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return send(reply, 'application/ocsp-response', await ctx.trust.ocsp(body), 0);
    });
    pki.get<{ Params: { request: string } }>(
      '/pki/ocsp/:request',
      { config: published, schema: schema('OCSP responder (GET)') },
      async (request, reply) => {
        const der = Buffer.from(decodeURIComponent(request.params.request), 'base64');
        return send(
          reply,
          'application/ocsp-response',
          await ctx.trust.ocsp(der.subarray(0, MAX_OCSP_REQUEST)),
          0,
        );
      },
    );
  });
}
