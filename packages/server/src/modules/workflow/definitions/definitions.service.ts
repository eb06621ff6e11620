import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { Page, PageRequest } from '../../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, domainError, notFound } from '../../../platform/errors.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import type { DefinitionStatus } from '../workflow.tables.js';
import { deriveGraph } from './definition-graph.js';
import type { DefinitionBody } from './definition-model.js';
import { validateDefinition } from './definition-validate.js';
import * as repo from './definitions.repository.js';

/** Definition use cases: versions go draft → published → archived; only drafts change. */
export interface DefinitionInput {
  key: string;
  name: string;
  description?: string | null;
  body: DefinitionBody;
}

/** Refuses a body with problems (40053), each problem as a field error named by its node id. */
export function assertValid(body: DefinitionBody): void {
  const issues = validateDefinition(body);
  if (issues.length > 0)
    throw domainError(workflowErrors.DEFINITION_INVALID, `The definition has ${issues.length} problem(s)`, {
      fieldErrors: issues.map((i) => ({
        field: i.node_id ? `node:${i.node_id}` : 'form',
        message: i.message,
      })),
      details: { issues },
    });
}

const derived = (body: DefinitionBody) => {
  const graph = deriveGraph(body.process);
  return { body: encodeJson(body), nodes: encodeJson(graph.nodes), edges: encodeJson(graph.edges) };
};

export async function createDefinition(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  input: DefinitionInput,
): Promise<repo.DefinitionRow> {
  assertValid(input.body);
  if ((await repo.latestVersionOf(trx, input.key)) !== null)
    throw conflict(`A definition with key ${input.key} exists; add a version to it instead`);
  return insertVersion(trx, deps, actor, input, 1);
}

/** A new draft version of the definition's key, copied from this version. */
export async function newVersion(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
): Promise<repo.DefinitionRow> {
  const source = await getDefinition(trx, id);
  const latest = (await repo.latestVersionOf(trx, source.key)) ?? source.version;
  const body = decodeJson<DefinitionBody>(source.body) as DefinitionBody;
  return insertVersion(trx, deps, actor, { ...source, body }, latest + 1);
}

async function insertVersion(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  input: DefinitionInput,
  version: number,
): Promise<repo.DefinitionRow> {
  const now = deps.clock.now().toISOString();
  const row: repo.DefinitionRow = {
    id: newId(),
    key: input.key,
    version,
    name: input.name,
    description: input.description ?? null,
    status: 'draft',
    ...derived(input.body),
    created_by: actor.userId ?? actor.id ?? 'system',
    published_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertDefinition(trx, row);
  await record(trx, deps, actor, 'workflow.definition.created', row);
  return row;
}

export async function getDefinition(db: DbOrTrx, id: string): Promise<repo.DefinitionRow> {
  const row = await repo.findDefinition(db, id);
  if (!row) throw notFound('Workflow definition');
  return row;
}

export function listDefinitions(
  db: DbOrTrx,
  query: PageRequest & { status?: DefinitionStatus; key?: string },
): Promise<Page<repo.DefinitionRow>> {
  return repo.definitionPage(db, query, query);
}

export async function updateDefinition(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: Omit<DefinitionInput, 'key'>,
): Promise<repo.DefinitionRow> {
  const before = await getDefinition(trx, id);
  assertValid(input.body);
  const changes = {
    name: input.name,
    description: input.description ?? null,
    ...derived(input.body),
    updated_at: deps.clock.now().toISOString(),
  };
  await move(trx, before, 'draft', changes);
  const after = { ...before, ...changes };
  await record(trx, deps, actor, 'workflow.definition.updated', after);
  return after;
}

/** Publishes a draft (validated again) and archives the key's previously published version. */
export async function publishDefinition(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
): Promise<repo.DefinitionRow> {
  const before = await getDefinition(trx, id);
  assertValid(decodeJson<DefinitionBody>(before.body) as DefinitionBody);
  const now = deps.clock.now().toISOString();
  const changes = { status: 'published' as const, published_at: now, updated_at: now };
  await move(trx, before, 'draft', changes);
  await repo.archiveOtherPublished(trx, before.key, before.id, now);
  const after = { ...before, ...changes };
  await record(trx, deps, actor, 'workflow.definition.published', after);
  return after;
}

export async function archiveDefinition(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
): Promise<repo.DefinitionRow> {
  const before = await getDefinition(trx, id);
  const changes = { status: 'archived' as const, updated_at: deps.clock.now().toISOString() };
  await move(trx, before, 'published', changes);
  const after = { ...before, ...changes };
  await record(trx, deps, actor, 'workflow.definition.archived', after);
  return after;
}

export async function deleteDefinition(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
): Promise<void> {
  const before = await getDefinition(trx, id);
  if (!(await repo.deleteDraft(trx, id))) throw notEditable(before.status, 'draft');
  await record(trx, deps, actor, 'workflow.definition.deleted', before);
}

async function move(
  trx: Trx,
  before: repo.DefinitionRow,
  from: DefinitionStatus,
  changes: Parameters<typeof repo.updateDefinition>[3],
): Promise<void> {
  if (before.status !== from || !(await repo.updateDefinition(trx, before.id, from, changes)))
    throw notEditable(before.status, from);
}

const notEditable = (status: string, needed: string) =>
  domainError(
    workflowErrors.DEFINITION_NOT_EDITABLE,
    `This version is ${status}; the action needs a ${needed} one`,
    {
      details: { status, needed },
    },
  );

function record(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  type:
    | 'workflow.definition.created'
    | 'workflow.definition.updated'
    | 'workflow.definition.published'
    | 'workflow.definition.archived'
    | 'workflow.definition.deleted',
  row: repo.DefinitionRow,
) {
  return deps.audit.record(trx, actor, {
    type,
    entityId: row.id,
    payload: { key: row.key, version: row.version },
    after: { status: row.status, name: row.name },
  });
}
