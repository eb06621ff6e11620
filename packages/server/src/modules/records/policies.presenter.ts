import { decodeJson } from '../../platform/db/json-codec.js';
import type { SignableOperation } from './operations.js';
import { type PadesLevel, padesLevels } from './pades-level.js';
import type { PolicyRow } from './policies.repository.js';
import type { TimeWindow } from './time-place.js';

const presentLevel = (level: string | null) =>
  padesLevels.includes(level as PadesLevel) ? (level as PadesLevel) : null;

/** Policy row in, response out. */
export function presentPolicy(row: PolicyRow) {
  return {
    policy_id: row.id,
    policy_key: row.policy_key,
    version: row.version,
    is_current: row.is_current === 1,
    policy_name: row.policy_name,
    resource_type: row.resource_type,
    operation_type: row.operation_type,
    signature_level: row.signature_level as 'simple' | 'enhanced' | 'certificate',
    authentication_factors: row.authentication_factors,
    session_timeout: row.session_timeout,
    session_absolute_timeout: row.session_absolute_timeout,
    cooling_period: row.cooling_period,
    require_reason: row.require_reason === 1,
    allowed_meanings: decodeJson<string[]>(row.allowed_meanings) ?? [],
    allowed_time_windows: decodeJson<TimeWindow[]>(row.allowed_time_windows),
    allowed_networks: decodeJson<string[]>(row.allowed_networks),
    time_zone: row.time_zone,
    pades_level: presentLevel(row.pades_level),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The policy as a signer sees it before the ceremony: the meanings, reason and components. */
export function presentTerms(row: PolicyRow) {
  const policy = presentPolicy(row);
  return {
    policy_name: policy.policy_name,
    version: policy.version,
    signature_level: policy.signature_level,
    authentication_factors: policy.authentication_factors,
    require_reason: policy.require_reason,
    allowed_meanings: policy.allowed_meanings,
    has_time_windows: (policy.allowed_time_windows?.length ?? 0) > 0,
    has_network_ranges: (policy.allowed_networks?.length ?? 0) > 0,
  };
}

export function presentOperation(op: SignableOperation) {
  return {
    resource_type: op.resourceType,
    operation_type: op.operationType,
    module: op.module,
    description: op.description,
    binds_record_version: Boolean(op.currentRecord),
  };
}
