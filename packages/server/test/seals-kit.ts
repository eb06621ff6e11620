import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import { modules } from '../src/modules/index.js';
import { embedUnicodeFonts } from '../src/platform/pdf/unicode-fonts.js';
import { postDocument, scopedHeaderAuthModule } from './documents-kit.js';
import { createTestApp, type TestApp } from './test-app.js';
import { asUser } from './test-principal.js';

/**
 * A contract with a Chinese text layer: `pages` A4 pages of clauses, "盖章处" on page 1 and
 * the signature block "甲方（盖章）" / "乙方（盖章）" on the last page (seals suites and bench).
 */
export async function contractPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = await embedUnicodeFonts(doc);
  const font = fonts.fontFor('合');
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`采购合同 第${p}页`, { x: 60, y: 780, size: 16, font });
    for (let line = 0; line < 30; line += 1)
      page.drawText(`第${line + 1}条 甲乙双方经协商一致，订立本合同条款${p}.${line + 1}。`, {
        x: 60,
        y: 740 - line * 20,
        size: 11,
        font,
      });
    if (p === 1) page.drawText('盖章处', { x: 420, y: 120, size: 12, font });
    if (p === pages) {
      page.drawText('甲方（盖章）', { x: 60, y: 100, size: 12, font });
      page.drawText('乙方（盖章）', { x: 340, y: 100, size: 12, font });
    }
  }
  await fonts.finish();
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The seals permissions, and the documents ones the seals suites file their contracts with. */
export const sealsPermissions = [
  'seals.seal.read',
  'seals.seal.manage',
  'seals.authorisation.manage',
  'seals.seal.use',
  'seals.log.read',
  'documents.document.read',
  'documents.document.upload',
];

/** Headers of `userId` holding `permissions` and seeing every row (see scopedHeaderAuthModule). */
export function sealsCaller(userId: string, permissions: readonly string[] = sealsPermissions) {
  return { ...asUser(userId, permissions), 'x-test-scope': 'all' };
}

/** The whole app with the data-scoped header authenticator, as the seals suites run it. */
export function createSealsApp(): Promise<TestApp> {
  return createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
}

/** Files a contractPdf of `pages` pages as the caller of `headers`; answers the document id. */
export async function fileContract(
  t: TestApp,
  headers: Record<string, string>,
  pages: number,
  document: { entity_id: string; title: string },
): Promise<string> {
  const filed = await postDocument(
    t,
    headers,
    { category: 'contract', entity_type: 'contract', ...document },
    { name: 'contract.pdf', bytes: await contractPdf(pages), type: 'application/pdf' },
  );
  if (filed.statusCode !== 201) throw new Error(filed.body);
  return filed.json().data.document.id;
}

/**
 * A seal whose use needs approval (用印审批): publishes a start → `approverId` → end workflow
 * under `workflow.key`, creates `seal` and authorises each of `subjects` to use it with that
 * workflow, from 2020 to 2099 (`categories` when given), all as the caller of `headers`.
 */
export async function sealNeedingApproval(
  t: TestApp,
  headers: Record<string, string>,
  options: {
    workflow: { key: string; name: string };
    approverId: string;
    seal: { organisation: string; seal_type: string; name: string };
    subjects: string[];
    categories?: string[];
  },
): Promise<{ sealId: string; definitionId: string }> {
  const post = (url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const definition = await post('/workflows', {
    ...options.workflow,
    body: {
      form: { fields: [] },
      process: [
        { id: 'start', type: 'start' },
        {
          id: 'boss',
          type: 'approval',
          name: 'boss',
          approvers: [{ type: 'user', user_ids: [options.approverId] }],
        },
        { id: 'end', type: 'end' },
      ],
    },
  });
  expect(definition.statusCode, definition.body).toBe(201);
  const definitionId: string = definition.json().data.id;
  expect((await post(`/workflows/${definitionId}/publish`)).statusCode).toBe(200);
  const sealId: string = (await post('/seals', options.seal)).json().data.id;
  for (const subject of options.subjects) {
    const granted = await post(`/seals/${sealId}/authorisations`, {
      subject_type: 'user',
      subject_id: subject,
      ...(options.categories ? { categories: options.categories } : {}),
      valid_from: '2020-01-01T00:00:00.000Z',
      valid_until: '2099-01-01T00:00:00.000Z',
      requires_approval: true,
      workflow_definition_id: definitionId,
    });
    expect(granted.statusCode, granted.body).toBe(201);
  }
  return { sealId, definitionId };
}
