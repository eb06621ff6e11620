// Part 11 signing benchmarks (issue 16, docs/electronic-records.md): in one process, through
// the built services (no HTTP), on SQLite with production argon2id parameters:
//   (1) a full ceremony: password + TOTP verified, policy evaluated, record bound, value
//       sealed (AES-256-GCM), signature + authentication log + audit committed;
//   (2) a subsequent signature in the same signing session (one component: PIN);
//   (3) verify, a read: value opened, row compared, the signature's audit events proven in the
//       log, (a) by an inclusion proof against the latest signed checkpoint (kept in memory;
//       the steady state, checkpoints come every 5 minutes), (b) by their MAC when newer than
//       the last checkpoint, (c) without the audit check. No writes: asserted below.
// (1) and (2) run with CONCURRENCY signings in flight (one signer each, as real signers are),
// so argon2id on the libuv threadpool uses every core; their baselines run the same way:
// raw argon2id verify + TOTP check (1, the ceiling of a password ceremony on this machine),
// raw argon2id verify of a PIN (2, the former PIN hash) beside the raw keyed PIN hash.
// (3) is synchronous work on one thread (better-sqlite3): one at a time; baseline raw
// AES-256-GCM open + HMAC of the same manifest. Needs `npm run build`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { authenticator } from 'otplib';
import { buildApp } from '../packages/server/dist/app.js';
import { loadConfig } from '../packages/server/dist/config.js';
import { auditDeps } from '../packages/server/dist/modules/audit/audit.deps.js';
import { createCheckpoint } from '../packages/server/dist/modules/audit/checkpoints/checkpoints.service.js';
import { identityDeps } from '../packages/server/dist/modules/identity/identity.deps.js';
import { storePassword } from '../packages/server/dist/modules/identity/passwords/password.service.js';
import { argon2Parameters } from '../packages/server/dist/modules/identity/passwords/password-hasher.js';
import { bumpAuthzVersion } from '../packages/server/dist/modules/identity/roles/roles.repository.js';
import { newUserRow } from '../packages/server/dist/modules/identity/users/users.repository.js';
import { registerSignableOperation } from '../packages/server/dist/modules/records/index.js';
import { createPolicy } from '../packages/server/dist/modules/records/policies.service.js';
import { recordsDeps } from '../packages/server/dist/modules/records/records.deps.js';
import { createSignature } from '../packages/server/dist/modules/records/signatures.service.js';
import { verifySignature } from '../packages/server/dist/modules/records/verification.service.js';
import { prepareInstallation } from '../packages/server/dist/platform/boot.js';
import { inTransaction } from '../packages/server/dist/platform/db/transaction.js';
import { concurrentOpsPerSecond, opsPerSecond, writeResult } from './lib/results.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PASSWORD = 'Quartz-Lantern-2026';
const PIN = '482915';
const dataDir = mkdtempSync(join(tmpdir(), 'signx-bench-part11-'));
const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  DATABASE_URL: `sqlite:${join(dataDir, 'signx.db')}`,
  SECRET_KEY: 'p'.repeat(48),
  MFA_REQUIRED_DEFAULT: 'false',
};

// TOTP codes are single-use per 30 s step: each full ceremony moves its signer's clock one
// step on. Each signer (worker) has its own offset, carried by the async context.
const offsets = new AsyncLocalStorage();
const clock = { now: () => new Date(Date.now() + (offsets.getStore()?.offset ?? 0)) };
const advance = () => {
  offsets.getStore().offset += 30_000;
};

// Cost per operation beside the rate: SQL statements run (every better-sqlite3 statement call),
// main-thread time (event-loop utilisation: the JavaScript and SQLite work, not argon2 on the
// threadpool) and process CPU (all threads), over every call of the phase (warm-up included).
const statementProto = Object.getPrototypeOf(new Database(':memory:').prepare('select 1'));
let statements = 0;
for (const method of ['run', 'all', 'get', 'iterate']) {
  const original = statementProto[method];
  statementProto[method] = function counted(...args) {
    statements += 1;
    if (globalThis.sqlTrace) globalThis.sqlTrace.push(this.source.slice(0, 90));
    return original.apply(this, args);
  };
}
async function profiled(measure, fn) {
  let calls = 0;
  const op = (...args) => {
    calls += 1;
    return fn(...args);
  };
  const s0 = statements;
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const value = await measure(op);
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  const round = (v) => Math.round(v * 1000) / 1000;
  return {
    value,
    per_op: {
      sql_statements: round((statements - s0) / calls),
      main_thread_ms: round(elu.active / calls),
      process_cpu_ms: round((cpu.user + cpu.system) / 1000 / calls),
    },
  };
}

registerSignableOperation({
  resourceType: 'batch_record',
  operationType: 'release',
  module: 'bench',
  description: 'Release a batch record (bench)',
});

async function seedPolicy(app, deps, actor) {
  await inTransaction(app.signx.db, (trx) =>
    createPolicy(
      trx,
      deps,
      { ...actor, permissions: new Set(['records.policy.manage']) },
      {
        resource_type: 'batch_record',
        operation_type: 'release',
        policy_name: 'Bench',
        signature_level: 'enhanced',
        authentication_factors: 2,
        session_timeout: 1440,
        session_absolute_timeout: 1440,
        cooling_period: null,
        require_reason: false,
        allowed_meanings: ['approval'],
      },
    ),
  );
}

async function seed(app, w) {
  const ctx = app.signx;
  const runtime = identityDeps(ctx);
  const now = clock.now().toISOString();
  const row = {
    ...newUserRow(
      {
        username: `signer${w}`,
        full_name: `Bench Signer ${w}`,
        email: `s${w}@example.test`,
        phone: null,
        department_id: null,
        identity_level: 'internal',
      },
      now,
    ),
    must_change_password: 0,
  };
  await inTransaction(ctx.db, async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await storePassword(trx, runtime, row, PASSWORD, { mustChange: false });
    await bumpAuthzVersion(trx);
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: `signer${w}`, password: PASSWORD },
  });
  const token = login.json().data.tokens.access_token;
  const headers = { authorization: `Bearer ${token}` };
  const secret = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/bind',
      headers,
      payload: { password: PASSWORD },
    })
  ).json().data.secret;
  const code = authenticator.clone({ epoch: clock.now().getTime() }).generate(secret);
  await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/bind/confirm', headers, payload: { code } });
  const pin = await app.inject({
    method: 'PUT',
    url: '/api/v1/signature/settings/pin',
    headers,
    payload: { password: PASSWORD, new_pin: PIN },
  });
  if (pin.statusCode !== 200) throw new Error(`PIN: ${pin.body}`);
  const session = await ctx.db
    .selectFrom('user_sessions')
    .select('id')
    .where('user_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const actor = {
    type: 'user',
    id: row.id,
    userId: row.id,
    name: 'signer',
    permissions: new Set(),
    authMethod: 'password',
    sessionId: session.id,
    ip: '127.0.0.1',
    userAgent: 'bench',
    requestId: null,
  };
  const deps = recordsDeps(ctx);
  if (w === 0) await seedPolicy(app, deps, actor);
  return {
    deps,
    actor,
    secret,
    userId: row.id,
    hashOf: await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow(),
  };
}

let n = 0;
const body = (userId, extra) => {
  n += 1;
  return {
    userId,
    resourceId: `B-${n}`,
    resourceType: 'batch_record',
    operationType: 'release',
    signatureMean: 'approval',
    recordVersion: '1',
    recordHash: 'a'.repeat(64),
    ...extra,
  };
};

async function main() {
  const app = await buildApp(loadConfig(env), { clock });
  await prepareInstallation(app.signx, () => {});
  const signers = [];
  for (let w = 0; w < CONCURRENCY; w += 1) {
    const time = { offset: 0 };
    signers.push({ time, ...(await offsets.run(time, () => seed(app, w))) });
  }
  const { deps, actor, userId } = signers[0];
  const params = argon2Parameters.standard;
  const pinHash = await hash(PIN, params);
  const pinKeyed = identityDeps(app.signx).pinHasher.hash(PIN);
  const totpNow = (signer) => authenticator.clone({ epoch: clock.now().getTime() }).generate(signer.secret);
  /** Runs `fn(signer)` with CONCURRENCY in flight, each worker as its own signer and clock. */
  const inFlight = (fn) =>
    concurrentOpsPerSecond((w) => offsets.run(signers[w].time, () => fn(signers[w])), {
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    });

  // (1) full ceremony, baseline: argon2id verify + TOTP check, as many in flight
  const fullBaseline = await profiled(inFlight, async (signer) => {
    await verify(signer.hashOf.password_hash, PASSWORD);
    authenticator.clone({ epoch: clock.now().getTime() }).check(totpNow(signer), signer.secret);
  });
  const full = await profiled(inFlight, async (signer) => {
    advance();
    const signed = await createSignature(
      signer.deps,
      signer.actor,
      body(signer.userId, { credentials: { password: PASSWORD, totp: totpNow(signer) } }),
    );
    if (!signed.isFullCeremony) throw new Error('not a full ceremony');
  });

  // (2) subsequent signatures, each signer in their own session with the PIN; baselines: the
  // former PIN hash (argon2id verify) as many in flight, and the keyed PIN hash alone
  for (const signer of signers)
    await offsets.run(signer.time, async () => {
      advance();
      if (process.env.BENCH_TRACE && signer === signers[0]) globalThis.sqlTrace = [];
      const opened = await createSignature(
        signer.deps,
        signer.actor,
        body(signer.userId, { credentials: { password: PASSWORD, totp: totpNow(signer) } }),
      );
      signer.sessionId = opened.sessionId;
      if (globalThis.sqlTrace) console.log(globalThis.sqlTrace.join('\n'));
      globalThis.sqlTrace = undefined;
    });
  const pinBaseline = await inFlight(() => verify(pinHash, PIN));
  const keyedPin = await opsPerSecond(() => identityDeps(app.signx).pinHasher.verify(pinKeyed, PIN), {
    seconds: SECONDS,
  });
  const ids = [];
  const subsequent = await profiled(inFlight, async (signer) => {
    const signed = await createSignature(
      signer.deps,
      signer.actor,
      body(signer.userId, { sessionId: signer.sessionId, credentials: { pin: PIN } }),
    );
    if (signed.isFullCeremony) throw new Error('expected one component');
    ids.push(signed.row.id);
  });
  // (3) verify, baseline: AES-256-GCM open + HMAC over a manifest of the same size
  const key = randomBytes(32);
  const macKey = randomBytes(32);
  const manifest = Buffer.from(
    JSON.stringify({
      ...body(userId, {}),
      signer_name: 'Bench Signer',
      timestamp: new Date().toISOString(),
      factors: ['pin'],
    }),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(manifest), cipher.final()]);
  const tag = cipher.getAuthTag();
  const verifyBaseline = await opsPerSecond(
    () => {
      const d = createDecipheriv('aes-256-gcm', key, iv);
      d.setAuthTag(tag);
      const plain = Buffer.concat([d.update(sealed), d.final()]);
      createHmac('sha256', macKey).update(plain).digest();
    },
    { seconds: SECONDS },
  );
  let i = 0;
  let invalid = 0;
  const writes = async () => {
    const count = (table) =>
      app.signx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const changed = await app.signx.db
      .selectFrom('records_signatures')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirstOrThrow();
    return {
      events: await count('audit_events'),
      checkpoints: await count('audit_checkpoints'),
      changed: changed.at,
    };
  };
  // Every signer's signatures, verified by a reader allowed to see them all (an auditor).
  const reader = { ...actor, permissions: new Set(['records.signature.read']) };
  const verifyAll = (extra) => async () => {
    const result = await verifySignature(deps, reader, { signatureId: ids[i++ % ids.length], ...extra });
    if (!result.isValid) invalid += 1;
  };
  const beforeVerify = await writes();
  // (3b) the signatures are all newer than the last checkpoint: MACs
  for (let w = 0; w < 500; w += 1) await verifyAll({})(); // warm-up (JIT), writes nothing either
  const one = (fn) => opsPerSecond(fn, { seconds: SECONDS });
  const verifiedMac = await profiled(one, verifyAll({}));
  const macWrites = await writes();
  // (3a) a checkpoint now covers them (as the periodic job would): inclusion proofs
  await createCheckpoint(auditDeps(app.signx), 'main');
  const afterCheckpoint = await writes();
  const verified = await profiled(one, verifyAll({}));
  const verifiedQuick = await profiled(one, verifyAll({ includeAuditProof: false }));
  const afterVerify = await writes();
  const verifyWrites =
    afterVerify.events -
    afterCheckpoint.events +
    (macWrites.events - beforeVerify.events) +
    (afterVerify.checkpoints - afterCheckpoint.checkpoints) +
    (afterVerify.changed !== beforeVerify.changed ? 1 : 0);
  if (verifyWrites !== 0) throw new Error(`verification wrote ${verifyWrites} rows`);
  // (4) the non-argon2 work of a full ceremony: the same ceremony, one at a time, with the
  // password hash's verify replaced by a stub that accepts (the only change), so its cost per
  // ceremony is everything but argon2id (policy, TOTP, lockout, session, seal, rows, audit).
  const hasher = identityDeps(app.signx).hasher;
  const argonVerify = hasher.verify;
  hasher.verify = async () => true;
  const overhead = await profiled(
    (fn) => offsets.run(signers[0].time, () => opsPerSecond(() => fn(signers[0]), { seconds: SECONDS })),
    async (signer) => {
      advance();
      const signed = await createSignature(
        signer.deps,
        signer.actor,
        body(signer.userId, { credentials: { password: PASSWORD, totp: totpNow(signer) } }),
      );
      if (!signed.isFullCeremony) throw new Error('not a full ceremony');
    },
  );
  hasher.verify = argonVerify;
  await app.close();
  if (invalid > 0) throw new Error(`${invalid} verifications failed`);

  // A profiled figure ({value, per_op}) keeps its cost per operation beside the rate.
  const paired = (name, measured, baselineMeasured, baselineName, target) => {
    const value = measured.value ?? measured;
    const baseline = baselineMeasured.value ?? baselineMeasured;
    return {
      name,
      value,
      unit: 'ops/s',
      target: { op: '>=', value: target },
      baseline: {
        name: baselineName,
        value: baseline,
        ...(baselineMeasured.per_op ? { per_op: baselineMeasured.per_op } : {}),
      },
      ratio: value / baseline,
      ...(measured.per_op ? { per_op: measured.per_op } : {}),
    };
  };
  writeResult(
    'part11',
    [
      paired(
        `full ceremony (password + TOTP, policy, seal, audit), ${CONCURRENCY} signers in flight`,
        full,
        fullBaseline,
        `raw argon2id verify + TOTP check, ${CONCURRENCY} in flight (the ceiling: the password hash alone)`,
        150,
      ),
      {
        ...paired(
          `subsequent signature (PIN, keyed HMAC) in a signing session, ${CONCURRENCY} signers in flight`,
          subsequent,
          pinBaseline,
          `raw argon2id verify (the former PIN hash), ${CONCURRENCY} in flight`,
          400,
        ),
        keyed_pin_verify: { name: 'raw keyed PIN verify (HMAC-SHA-256), one at a time', value: keyedPin },
      },
      paired(
        'verify (value, row, audit inclusion proof against the signed checkpoint)',
        verified,
        verifyBaseline,
        'raw AES-256-GCM open + HMAC',
        3000,
      ),
      paired(
        'verify, signature newer than the last checkpoint (audit event MAC)',
        verifiedMac,
        verifyBaseline,
        'raw AES-256-GCM open + HMAC',
        3000,
      ),
      paired(
        'verify without the audit proof (value, row, record)',
        verifiedQuick,
        verifyBaseline,
        'raw AES-256-GCM open + HMAC',
        3000,
      ),
    ],
    {
      argon2: { memoryKiB: params.memoryCost, timeCost: params.timeCost },
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      verified_signatures: ids.length,
      rows_written_by_verification: verifyWrites,
      ceremony_without_argon2: {
        name: 'full ceremony with the password hash stubbed, one at a time: the non-argon2 work',
        ops_per_s: overhead.value,
        ms_per_ceremony: 1000 / overhead.value,
        per_op: overhead.per_op,
      },
    },
  );
}

await main();
