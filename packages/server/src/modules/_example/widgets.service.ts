import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { conflict, domainError, notFound } from '../../platform/errors.js';
import type { ExampleDeps } from './example.deps.js';
import { exampleErrors } from './example.errors.js';
import { notifyOwnerJob } from './widgets.jobs.js';
import { authorize, authorizeCreate, canSee, visibleScope } from './widgets.policy.js';
import * as widgets from './widgets.repository.js';
import { type WidgetEvent, type WidgetState, widgetLifecycle } from './widgets.state.js';

/**
 * The widget use cases. Each takes the transaction (or handle) first, the module's deps
 * and the acting `Actor`; the caller (route or job handler) opened the transaction, so the
 * change, its audit event and its job commit together or not at all.
 */
export async function createWidget(
  trx: Trx,
  deps: ExampleDeps,
  actor: Actor,
  input: { name: string; description?: string | null },
): Promise<widgets.WidgetRow> {
  const ownerId = authorizeCreate(actor);
  if (await widgets.findWidgetByName(trx, ownerId, input.name)) {
    throw domainError(exampleErrors.WIDGET_NAME_TAKEN, `You already have a widget named ${input.name}`);
  }
  const now = deps.clock.now().toISOString();
  const row: widgets.WidgetRow = {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    state: 'draft',
    owner_id: ownerId,
    reviewer_id: null,
    decision_note: null,
    submitted_at: null,
    decided_at: null,
    owner_notified_at: null,
    created_at: now,
    updated_at: now,
  };
  await widgets.insertWidget(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'example.widget.created',
    entityId: row.id,
    payload: { name: row.name },
    after: { name: row.name, state: row.state },
  });
  return row;
}

/** A page of the widgets the actor may see; nobody without a read permission sees any. */
export async function listWidgets(
  db: DbOrTrx,
  actor: Actor,
  query: PageRequest & { state?: WidgetState },
): Promise<Page<widgets.WidgetRow>> {
  const scope = visibleScope(actor);
  if (!scope) return { items: [], total: 0, page: query.page, page_size: query.page_size, pages: 0 };
  return widgets.widgetPage(db, scope, { state: query.state }, query);
}

/** One widget; 404 (not 403) outside what the actor sees, so ids of others' widgets leak nothing. */
export async function getWidget(db: DbOrTrx, actor: Actor, id: string): Promise<widgets.WidgetRow> {
  const row = await widgets.findWidget(db, id);
  if (!row || !canSee(actor, row)) throw notFound('Widget');
  return row;
}

/**
 * Applies a life-cycle event: visibility, policy, state machine, compare-and-set update,
 * audit event, and on approval the owner's notification job, all in `trx`.
 */
export async function changeWidgetState(
  trx: Trx,
  deps: ExampleDeps,
  actor: Actor,
  command: { id: string; event: WidgetEvent; note?: string | null },
): Promise<widgets.WidgetRow> {
  const before = await getWidget(trx, actor, command.id);
  authorize(actor, command.event, before);
  const transition = widgetLifecycle.apply(before.state, command.event);
  const now = deps.clock.now().toISOString();
  const isDecision = command.event === 'approve' || command.event === 'reject';
  const changes = {
    state: transition.to,
    updated_at: now,
    ...(command.event === 'submit' ? { submitted_at: now, reviewer_id: null, decided_at: null } : {}),
    ...(isDecision
      ? { reviewer_id: actor.userId, decided_at: now, decision_note: command.note ?? null }
      : {}),
  };
  if (!(await widgets.moveWidget(trx, before.id, before.state, changes))) {
    // Someone moved it first: refuse by the state it is in now, or ask for a retry.
    const current = await getWidget(trx, actor, command.id);
    widgetLifecycle.apply(current.state, command.event);
    throw conflict('The widget changed while you acted; please retry', { state: current.state });
  }
  await deps.audit.record(trx, actor, {
    type: transition.auditAction,
    entityId: before.id,
    payload: { name: before.name, note: command.note ?? null },
    before: { state: before.state },
    after: { state: transition.to },
    reason: command.note ?? null,
  });
  if (transition.to === 'approved') await deps.jobs.enqueue(trx, notifyOwnerJob, { widget_id: before.id });
  return { ...before, ...changes };
}

/** The notify-owner job's work: once per widget, audited as the job. */
export async function recordOwnerNotified(
  trx: Trx,
  deps: ExampleDeps,
  actor: Actor,
  job: { widgetId: string; jobId: string },
): Promise<boolean> {
  const isFirst = await widgets.markOwnerNotified(trx, job.widgetId, deps.clock.now().toISOString());
  if (!isFirst) return false;
  await deps.audit.record(trx, actor, {
    type: 'example.widget.owner_notified',
    entityId: job.widgetId,
    payload: { job_id: job.jobId },
  });
  return true;
}
