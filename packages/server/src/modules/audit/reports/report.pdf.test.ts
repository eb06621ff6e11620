import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { type AuditActor, audit } from '../index.js';
import { complianceReportPdf } from './report.pdf.js';

const ZHANG = '张三';
const HEBREW_NAME = 'דוד כהן';
const HEBREW_REASON = 'אישור לפי בקשה';
const MIXED_REASON = `Approved 批准合同 ${HEBREW_REASON} 2026`;
/** A long reason without spaces: must wrap over several lines, not be cut off. */
const LONG_REASON = Array.from({ length: 30 }, (_, i) => `第${i + 1}条合同审批意见`).join('，');

let t: TestApp;
let dir: string;
let pdfPath: string;

const principal: Principal = {
  kind: 'user',
  id: 'u-auditor',
  userId: 'u-auditor',
  username: '李四',
  permissions: new Set(['audit.event.read', 'audit.export', 'audit.verify']),
  sessionId: null,
  authMethod: 'password',
};

beforeAll(async () => {
  t = await createTestApp({ authenticator: async () => principal });
  dir = mkdtempSync(join(tmpdir(), 'signx-report-'));
  pdfPath = join(dir, 'report.pdf');
  const zhang: AuditActor = { type: 'user', id: 'u-zhang', name: ZHANG, ip: '10.1.1.1' };
  const david: AuditActor = { type: 'user', id: 'u-david', name: HEBREW_NAME, ip: '10.2.2.2' };
  for (let i = 0; i < 40; i += 1) {
    await inTransaction(t.app.signx.db, (trx) =>
      audit.record(trx, {
        action: 'test.contract.approved',
        actor: i % 2 === 0 ? zhang : david,
        entityType: 'contract',
        entityId: `c${i}`,
        after: { title: `合同 ${i}` },
        reason: i === 0 ? MIXED_REASON : i === 1 ? LONG_REASON : `审批 ${i}`,
        meaning: 'approval',
      }),
    );
  }
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit/report.pdf?chain=main' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  writeFileSync(pdfPath, response.rawPayload);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe('audit compliance report PDF', () => {
  it('prints Chinese and Hebrew names and reasons as written', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', pdfPath, '-');
    expect(text).toContain(ZHANG);
    expect(text).toContain('批准合同');
    expect(text).toContain('actor: 张三 (user, 10.1.1.1)');
    expect(text).toContain('by 李四');
    // Hebrew may come out in visual order; every letter must be there, and no replacement.
    for (const letter of new Set(`${HEBREW_NAME}${HEBREW_REASON}`.replace(/ /g, '')))
      expect(text).toContain(letter);
    expect([HEBREW_REASON, [...HEBREW_REASON].reverse().join('')].some((s) => text.includes(s))).toBe(true);
    expect(text).not.toMatch(/[?\ufffd]/);
  });

  it('wraps long text instead of cutting it, and breaks pages with a header and footers', () => {
    const text = run('pdftotext', '-enc', 'UTF-8', pdfPath, '-');
    expect(text.replace(/\s+/g, '')).toContain(LONG_REASON);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdfPath))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('Chain: main');
    expect(text).toContain('Period: start of the log to the time of this report');
    expect(text).toMatch(/Generated: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(UTC\) by 李四/);
    expect(text).toMatch(/Integrity: VERIFIED - all \d+ events of 2 chains recomputed/);
    expect(text).toMatch(/Chain main: 4[01] events, \d+ signed checkpoints verified - intact/);
  });

  it('is a valid PDF whose fonts are embedded subsets', () => {
    expect(spawnSync('qpdf', ['--check', pdfPath]).status).toBe(0);
    const rows = run('pdffonts', pdfPath).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
    expect(rows.some((row) => row.includes('+DejaVuSans'))).toBe(true);
    expect(rows.some((row) => row.includes('+WenQuanYi'))).toBe(true);
  });

  it('records the export in the audit log', async () => {
    const rows = await t.app.signx.db
      .selectFrom('audit_events')
      .select(['actor_name', 'details'])
      .where('action', '=', 'audit.export.pdf')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_name).toBe('李四');
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ count: 40 });
  });

  it('refuses, naming scripts/system-deps.sh, when the Unicode fonts are missing', async () => {
    const input = {
      chain: 'main',
      generatedAt: '2026-01-01T00:00:00.000Z',
      generatedBy: ZHANG,
      appVersion: 'test',
      filter: {},
      verification: { isValid: true, events: 0, chains: [] },
      checkpoint: null,
      keyId: 'k',
      events: [],
    };
    const error = await complianceReportPdf(input, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { missing_fonts: ['text', 'cjk'] } });
    expect((error as Error).message).toContain('scripts/system-deps.sh');
  });
});
