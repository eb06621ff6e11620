import { expect } from 'vitest';
import { multipartBody } from './documents-kit.js';
import { docx, loopTable, paragraph } from './office-files.js';
import type { TestApp } from './test-app.js';
import { asUser } from './test-principal.js';

/**
 * Helpers of the document-templates route suites: callers with chosen permissions and data
 * scope, multipart uploads, and a contract template with a text, a condition and a list.
 */
export const aliceId = '019a0000-0000-7000-8000-0000000000a1';
export const bobId = '019a0000-0000-7000-8000-0000000000b2';

export const templatePermissions = [
  'doc_templates.template.read',
  'doc_templates.template.manage',
  'doc_templates.batch.run',
];

/** Headers of a caller holding `permissions`, seeing every row (`all`) or only their own. */
export function caller(permissions: readonly string[], options: { userId?: string; all?: boolean } = {}) {
  return {
    ...asUser(options.userId ?? aliceId, permissions),
    ...(options.all === false ? {} : { 'x-test-scope': 'all' }),
  };
}

export const contractTemplate = () =>
  docx(
    paragraph('合同编号 {contract_no}') +
      paragraph('ההסכם עם {party}', { rtl: true }) +
      paragraph('{#vip}VIP clause{/vip}') +
      loopTable('items', ['{name}', '{qty}']),
  );

export async function inject(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return t.app.inject({
    method,
    url: `/api/v1/document-templates${url}`,
    headers,
    ...(payload ? { payload } : {}),
  });
}

export async function uploadFile(
  t: TestApp,
  url: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array },
) {
  const body = multipartBody(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/document-templates${url}`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

/** Uploads the contract template and answers its id. */
export async function createContractTemplate(t: TestApp, name = '采购合同'): Promise<string> {
  const res = await uploadFile(
    t,
    '',
    caller(templatePermissions),
    { name },
    {
      name: 'contract.docx',
      bytes: contractTemplate(),
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.template.id as string;
}

export async function clearTemplates(t: TestApp): Promise<void> {
  const db = t.database.db;
  await db.deleteFrom('document_batch_rows').execute();
  await db.deleteFrom('document_batches').execute();
  await db.deleteFrom('document_template_drafts').execute();
  await db.deleteFrom('document_template_versions').execute();
  await db.deleteFrom('document_templates').execute();
  await db.deleteFrom('jobs').execute();
}
