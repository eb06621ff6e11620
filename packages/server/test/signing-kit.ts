import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/platform/db/schema.js';

/** Test helpers of the signing suites: a drawn-signature PNG, a fetch over app.inject, pdfsig. */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small grayscale PNG with a diagonal stroke, plus an EXIF-like text chunk to be stripped. */
export function drawnPng(size = 40): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(size + 1, 255);
    row[0] = 0;
    row[1 + y] = 0;
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('GPS\u000032.08,34.78', 'latin1')),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const pngDataUrl = (png: Buffer = drawnPng()): string =>
  `data:image/png;base64,${png.toString('base64')}`;

/**
 * A `fetch` for the seed's browser examples: the request goes through app.inject with the
 * caller's headers added (the browser's session), nothing else changed.
 */
export function injectFetch(app: FastifyInstance, auth: Record<string, string>) {
  return async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers, ...auth },
      ...(init.body ? { payload: init.body } : {}),
    });
    return { ok: res.statusCode < 300, status: res.statusCode, json: async () => JSON.parse(res.body) };
  };
}

/** poppler's pdfsig with an NSS database trusting `rootDer`. */
export function pdfsig(pdf: Uint8Array, rootDer: Uint8Array): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'signx-pdfsig-'));
  const db = join(dir, 'nss');
  execFileSync('mkdir', ['-p', db]);
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]);
  const pem = join(dir, 'root.pem');
  writeFileSync(
    pem,
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(rootDer).toString('base64')}\n-----END CERTIFICATE-----\n`,
  );
  execFileSync('certutil', ['-A', '-n', 'signx-root', '-t', 'CT,C,C', '-i', pem, '-d', `sql:${db}`]);
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', ['-nssdir', `sql:${db}`, file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `[type, data.status]` of the webhook events emitted for one resource, in emission order. */
export async function webhookEventStatuses(
  db: Db,
  resourceId: string,
  types: string[],
): Promise<[string, unknown][]> {
  const events = await db
    .selectFrom('webhook_events')
    .select(['type', 'data'])
    .where('resource_id', '=', resourceId)
    .where('type', 'in', types)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return events.map((e) => [e.type, JSON.parse(String(e.data)).status]);
}
