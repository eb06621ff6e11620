import { afterAll, beforeAll, expect } from 'vitest';
import { modules } from '../src/modules/index.js';
import { can } from '../src/modules/workflow/workflow.catalogue.js';
import { pdfBytes, postDocument } from './documents-kit.js';
import { createTestApp, type TestApp } from './test-app.js';
import { asUser, headerAuthModule } from './test-principal.js';

/**
 * The workflow module's route tests: the whole app (identity replaced by the header
 * authenticator), users as fixed ids, and helpers that define, publish, start and act.
 */
export const user = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const initiator = user(1);
const everyday = [
  can['workflow.definition.read'],
  can['workflow.definition.manage'],
  can['workflow.approval.use'],
];
export const as = (userId: string, extra: string[] = []) => asUser(userId, [...everyday, ...extra]);
export const admin = (userId: string) => as(userId, [can['workflow.approval.admin']]);

export function createWorkflowApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({ env, build: { modules: [...modules, headerAuthModule] } });
}

/**
 * Registers beforeAll/afterAll giving the test file one workflow app, on which `prepare`
 * (publishing the file's definitions, seeding people) runs first. The answer reads the live
 * app: use it inside tests, hooks and the helpers they call.
 */
export function useWorkflowApp(
  prepare: (t: TestApp) => Promise<void> = async () => {},
  env: () => Record<string, string> = () => ({}),
): TestApp {
  let live: TestApp | undefined;
  const current = () => {
    if (!live) throw new Error('the workflow app is set up in beforeAll');
    return live;
  };
  beforeAll(async () => {
    live = await createWorkflowApp(env());
    await prepare(live);
  }, 180_000);
  afterAll(() => live?.close());
  return {
    get app() {
      return current().app;
    },
    get config() {
      return current().config;
    },
    get database() {
      return current().database;
    },
    get dataDir() {
      return current().dataDir;
    },
    close: () => current().close(),
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export function call(
  t: TestApp,
  method: Method,
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

export const start = { id: 'start', type: 'start' };
export const end = { id: 'end', type: 'end' };
export const approval = (id: string, users: number[], extra: Record<string, unknown> = {}) => ({
  id,
  type: 'approval',
  name: id,
  approvers: [{ type: 'user', user_ids: users.map(user) }],
  ...extra,
});

export const amountForm = {
  fields: [
    { key: 'amount', label: 'Amount', type: 'number', required: true },
    { key: 'reason', label: 'Reason', type: 'text' },
    { key: 'reviewer', label: 'Reviewer', type: 'user' },
  ],
};

/** Creates and publishes a definition; answers the published version's id. */
export async function publish(
  t: TestApp,
  key: string,
  process: object[],
  extra: object = {},
): Promise<string> {
  const created = await call(t, 'POST', '/workflows', as(user(90)), {
    key,
    name: key,
    body: { form: amountForm, process, ...extra },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json().data;
  const published = await call(t, 'POST', `/workflows/${id}/publish`, as(user(90)));
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

export interface Detail {
  id: string;
  status: string;
  current_nodes: string[];
  my_task_ids: string[];
  form_data: Record<string, unknown>;
  tasks: { id: string; node_id: string; kind: string; assignee_id: string; status: string }[];
  timeline: { action: string; node_id: string | null; actor_id: string | null }[];
}

export async function startApproval(
  t: TestApp,
  key: string,
  formData: Record<string, unknown> = { amount: 100 },
  extra: object = {},
): Promise<Detail> {
  const response = await call(t, 'POST', '/approvals', as(initiator), {
    definition_key: key,
    title: `Request ${key}`,
    form_data: formData,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data;
}

export async function act(
  t: TestApp,
  who: number,
  id: string,
  action: string,
  body: object = {},
  status = 200,
) {
  const response = await call(t, 'POST', `/approvals/${id}/${action}`, as(user(who)), body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json().data as Detail;
}

export async function detail(t: TestApp, id: string): Promise<Detail> {
  return (await call(t, 'GET', `/approvals/${id}`, admin(user(99)))).json().data;
}

/** Pending tasks as [node, user number] pairs, sorted. */
export function pending(d: Detail): string[] {
  return d.tasks
    .filter((task) => task.status === 'pending')
    .map((task) => `${task.node_id}:${Number(task.assignee_id.slice(-12))}`)
    .sort();
}

export async function rowCounts(t: TestApp) {
  const db = t.database.db;
  const count = async (
    table: 'workflow_instances' | 'workflow_tasks' | 'workflow_records' | 'workflow_definitions',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return {
    definitions: await count('workflow_definitions'),
    instances: await count('workflow_instances'),
    tasks: await count('workflow_tasks'),
    records: await count('workflow_records'),
  };
}

/** What a user who attaches files needs: read and upload documents. */
export const documentPermissions = ['documents.document.read', 'documents.document.upload'];

/** Uploads a small contract PDF as user `who` (needs scopedHeaderAuthModule); its document id. */
export async function uploadContract(t: TestApp, who: number, title: string): Promise<string> {
  const response = await postDocument(
    t,
    as(user(who), documentPermissions),
    { category: 'contract', entity_type: 'contract', entity_id: 'C-1', title },
    { name: `${title}.pdf`, bytes: pdfBytes(title), type: 'application/pdf' },
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.document.id;
}
