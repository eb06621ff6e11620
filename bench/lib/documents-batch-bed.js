// Test bed of the documents benchmark's batch cases (issue 13): a three-page DOCX template with
// Chinese and Hebrew text, its records, the two baselines measured in the same run (filling
// alone; one cold `soffice --convert-to` per file) and the end-to-end batch through the API of a
// SignX server in its own process (server.js), as `signx serve` runs it: job runtime on,
// LibreOffice pool warmed at start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { fillTemplate } from '../../packages/server/dist/modules/document-templates/template-engine.js';
import { benchHeaders } from '../modules/documents-auth.module.js';
import { startServer } from './server.js';

const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text, rtl = false) =>
  `<w:p>${rtl ? '<w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

/** Three pages: parties in Chinese and Hebrew, a condition, a 10-row table, ~50 paragraphs of terms. */
export function threePageTemplate() {
  const terms = Array.from({ length: 50 }, (_, i) =>
    p(
      `${i + 1}. 双方同意按照本合同约定履行义务。The parties shall perform their obligations under this agreement.`,
    ),
  ).join('');
  const body =
    p('合同编号：{contract_no}') +
    p('甲方：{party_a}') +
    p('צד ב׳: {party_b}', true) +
    p('{#vip}本合同适用优先服务条款。{/vip}') +
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tr>${cell('{#items}{name}')}${cell('{qty}{/items}')}</w:tr></w:tbl>` +
    terms;
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The variables of record i (each record a different contract number, condition and table). */
export const record = (i) => ({
  contract_no: `HT-2026-${String(i).padStart(5, '0')}`,
  party_a: '上海示例制造有限公司',
  party_b: 'חברת דוגמה בע״מ',
  vip: i % 2 === 0,
  items: Array.from({ length: 10 }, (_, k) => ({ name: `零件 ${k + 1}`, qty: String((i + k) % 50) })),
});

/** Baseline: docxtemplater alone fills `count` records, one thread, nothing converted or stored. */
export function fillOnlyPerSecond(template, count) {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) fillTemplate(template, record(i));
  return count / ((performance.now() - start) / 1000);
}

/** Baseline: seconds of one cold `soffice --convert-to pdf` (fresh profile), mean of `files` files. */
export function coldSofficeSeconds(template, files = 3) {
  const scratch = mkdtempSync(join(tmpdir(), 'signx-bench-cold-'));
  try {
    const times = Array.from({ length: files }, (_, i) => {
      const file = join(scratch, `cold-${i}.docx`);
      writeFileSync(file, fillTemplate(template, record(i)));
      const started = performance.now();
      const run = spawnSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(scratch, `profile-${i}`)}`,
          '--convert-to',
          'pdf',
          '--outdir',
          scratch,
          file,
        ],
        { stdio: 'ignore' },
      );
      if (run.status !== 0) throw new Error(`cold soffice exited with ${run.status ?? run.error}`);
      return (performance.now() - started) / 1000;
    });
    return times.reduce((a, b) => a + b, 0) / times.length;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** SignX as `signx serve` runs it, on a fresh SQLite database, with the bench authenticator. */
export async function startBatchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'signx-documents-batch-bench-'));
  const server = await startServer({
    modulesFile: fileURLToPath(new URL('../modules/documents-auth.module.js', import.meta.url)),
    env: { DATA_DIR: dataDir, SECRET_KEY: 'd'.repeat(48) },
    startJobs: true,
    warmConverter: true,
  });
  return {
    ...server,
    api: `${server.url}/api/v1`,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function expectOk(res, what) {
  if (res.ok) return res;
  throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
}

/** Uploads the template through the API (multipart); answers its id. */
export async function uploadTemplate(api, template) {
  const form = new FormData();
  form.append('name', '三页合同 bench');
  form.append(
    'file',
    new Blob([template], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
    'three-page.docx',
  );
  const res = await expectOk(
    await fetch(`${api}/document-templates`, { method: 'POST', headers: benchHeaders, body: form }),
    'template upload',
  );
  return (await res.json()).data.template.id;
}

/** Seconds of one preview (the template filled with record 0, converted, answered as PDF). */
export async function previewSeconds(api, templateId) {
  const started = performance.now();
  const res = await expectOk(
    await fetch(`${api}/document-templates/${templateId}/preview`, {
      method: 'POST',
      headers: { ...benchHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ data: record(0) }),
    }),
    'template preview',
  );
  const pdf = Buffer.from(await res.arrayBuffer());
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('the preview is not a PDF');
  return (performance.now() - started) / 1000;
}

/** Pages of a PDF, read by pdfinfo (poppler-utils). */
export function pagesOf(pdf) {
  const out = spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString();
  return Number(out.match(/Pages:\s+(\d+)/)?.[1]);
}

/** Resolves with the batch's last progress once its status is final, read from its SSE stream. */
async function followUntilFinal(api, batchId, timeoutSeconds) {
  const res = await expectOk(
    await fetch(`${api}/document-templates/batches/${batchId}/events`, {
      headers: benchHeaders,
      // a stuck batch fails the bench instead of hanging it
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    }),
    'batch events',
  );
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of res.body) {
    buffered += decoder.decode(chunk, { stream: true });
    const events = buffered.split('\n\n');
    buffered = events.pop() ?? '';
    for (const event of events) {
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (!data) continue;
      const progress = JSON.parse(data);
      // leaving the loop cancels the stream
      if (['completed', 'cancelled', 'failed'].includes(progress.status)) return progress;
    }
  }
  throw new Error('the batch event stream ended before the batch did');
}

/**
 * The batch end to end: `count` JSON rows POSTed (validated, queued), generated by the job
 * runtime (fill, convert in the pool, store, file each PDF on its contract record), followed
 * over SSE until the batch is final. Answers the wall time from the POST to the final event,
 * the rows done/failed, the documents filed (rows with a document) and the pages of one of them.
 */
export async function runBatch(api, templateId, count) {
  const rows = Array.from({ length: count }, (_, i) => ({
    ...record(i),
    entity_id: `HT-BENCH-${i}`,
    file_name: `合同-${i}`,
  }));
  const body = JSON.stringify({ rows, output: 'pdf', entity_type: 'contract' });
  const loadBefore = loadavg();
  const started = performance.now();
  const res = await expectOk(
    await fetch(`${api}/document-templates/${templateId}/batches`, {
      method: 'POST',
      headers: { ...benchHeaders, 'content-type': 'application/json' },
      body,
    }),
    'batch start',
  );
  const accepted = performance.now();
  const batch = (await res.json()).data;
  const final = await followUntilFinal(api, batch.id, Math.max(300, count));
  const seconds = (performance.now() - started) / 1000;
  const loadAfter = loadavg();
  const detail = (
    await (
      await expectOk(
        await fetch(`${api}/document-templates/batches/${batch.id}`, { headers: benchHeaders }),
        'batch detail',
      )
    ).json()
  ).data;
  const filed = new Set(detail.rows.map((r) => r.document_id).filter(Boolean));
  const errors = [...new Set(detail.rows.map((r) => r.error).filter(Boolean))].slice(0, 3);
  const sample = [...filed][0];
  const pages = sample
    ? pagesOf(
        Buffer.from(
          await (
            await expectOk(
              await fetch(`${api}/documents/${sample}/versions/1/preview`, { headers: benchHeaders }),
              'filed document preview',
            )
          ).arrayBuffer(),
        ),
      )
    : null;
  return {
    seconds,
    acceptSeconds: (accepted - started) / 1000,
    requestBytes: Buffer.byteLength(body),
    status: final.status,
    done: detail.done,
    failed: detail.failed,
    filed: filed.size,
    errors,
    pages,
    loadavg: { before: loadBefore, after: loadAfter },
  };
}
