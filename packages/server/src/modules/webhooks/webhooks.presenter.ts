import { decodeJson } from '../../platform/db/json-codec.js';
import type { AttemptRow, DeliveryRow } from './deliveries.repository.js';
import type { EndpointRow } from './endpoints.repository.js';

/** Rows in, responses out; the sealed secrets never leave. */
export function presentEndpoint(row: EndpointRow, teamNames?: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: decodeJson<string[]>(row.event_types) ?? [],
    is_active: row.is_active === 1,
    owner_id: row.owner_id,
    team_id: row.team_id,
    team_name: row.team_id ? (teamNames?.get(row.team_id) ?? null) : null,
    failing_since: row.failing_since,
    disabled_reason: row.disabled_reason,
    previous_secret_until: row.previous_secret_until,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.next_attempt_at,
    last_status: row.last_status,
    last_error: row.last_error,
    created_at: row.created_at,
    completed_at: row.completed_at,
  };
}

export function presentAttempt(row: AttemptRow) {
  return {
    attempt: row.attempt,
    request_headers: decodeJson<Record<string, string>>(row.request_headers) ?? {},
    response_status: row.response_status,
    response_excerpt: row.response_excerpt,
    error: row.error,
    duration_ms: row.duration_ms,
    created_at: row.created_at,
  };
}
