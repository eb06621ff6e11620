import type { WidgetState } from './widgets.state.js';

/** Kysely types of the example's table (see example.migration.ts for the columns' rules). */
export interface ExampleWidgetsTable {
  id: string;
  name: string;
  description: string | null;
  state: WidgetState;
  owner_id: string;
  reviewer_id: string | null;
  decision_note: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  /** Set once by the notify-owner job; the job is idempotent on it. */
  owner_notified_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    example_widgets: ExampleWidgetsTable;
  }
}
