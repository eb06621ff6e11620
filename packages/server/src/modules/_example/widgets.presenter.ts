import type { Actor } from '../../platform/actor.js';
import { denial } from './widgets.policy.js';
import type { WidgetRow } from './widgets.repository.js';
import type { WidgetView } from './widgets.schemas.js';
import { widgetLifecycle } from './widgets.state.js';

/**
 * Row in, response out; no I/O. `allowed_events` joins the state machine (what the state
 * allows) and the policy (what this actor may do), so a client shows only working buttons.
 */
export function presentWidget(row: WidgetRow, actor: Actor): WidgetView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    state: row.state,
    owner_id: row.owner_id,
    reviewer_id: row.reviewer_id,
    decision_note: row.decision_note,
    submitted_at: row.submitted_at,
    decided_at: row.decided_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    allowed_events: widgetLifecycle
      .eventsFrom(row.state)
      .filter((event) => denial(actor, event, row) === null),
  };
}
