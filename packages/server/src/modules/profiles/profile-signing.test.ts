import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Timestamper } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { createOutboundClient } from '../../platform/http/outbound-client.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { profileTimestamper, signingPlan } from './profile-signing.js';
import { PLATFORM_DEFAULT } from './profiles.settings.js';

/**
 * The profile's time-stamp source goes out only through the SSRF-safe client: a profile
 * whose TSA URL names a loopback or private host (an administrator pointing the server at
 * an internal service) is refused before any connection, unless the allow-list names it.
 */
let internal: Server;
let hits = 0;
let internalUrl = '';
const platformStamp: Timestamper = { timestamp: async () => new Uint8Array([1, 2, 3]) };
const trust = {
  timestamper: async () => platformStamp,
  revocationSources: async () => ({ issuers: [] }),
} as unknown as PlatformTrust;
const imprint = new Uint8Array(32);

beforeAll(async () => {
  internal = createServer((_req, res) => {
    hits += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/tsa`;
});
afterAll(() => internal?.close());

describe('profile time-stamping', () => {
  it('refuses a TSA on a loopback address without an allow-list: 503, the internal host never reached', async () => {
    const outbound = createOutboundClient();
    const settings = { ...PLATFORM_DEFAULT, pades_level: 'B-T' as const, tsa_urls: [internalUrl] };
    const stamp = profileTimestamper(settings, { fetch: outbound.fetch, platform: trust.timestamper });
    const error = await stamp.timestamp(imprint, 'SHA-256').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toContain('No time-stamp authority of the signing profile answered');
    expect((error as AppError).message).toContain('not a public address');
    expect(hits).toBe(0);
    await outbound.close();
  });

  it('uses the platform TSA when the profile names none; B-B has no time-stamp, B-LT adds validation data', async () => {
    const fetch = createOutboundClient().fetch;
    const token = await profileTimestamper(PLATFORM_DEFAULT, {
      fetch,
      platform: trust.timestamper,
    }).timestamp(imprint, 'SHA-256');
    expect([...token]).toEqual([1, 2, 3]);
    const bb = await signingPlan({ ...PLATFORM_DEFAULT, pades_level: 'B-B' }, { trust, fetch });
    expect(bb).toEqual({ level: 'B-B' });
    const bt = await signingPlan({ ...PLATFORM_DEFAULT, pades_level: 'B-T' }, { trust, fetch });
    expect(bt.timestamper).toBeDefined();
    expect(bt.revocation).toBeUndefined();
    const blt = await signingPlan({ ...PLATFORM_DEFAULT, pades_level: 'B-LT' }, { trust, fetch });
    expect(blt.revocation).toMatchObject({ issuers: [], fetch });
  });
});
