import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialect } from '../../../test/test-database.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';

/**
 * SQL statements per link signature (docs/signing.md "Speed"): every query the app's Kysely
 * executors run while one POST /sign is served (BEGIN and COMMIT are the driver's and not
 * counted); the job runtime's later work (notification, webhook fan-out) is not part of it.
 * The figure is recorded and capped so a change that adds statements to this path is
 * noticed; lower the cap when a cut lands.
 */

const sender = asUser('019a0000-0000-7000-8000-0000000000c1', Object.values(can));
const api = '/api/v1/digital-signature';
let t: TestApp;
const seen: string[] = [];
let counting = false;

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  let proto = Object.getPrototypeOf(t.database.db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function counted(this: unknown, ...args: unknown[]) {
    if (counting) seen.push((args[0] as { sql: string }).sql.slice(0, 160));
    return original.apply(this, args);
  };
});
afterAll(() => t.close());

const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });

describe('statements per signature', () => {
  it('counts the statements of one link signature', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await inject('POST', '/requests', sender, {
        entity_type: 'contract',
        entity_id: 100 + i,
        title: `Count ${i}`,
        signature_order: 'sequential',
        signers: [
          {
            signer_name: `A ${i}`,
            signer_email: `a${i}@example.com`,
            signer_type: 'customer',
            signing_order: 1,
          },
          {
            signer_name: `B ${i}`,
            signer_email: `b${i}@example.com`,
            signer_type: 'company',
            signing_order: 2,
          },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const sent = await inject('POST', `/requests/${created.json().data.id}/send`, sender);
      const link = sent.json().data.links.find((l: { signing_order: number }) => l.signing_order === 1);
      seen.length = 0;
      counting = true;
      const signed = await inject(
        'POST',
        '/sign',
        {},
        {
          token: link.token,
          signature_type: 'drawn',
          signature_data: pngDataUrl(),
          consent_given: true,
        },
      );
      counting = false;
      expect(signed.statusCode, signed.body).toBe(201);
      counts.push(seen.length);
    }
    console.log(`statements per link signature (steady state): ${counts.at(-1)}\n${seen.join('\n')}`);
    expect(counts.at(-1)).toBeGreaterThan(0);
    expect(counts.at(-1)).toBeLessThanOrEqual(STATEMENT_CAP);
  });
});

// Measured 52 on SQLite (the bundle of the request is read three times: by the link, again
// under the recording transaction, and for the `request.signed` webhook payload, which the
// answer reuses: signing-events.ts emittedOrRead).
// The audit chain head is read per event, not cached per transaction: a caller may roll back
// to a savepoint (audit chain.test.ts), and a cached head would then break the chain.
const STATEMENT_CAP = testDialect === 'postgres' ? 53 : 52;
