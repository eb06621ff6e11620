import { constants, randomBytes, verify } from 'node:crypto';
import { parseCertificate, type Signer } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { KeysDeps } from './keys.deps.js';
import * as repo from './keys.repository.js';
import { sendKeysAlert } from './keys-messages.js';
import { signerForRow } from './signer.service.js';

/** One certificate's canary: signed with its key (file or HSM) and verified with its certificate. */
export interface SelfTestResult {
  certificate_id: string;
  serial: string;
  ok: boolean;
  error: string | null;
}

const nodeHash = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/** Signs a fresh canary and verifies it with the certificate's public key; throws what failed. */
export async function signAndVerifyCanary(signer: Signer): Promise<void> {
  const canary = Buffer.concat([Buffer.from('signx-key-self-test:'), randomBytes(32)]);
  const signature = await signer.sign(canary);
  const key = parseCertificate(signer.certificate).publicKey;
  const options =
    signer.algorithm === 'ECDSA'
      ? { key, dsaEncoding: 'der' as const }
      : signer.algorithm === 'RSA-PSS'
        ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
        : key;
  if (!verify(nodeHash[signer.hash], canary, options, signature)) {
    throw new Error('the canary signature does not verify with the certificate');
  }
}

/**
 * The daily self-test (21 CFR 11.300(e)): every active certificate's key signs and verifies a
 * canary, outside any transaction (HSM calls are external work); so does each platform key
 * held in the token (issuing CA, TSA: the startup self-check, `trust.checkHeldKeys`). Then
 * the results, their audit events and the alerts for failures are recorded in one
 * transaction. Returns the organisation certificates' results (platform keys have no row).
 */
export async function runSelfTest(deps: KeysDeps, actor: Actor): Promise<SelfTestResult[]> {
  const results: SelfTestResult[] = [];
  const rows = await repo.activeCertificates(deps.db);
  for (const row of rows) {
    try {
      await signAndVerifyCanary(await signerForRow(deps, row));
      results.push({ certificate_id: row.id, serial: row.serial, ok: true, error: null });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      results.push({ certificate_id: row.id, serial: row.serial, ok: false, error });
    }
  }
  const held = await deps.trust.checkHeldKeys();
  const ranAt = deps.clock.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    for (const check of held.filter((c) => c.error)) {
      const error = check.error ?? '';
      const serial = check.serial ?? check.label;
      await deps.audit.record(trx, actor, {
        type: 'keys.self_test.failed',
        entityId: null,
        payload: { serial, error },
      });
      const params = { legalName: check.subject, uscc: `PKCS#11 ${check.label}`, serial, error };
      const dedupe = `keys-self-test:platform-${check.role}:${ranAt}`;
      await sendKeysAlert(trx, deps, actor, 'keys.self-test-failed', params, dedupe);
    }
    for (const [i, result] of results.entries()) {
      const row = rows[i] as repo.CertificateRow;
      await repo.insertSelfTest(trx, {
        id: newId(),
        certificate_id: row.id,
        key_id: row.key_id,
        ok: result.ok ? 1 : 0,
        error: result.error,
        ran_at: ranAt,
      });
      if (result.ok) continue;
      await deps.audit.record(trx, actor, {
        type: 'keys.self_test.failed',
        entityId: row.id,
        payload: { serial: row.serial, error: result.error ?? '' },
      });
      const params = {
        legalName: row.legal_name,
        uscc: row.uscc,
        serial: row.serial,
        error: result.error ?? '',
      };
      await sendKeysAlert(
        trx,
        deps,
        actor,
        'keys.self-test-failed',
        params,
        `keys-self-test:${row.id}:${ranAt}`,
      );
    }
    const failed = results.filter((r) => !r.ok).length + held.filter((c) => c.error).length;
    await deps.audit.record(trx, actor, {
      type: 'keys.self_test.completed',
      entityId: null,
      payload: { tested: results.length + held.length, failed },
    });
  });
  return results;
}

/**
 * Warns the managers once per certificate that expires within KEYS_EXPIRY_WARNING_DAYS:
 * marked, audited and sent in one transaction, so a rerun does not warn twice.
 */
export async function warnExpiring(deps: KeysDeps, actor: Actor): Promise<string[]> {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() + deps.expiryWarningDays * 86_400_000).toISOString();
  const due = await repo.expiringUnwarned(deps.db, horizon);
  const warned: string[] = [];
  for (const row of due) {
    await inTransaction(deps.db, async (trx) => {
      if (!(await repo.markExpiryWarned(trx, row.id, now.toISOString()))) return;
      await deps.audit.record(trx, actor, {
        type: 'keys.certificate.expiry_warned',
        entityId: row.id,
        payload: { serial: row.serial, not_after: row.not_after },
      });
      const params = {
        legalName: row.legal_name,
        uscc: row.uscc,
        serial: row.serial,
        notAfter: row.not_after,
      };
      await sendKeysAlert(trx, deps, actor, 'keys.expiry-warning', params, `keys-expiry:${row.id}`);
      warned.push(row.id);
    });
  }
  return warned;
}
