import { decodeJson } from '../../platform/db/json-codec.js';
import type { AuditEventsTable } from './audit.tables.js';
import type { VerifyReport } from './verify/verify.service.js';

/** An event row as the API shows it (JSON columns parsed, actor grouped), with what its action means. */
export function presentEvent(row: AuditEventsTable, actionDescription: string | null) {
  return {
    id: row.id,
    chain: row.chain,
    seq: Number(row.seq),
    occurred_at: row.occurred_at,
    actor: {
      type: row.actor_type,
      id: row.actor_id,
      name: row.actor_name,
      auth_method: row.auth_method,
      on_behalf_of: row.on_behalf_of,
      request_id: row.request_id,
      ip: row.ip,
      user_agent: row.user_agent,
    },
    action: row.action,
    action_description: actionDescription,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    changes: decodeJson<Record<string, unknown>>(row.changes),
    diff: row.diff,
    reason: row.reason,
    meaning: row.meaning,
    result: row.result,
    details: decodeJson<Record<string, unknown>>(row.details),
    app_version: row.app_version,
    prev_hash: row.prev_hash,
    leaf_hash: row.leaf_hash,
  };
}

export function presentReport(report: VerifyReport) {
  return {
    is_valid: report.isValid,
    events: report.events,
    chains: report.chains.map((c) => ({
      chain: c.chain,
      events: c.events,
      checkpoints: c.checkpoints,
      anchored_checkpoints: c.anchoredCheckpoints,
      broken: c.broken,
    })),
  };
}
