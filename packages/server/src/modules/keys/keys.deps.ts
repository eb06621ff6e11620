import type { KeyObject } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { openPkcs11Token, type Pkcs11Token } from '../../platform/hsm/pkcs11-token.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { audit } from '../audit/index.js';
import { type KeysAuditEvent, keysAuditEvents } from './keys.catalogue.js';
import { keysErrors } from './keys.errors.js';

/**
 * The keys module's runtime, one per app context: the platform CA (trust), the secret that
 * wraps file keys, the PKCS#11 token (opened on first use, closed at shutdown) and a cache
 * of unwrapped file keys (the state check is still made on every signature).
 */
export interface KeysDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  trust: PlatformTrust;
  audit: AuditTrail<KeysAuditEvent>;
  wrapSecret: Buffer;
  expiryWarningDays: number;
  hasHsm: boolean;
  /** The configured token; HSM_NOT_CONFIGURED (40086) without KEYS_PKCS11_LIBRARY. */
  token(): Pkcs11Token;
  fileKeys: Map<string, KeyObject>;
  close(): void;
}

export const keysDeps = defineModuleDeps('keys', (ctx): KeysDeps => {
  const pkcs11 = ctx.config.keys.pkcs11;
  let token: Pkcs11Token | undefined;
  return {
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    trust: ctx.trust,
    audit: createAuditTrail(keysAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    wrapSecret: ctx.keyring.secret('keys-file-wrap'),
    expiryWarningDays: ctx.config.keys.expiryWarningDays,
    hasHsm: !!pkcs11,
    token: () => {
      if (!pkcs11) throw domainError(keysErrors.HSM_NOT_CONFIGURED, 'No PKCS#11 token is configured');
      token ??= openPkcs11Token(pkcs11);
      return token;
    },
    fileKeys: new Map(),
    close: () => {
      token?.close();
      token = undefined;
    },
  };
});
