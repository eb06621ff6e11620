/** Who did it, as the server saw it (never as the client claimed). */
export interface AuditActor {
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  /** User id / API key id / job name. */
  id: string | null;
  /** Username, key name, 'system:<job>'. */
  name: string;
  /** 'password', 'password+totp', 'api_key', 'refresh', ... */
  authMethod?: string | null;
  onBehalfOf?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** One audit event as a service describes it; the recorder adds time, version, chain and hashes. */
export interface AuditEventInput {
  /** From a module's catalogue, e.g. 'identity.user.created'. */
  action: string;
  actor: AuditActor;
  /** 'user', 'role', 'job', ... */
  entityType: string;
  entityId?: string | null;
  /** The whole object before the change; only changed fields are stored, with a readable diff. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  /** Signature meaning where one applies (21 CFR 11.50). */
  meaning?: string | null;
  result?: 'success' | 'failure';
  details?: Record<string, unknown>;
}

/** The chains SignX writes: business events, and the HTTP request log (kept apart to avoid contention). */
export type AuditChain = 'main' | 'http';
export const AUDIT_CHAINS: readonly AuditChain[] = ['main', 'http'];
