import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { docx, loopTable, paragraph } from '../../../test/office-files.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isDomainError } from '../../platform/errors.js';
import { auditModule } from '../audit/index.js';
import { documentsModule } from '../documents/index.js';
import { runBatch } from './batch-runner.js';
import { cancelBatch, getBatchWithItems, startBatch } from './batches.service.js';
import { documentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors } from './document-templates.errors.js';
import { documentTemplatesModule } from './index.js';
import { stageTemplate } from './template-files.service.js';
import { createTemplate } from './templates.service.js';

// Real LibreOffice (one worker): each test converts a handful of files.
const slow = { timeout: 180_000 };
const owner = userActor('01900000-0000-7000-8000-000000000001', ['doc_templates.batch.run']);

const template = docx(
  paragraph('合同编号 {contract_no}') +
    paragraph('ההסכם בין {party}', { rtl: true }) +
    loopTable('items', ['{name}', '{qty}']),
);

function row(index: number) {
  return {
    contract_no: `HT-2026-${index}`,
    party: `צד ${index}`,
    items: [{ name: `物品${index}`, qty: String(index) }],
    entity_id: `contract-${index}`,
    file_name: `合同-${index}`,
  };
}

function sofficePids(baseDir: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('soffice.bin') && line.includes(baseDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Kills the pool's soffice once the worker has taken the file that was just sent. */
function killWhileBusy(baseDir: string, converter: { stats(): { busy: number } | null }): void {
  const check = setInterval(() => {
    if ((converter.stats()?.busy ?? 0) === 0) return;
    clearInterval(check);
    for (const pid of sofficePids(baseDir)) process.kill(pid, 'SIGKILL');
  }, 5);
}

describe('batch generation', () => {
  let t: ModuleTestContext;
  let templateId: string;

  beforeAll(async () => {
    t = await createModuleTestContext([auditModule, documentsModule, documentTemplatesModule], {
      env: { CONVERT_WORKERS: '1' },
    });
    const deps = documentTemplatesDeps(t.ctx);
    const staged = await stageTemplate(deps, template, '采购合同.docx');
    const created = await inTransaction(deps.db, (trx) =>
      createTemplate(trx, deps, owner, { name: '采购合同', description: null, staged }),
    );
    templateId = created.template.id;
    await t.ctx.converter.warm();
  }, 120_000);

  afterAll(async () => t?.close());

  const start = (rows: Record<string, unknown>[], entityType: string | null = 'contract') => {
    const deps = documentTemplatesDeps(t.ctx);
    return inTransaction(deps.db, (trx) =>
      startBatch(trx, deps, owner, { templateId, rows, output: 'pdf', entityType }),
    );
  };

  it(
    'generates a PDF per row, files each on its record, publishes progress and zips the results',
    slow,
    async () => {
      const deps = documentTemplatesDeps(t.ctx);
      const batch = await start([row(1), row(2), row(3)]);
      const events: { done: number; failed: number; remaining: number }[] = [];
      const stop = t.ctx.realtime.subscribe(`document-batch:${batch.id}`, (payload) =>
        events.push(payload as never),
      );
      await runBatch(deps, batch.id, new AbortController().signal);
      stop();
      const { batch: finished, items } = await getBatchWithItems(deps.db, batch.id);
      expect(finished).toMatchObject({ status: 'completed', done_count: 3, failed_count: 0 });
      expect(items.every((item) => item.status === 'done' && item.document_id !== null)).toBe(true);
      const filed = await t.ctx.db
        .selectFrom('documents')
        .select(['entity_type', 'entity_id', 'title'])
        .execute();
      expect(filed.map((d) => d.entity_id).sort()).toEqual(['contract-1', 'contract-2', 'contract-3']);
      expect(events.at(-1)).toMatchObject({ done: 3, failed: 0, remaining: 0, status: 'completed' });
      expect(events.length).toBeGreaterThanOrEqual(4);
      const zip = unzipSync(await t.ctx.storage.read(finished.zip_key as string));
      expect(Object.keys(zip).sort()).toEqual(['合同-1.pdf', '合同-2.pdf', '合同-3.pdf']);
      const text = execFileSync('pdftotext', ['-', '-'], {
        input: Buffer.from(zip['合同-2.pdf'] as Uint8Array),
      }).toString();
      expect(text).toContain('HT-2026-2');
      expect(text).toMatch(/物品\s?2/);
    },
  );

  it('lists every bad row and field before generating anything, and stores nothing', slow, async () => {
    const before = await t.ctx.db.selectFrom('document_batches').select('id').execute();
    const error = await start([
      row(1),
      { ...row(2), items: 'not a list', contract_no: '' },
      { party: 'x' },
    ]).catch((caught: unknown) => caught);
    expect(isDomainError(error, documentTemplatesErrors.TEMPLATE_DATA_INVALID)).toBe(true);
    expect((error as { fieldErrors: { field: string }[] }).fieldErrors.map((e) => e.field)).toEqual([
      'rows[2].contract_no',
      'rows[2].items',
      'rows[3].contract_no',
      'rows[3].items',
      'rows[3].entity_id',
    ]);
    expect(await t.ctx.db.selectFrom('document_batches').select('id').execute()).toEqual(before);
  });

  it(
    'fails only the row whose LibreOffice crashes; the rest are generated and nothing is half-filed',
    slow,
    async () => {
      const plain = documentTemplatesDeps(t.ctx);
      // LibreOffice is killed while it converts the large row 12: the kill is triggered by
      // that conversion itself, so it cannot land between files on a fast or a slow machine.
      const deps = {
        ...plain,
        converter: {
          ...plain.converter,
          convert: (input: Uint8Array, request: Parameters<typeof plain.converter.convert>[1]) => {
            const converting = plain.converter.convert(input, request);
            if (input.byteLength > 10_000) killWhileBusy(t.ctx.config.convert.baseDir, plain.converter);
            return converting;
          },
        },
      };
      const documentsBefore = (await t.ctx.db.selectFrom('documents').select('id').execute()).length;
      const rows = [row(11), row(12), row(13), row(14)];
      rows[1] = {
        ...row(12),
        items: Array.from({ length: 4000 }, (_, i) => ({ name: `行${i}`, qty: String(i) })),
      };
      const batch = await start(rows);
      await runBatch(deps, batch.id, new AbortController().signal);
      const { batch: finished, items } = await getBatchWithItems(deps.db, batch.id);
      const failed = items.filter((item) => item.status === 'failed');
      expect(failed.length).toBeGreaterThanOrEqual(1);
      expect(failed.every((item) => /LibreOffice (exited|crashed)/.test(item.error ?? ''))).toBe(true);
      expect(failed.every((item) => item.document_id === null)).toBe(true);
      expect(finished.status).toBe('completed');
      expect(finished.done_count + finished.failed_count).toBe(4);
      const documentsAfter = (await t.ctx.db.selectFrom('documents').select('id').execute()).length;
      expect(documentsAfter - documentsBefore).toBe(finished.done_count);
      expect(items.at(-1)?.status).toBe('done');
    },
  );

  it('cancel stops a queued batch: its rows are cancelled and nothing is generated', slow, async () => {
    const deps = documentTemplatesDeps(t.ctx);
    const batch = await start([row(21), row(22)]);
    await inTransaction(deps.db, (trx) => cancelBatch(trx, deps, owner, batch.id));
    await runBatch(deps, batch.id, new AbortController().signal);
    const { batch: after, items } = await getBatchWithItems(deps.db, batch.id);
    expect(after.status).toBe('cancelled');
    expect(items.map((item) => item.status)).toEqual(['cancelled', 'cancelled']);
    const again = await inTransaction(deps.db, (trx) => cancelBatch(trx, deps, owner, batch.id)).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(again, documentTemplatesErrors.BATCH_FINISHED)).toBe(true);
  });
});
