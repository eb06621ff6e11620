/**
 * Kysely table types of the identity module. Users are never deleted (disabling keeps
 * history resolvable); secrets (passwords, tokens, codes, keys) are stored only as hashes.
 */
export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  department_id: string | null;
  status: 'active' | 'locked' | 'disabled';
  identity_level: string;
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  /** Bumped by every update; list pages reuse per-process copies of unchanged rows. */
  row_version: number;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  /** Materialized path of ids, `/root/child/`, so "this department and its children" is one LIKE. */
  path: string;
  head_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  data_scope: 'own' | 'department' | 'department_tree' | 'all' | 'custom';
  mfa_required: number;
  /** Rule for catalogue permissions added later: 'all', 'read', or 'none'. */
  grant_rule: string;
  is_system: number;
  created_at: string;
  updated_at: string;
}

export interface PermissionsTable {
  code: string;
  module: string;
  description: string;
  created_at: string;
}

export interface RolePermissionsTable {
  role_id: string;
  permission_code: string;
}

export interface RoleDepartmentsTable {
  role_id: string;
  department_id: string;
}

export interface UserRolesTable {
  user_id: string;
  role_id: string;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface UserSessionsTable {
  id: string;
  user_id: string;
  auth_method: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  mfa_verified_at: string | null;
  signed_at: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface TotpFactorsTable {
  user_id: string;
  secret_encrypted: string;
  confirmed_at: string | null;
  last_step: number;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface OneTimeCodesTable {
  id: string;
  user_id: string;
  purpose: string;
  code_hash: string;
  /** Binds a code to one login challenge or session (null: any). */
  subject: string | null;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  owner_user_id: string;
  permissions: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginLogTable {
  id: string;
  user_id: string | null;
  username: string;
  at: string;
  ip: string;
  user_agent: string;
  method: string;
  result: 'success' | 'failure' | 'challenge';
  reason: string | null;
}

export interface StepUpProofsTable {
  id: string;
  proof_hash: string;
  user_id: string;
  session_id: string | null;
  factors: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed (and in-flight) sign-ins per client IP in the current window. */
export interface LoginThrottleTable {
  ip: string;
  window_started_at: string;
  attempts: number;
}

/** A WebAuthn passkey of one user; `counter` is the last signature counter seen (bigint: read with Number()). */
export interface PasskeysTable {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: string;
  counter: number | string;
  transports: string;
  name: string;
  aaguid: string;
  device_type: string;
  backed_up: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A WebAuthn challenge: single use, short lived, bound to one user's session. */
export interface PasskeyChallengesTable {
  id: string;
  user_id: string;
  session_id: string | null;
  purpose: 'registration' | 'authentication';
  challenge: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface IdentityStateTable {
  id: number;
  authz_version: number;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    users: UsersTable;
    departments: DepartmentsTable;
    roles: RolesTable;
    permissions: PermissionsTable;
    role_permissions: RolePermissionsTable;
    role_departments: RoleDepartmentsTable;
    user_roles: UserRolesTable;
    password_history: PasswordHistoryTable;
    user_sessions: UserSessionsTable;
    refresh_tokens: RefreshTokensTable;
    totp_factors: TotpFactorsTable;
    recovery_codes: RecoveryCodesTable;
    one_time_codes: OneTimeCodesTable;
    api_keys: ApiKeysTable;
    login_log: LoginLogTable;
    step_up_proofs: StepUpProofsTable;
    identity_state: IdentityStateTable;
    login_throttle: LoginThrottleTable;
    identity_passkeys: PasskeysTable;
    identity_passkey_challenges: PasskeyChallengesTable;
  }
}
