// Test bed of the signing benchmark: a 2-page PDF, a drawn mark, requests filed through the
// API (upload, create, send) and a pool that runs calls at a fixed concurrency, keeping each
// call's latency, the raw PAdES operation the API performs per signature (the baseline) and
// the signer page's bundle size. Talks to a SignX server in another process (server.js).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pades from '../../packages/pades/dist/index.js';
import { benchHeaders } from '../modules/signing-auth.module.js';
import { signerJavaScript } from './web-bundle.js';

export const api = '/api/v1/digital-signature';

/** A 2-page A4 contract-like PDF (text on both pages), as pdf-lib writes it. */
export async function twoPagePdf() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 2; p += 1) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 40; l += 1)
      page.drawText(`Page ${p + 1} clause ${l + 1}: the parties agree to the terms of this bench contract.`, {
        x: 40,
        y: 800 - l * 18,
        size: 10,
        font,
      });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 200×80 grayscale PNG with a stroke across it: the size of a phone-drawn mark, scaled down. */
export function drawnPng(width = 200, height = 80) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 255);
    row[0] = 0;
    for (let x = 0; x < width; x++)
      if (Math.abs(Math.round(height / 2 + 25 * Math.sin(x / 15)) - y) < 2) row[1 + x] = 0;
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The seed body of POST /sign for one link, drawn mark and strokes. */
export function signBody(token, png) {
  return {
    token,
    signature_type: 'drawn',
    signature_data: `data:image/png;base64,${png.toString('base64')}`,
    signature_strokes: [
      [
        [10, 40, 0],
        [190, 40, 300],
      ],
    ],
    consent_given: true,
    consent_text: 'I have read and understood the document',
  };
}

async function call(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300)
    throw new Error(`${init?.method ?? 'GET'} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export const postJson = (url, body, headers = {}) =>
  call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/**
 * Files one request the way a sender does through the API: upload the PDF on a contract
 * record, create the request on that record with two sequential external signers, send it.
 * Answers the links in signing order.
 */
export async function fileRequest(base, pdf, i) {
  const entityId = `BENCH-${i}`;
  const form = new FormData();
  form.set('category', 'contract');
  form.set('entity_type', 'contract');
  form.set('entity_id', entityId);
  form.set('file', new Blob([pdf], { type: 'application/pdf' }), `contract-${i}.pdf`);
  const uploaded = await call(`${base}/api/v1/documents`, {
    method: 'POST',
    headers: benchHeaders,
    body: form,
  });
  const created = await postJson(
    `${base}${api}/requests`,
    {
      entity_type: 'contract',
      entity_id: entityId,
      title: `Bench contract ${i}`,
      signature_order: 'sequential',
      document_ids: [uploaded.data.document.id],
      signers: [
        {
          signer_name: `Customer ${i}`,
          signer_email: `c${i}@example.test`,
          signer_type: 'customer',
          signing_order: 1,
        },
        {
          signer_name: `Company ${i}`,
          signer_email: `m${i}@example.test`,
          signer_type: 'company',
          signing_order: 2,
        },
      ],
    },
    benchHeaders,
  );
  const sent = await postJson(`${base}${api}/requests/${created.data.id}/send`, {}, benchHeaders);
  const byOrder = [...sent.data.links].sort((a, b) => a.signing_order - b.signing_order);
  return { id: created.data.id, documentId: uploaded.data.document.id, tokens: byOrder.map((l) => l.token) };
}

/**
 * Runs `fn` on every item with `concurrency` calls in flight. Answers the per-call latencies
 * (ms), the results in item order and the wall time (s).
 */
export async function pool(items, concurrency, fn) {
  const latencies = [];
  const results = new Array(items.length);
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t = performance.now();
      results[i] = await fn(items[i], i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { latencies, results, seconds: (performance.now() - start) / 1000 };
}

/** The raw PAdES operation the API performs per signature: same PDF, mark, level, TSA, EC P-256 key. */
export async function rawPades(pdf, png) {
  const root = await pades.createRootCa({ commonName: 'Bench Root' });
  const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
  const signer = (await pades.issueSignerCertificate(issuing, { legalName: 'Bench Signer' })).signer;
  const tsaCert = await pades.issueTsaCertificate(issuing, { commonName: 'Bench TSA' });
  const timestamper = pades.inProcessTimestamper(
    pades.createTimestampAuthority({
      certificate: tsaCert.certificate,
      key: tsaCert.privateKeyPem,
      chain: [issuing.certificate, root.certificate],
    }),
  );
  return () =>
    pades.signPdf(pdf, {
      signer,
      level: 'B-T',
      timestamper,
      name: 'Bench Signer',
      reason: 'Bench contract',
      meaning: 'approval',
      fieldName: 'SignX_Signature_1',
      visible: { page: 1, rect: [36, 36, 172, 78], image: png },
    });
}

/** The signer page's JavaScript before pdf.js, gzip, from the built web app's signer manifest. */
export function signerBundleCase() {
  const dist = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));
  const name = 'signer page JS before pdf.js (gzip)';
  if (!existsSync(join(dist, '.vite', 'signer-manifest.json')))
    return { name, value: 0, unit: 'KB', error: 'packages/web/dist has no signer build (npm run build)' };
  const js = signerJavaScript(dist);
  return {
    name,
    value: Math.round((js.gzip_bytes / 1024) * 10) / 10,
    unit: 'KB',
    target: { op: '<=', value: 150 },
    raw_kb: Math.round((js.raw_bytes / 1024) * 10) / 10,
    files: js.files,
  };
}
