/** Kysely types of the webhooks tables (migration 2026_12_12_0610_webhooks). */
export interface WebhookEndpointsTable {
  id: string;
  owner_id: string;
  /** Owning team (an identity department; migration 2026_12_15_0510); null: owned by `owner_id`. */
  team_id: string | null;
  url: string;
  description: string | null;
  /** JSON array of subscribed event types. */
  event_types: string;
  is_active: number;
  /** Sealed with the keyring (`whsec_…` inside). */
  secret: string;
  previous_secret: string | null;
  /** Until then the previous secret signs too (rotation overlap). */
  previous_secret_until: string | null;
  /** First failure of the current failing streak; cleared by a success. */
  failing_since: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventsTable {
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  /** JSON: the resource as the API presents it. */
  data: string;
  /** 1 once deliveries were made for it. */
  fanned_out: number;
  created_at: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'retrying' | 'succeeded' | 'dead';

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  /** Deliveries of one lane go out one at a time in event order (a resource's events). */
  lane: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  claimed_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  /** JSON object of the request headers sent. */
  request_headers: string;
  response_status: number | null;
  response_excerpt: string | null;
  error: string | null;
  duration_ms: number;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    webhook_endpoints: WebhookEndpointsTable;
    webhook_events: WebhookEventsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_attempts: WebhookAttemptsTable;
  }
}
