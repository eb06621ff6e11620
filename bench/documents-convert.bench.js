// Documents conversion (issue 13): DOCX templates filled with docxtemplater and converted to
// PDF by the pool of warm LibreOffice workers (compiled code, packages/server/dist).
// Writes bench/results/documents-convert.json (the documents module's own cases are in
// documents.json). Each case sits beside a baseline measured in the same run:
//   - batch rate: N three-page records → PDF with the pool, against one cold
//     `soffice --convert-to` per file (the naive way) and against filling alone;
//   - first conversion after the pool started, against a cold `soffice --convert-to`.
// BENCH_DOCS_N (default 200) sets the batch size; the target is 1,000 in 70 s (14.3 docs/s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { fillTemplate } from '../packages/server/dist/modules/document-templates/template-engine.js';
import { ConvertPool } from '../packages/server/dist/platform/convert/convert-pool.js';
import { writeResult } from './lib/results.js';

const count = Number(process.env.BENCH_DOCS_N ?? 200);
const workers = Number(process.env.BENCH_CONVERT_WORKERS ?? availableParallelism());

const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text, rtl = false) =>
  `<w:p>${rtl ? '<w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

/** Three pages: parties in Chinese and Hebrew, a condition, a 10-row table, ~50 paragraphs of terms. */
function threePageTemplate() {
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

const record = (i) => ({
  contract_no: `HT-2026-${String(i).padStart(5, '0')}`,
  party_a: '上海示例制造有限公司',
  party_b: 'חברת דוגמה בע״מ',
  vip: i % 2 === 0,
  items: Array.from({ length: 10 }, (_, k) => ({ name: `零件 ${k + 1}`, qty: String((i + k) % 50) })),
});

const template = threePageTemplate();
const scratch = mkdtempSync(join(tmpdir(), 'signx-bench-convert-'));

function coldConvert(file) {
  const started = performance.now();
  const profile = join(scratch, `cold-${Math.random().toString(36).slice(2)}`);
  spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      scratch,
      file,
    ],
    {
      stdio: 'ignore',
    },
  );
  return (performance.now() - started) / 1000;
}

try {
  // baseline 1: filling alone (docxtemplater), one thread
  const fillStart = performance.now();
  const filled = Array.from({ length: count }, (_, i) => fillTemplate(template, record(i)));
  const fillRate = count / ((performance.now() - fillStart) / 1000);

  // baseline 2: the naive way, one cold soffice per file (3 files)
  const coldTimes = [0, 1, 2].map((i) => {
    const file = join(scratch, `cold-${i}.docx`);
    writeFileSync(file, filled[i]);
    return coldConvert(file);
  });
  const coldPerFile = coldTimes.reduce((a, b) => a + b, 0) / coldTimes.length;

  // the pool: start, first conversion, then the batch (fill + convert, as many in flight as workers + 1)
  const startedAt = performance.now();
  const pool = await ConvertPool.start({ baseDir: join(scratch, 'pool'), workers });
  const startSeconds = (performance.now() - startedAt) / 1000;
  const firstAt = performance.now();
  await pool.convert(filled[0], { extension: 'docx' });
  const firstSeconds = (performance.now() - firstAt) / 1000;

  const batchAt = performance.now();
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const pdf = await pool
        .convert(fillTemplate(template, record(i)), { extension: 'docx' })
        .catch(() => null);
      if (!pdf) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: workers + 1 }, lane));
  const batchSeconds = (performance.now() - batchAt) / 1000;
  const stats = pool.stats();
  await pool.close();
  const rate = count / batchSeconds;
  const pages = spawnSync('pdfinfo', ['-'], {
    input: await (async () => {
      const again = await ConvertPool.start({ baseDir: join(scratch, 'pool-check'), workers: 1 });
      try {
        return await again.convert(filled[0], { extension: 'docx' });
      } finally {
        await again.close();
      }
    })(),
  })
    .stdout.toString()
    .match(/Pages:\s+(\d+)/)?.[1];

  writeResult(
    'documents-convert',
    [
      {
        name: `batch of ${count} three-page records, fill + convert to PDF (${workers} workers)`,
        value: rate,
        unit: 'docs/s',
        target: { op: '>=', value: 1000 / 70 },
        baseline: { name: 'one cold soffice --convert-to per file', value: 1 / coldPerFile },
        ratio: rate * coldPerFile,
        seconds: batchSeconds,
        failed,
        projected_seconds_for_1000: 1000 / rate,
        fill_only_docs_per_s: fillRate,
        pages_per_document: Number(pages),
        restarts: stats.restarts,
      },
      {
        name: 'first conversion after the pool started',
        value: firstSeconds,
        unit: 's',
        target: { op: '<=', value: 1.5 },
        baseline: { name: 'one cold soffice --convert-to', value: coldPerFile },
        ratio: coldPerFile / firstSeconds,
        pool_start_seconds: startSeconds,
      },
    ],
    { load_average: (await import('node:os')).loadavg() },
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
