import { normalizeSerial, parseCertificate } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { domainError, invalid } from '../../platform/errors.js';
import { isTokenKeyAlgorithm, TOKEN_KEY_ALGORITHMS } from '../../platform/hsm/key-encoding.js';
import { HsmKeyProblem, type HsmRole, type ProvisionedKey } from '../../platform/trust/hsm-pki.js';
import type { KeysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';
import { authorizeManage } from './keys.policy.js';
import type { PlatformKeyView } from './keys.schemas.js';

export type { ProvisionedKey } from '../../platform/trust/hsm-pki.js';

/**
 * Generates (`generate`) or rotates (`rotate`) the HSM-held key of the platform issuing CA or
 * TSA: the token work and the certificate happen first, outside any transaction (HSM calls
 * are external work), then the audit event is recorded. Rotation keeps the old key in the
 * token and its certificate valid, so what it signed keeps validating. `algorithm` is one of
 * the token key algorithms (EC-P256 by default); another is refused before the token is touched.
 */
export async function provisionPlatformKey(
  deps: KeysDeps,
  actor: Actor,
  role: HsmRole,
  mode: 'generate' | 'rotate',
  algorithm = 'EC-P256',
): Promise<ProvisionedKey> {
  authorizeManage(actor);
  if (!isTokenKeyAlgorithm(algorithm)) {
    throw invalid(
      'algorithm',
      `Unsupported key algorithm ${algorithm}: use ${TOKEN_KEY_ALGORITHMS.join(', ')}`,
    );
  }
  if (!deps.hasHsm) throw domainError(keysErrors.HSM_NOT_CONFIGURED, 'No PKCS#11 token is configured');
  let done: ProvisionedKey;
  try {
    done = await deps.trust.provisionHsmKey(role, mode, algorithm);
  } catch (err) {
    throw asDomainError(err);
  }
  await inTransaction(deps.db, (trx) =>
    deps.audit.record(trx, actor, {
      type: mode === 'generate' ? 'keys.platform_key.generated' : 'keys.platform_key.rotated',
      entityId: null,
      payload: { role, label: done.label, serial: done.serial, replaced: done.replaced ?? '', algorithm },
    }),
  );
  return done;
}

function asDomainError(err: unknown): unknown {
  if (!(err instanceof HsmKeyProblem)) return err;
  if (err.kind === 'exists') return domainError(keysErrors.PLATFORM_KEY_EXISTS, err.message);
  if (err.kind === 'missing') return domainError(keysErrors.PLATFORM_KEY_NOT_FOUND, err.message);
  if (err.kind === 'unconfigured') return domainError(keysErrors.HSM_NOT_CONFIGURED, err.message);
  return err;
}

/** The platform root, issuing CA and TSA keys for the inventory: where each lives and when its certificate expires. */
export async function platformKeys(deps: KeysDeps): Promise<PlatformKeyView[]> {
  const m = await deps.trust.material();
  const labels = deps.ctx.config.keys.platformKeys;
  const now = deps.clock.now().getTime();
  const held = [
    ['root', m.root, undefined],
    ['issuing', m.issuing, labels.ca],
    ['tsa', m.tsa, labels.tsa],
  ] as const;
  return held.map(([role, material, label]) => {
    const cert = parseCertificate(material.certificate);
    return {
      role,
      storage: material.signer ? 'pkcs11' : 'file',
      label: material.signer ? (label ?? null) : null,
      subject: cert.subject,
      serial: normalizeSerial(cert.serial),
      not_after: cert.notAfter.toISOString(),
      days_left: Math.floor((cert.notAfter.getTime() - now) / 86_400_000),
    };
  });
}
