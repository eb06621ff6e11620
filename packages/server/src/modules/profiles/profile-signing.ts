import { type DssOptions, httpTimestamper, type PadesLevel, type Timestamper } from '@signx/pades';
import { AppError } from '../../platform/errors.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { withTsaFailover } from './profiles.service.js';
import type { ProfileSettings } from './profiles.settings.js';

/**
 * How a signature is made under a profile: its PAdES level, the time-stamp source (the
 * profile's TSAs in order with failover, or the platform's own TSA when it names none) and,
 * for B-LT and B-LTA, where the validation data comes from (the platform's OCSP/CRL, then
 * the SSRF-safe outbound client for certificates of other CAs).
 */
export interface SigningPlan {
  level: PadesLevel;
  /** Absent for B-B. */
  timestamper?: Timestamper;
  /** Present for B-LT and B-LTA. */
  revocation?: DssOptions;
}

/** Per-TSA budget: a dead TSA must not hold the signature for the whole outbound timeout. */
const TSA_TIMEOUT_MS = 10_000;

/** The inner "no time-stamp authority answered (url: why)" of a one-URL client, as "why". */
const reasonOf = (error: unknown, url: string): string => {
  const text = error instanceof Error ? error.message : String(error);
  const inner = text.match(/^no time-stamp authority answered \((.*)\)$/s)?.[1] ?? text;
  return inner.startsWith(`${url}: `) ? inner.slice(url.length + 2) : inner;
};

/**
 * The profile's time-stamp source. With TSA URLs each is asked in order (`withTsaFailover`)
 * through `fetch` (the platform's SSRF-safe client); when none answers the signature fails
 * with 503 naming every TSA tried: a requested B-T never silently becomes B-B.
 */
export function profileTimestamper(
  settings: ProfileSettings,
  options: { fetch: typeof fetch; platform: () => Promise<Timestamper> },
): Timestamper {
  const urls = settings.tsa_urls;
  if (urls.length === 0)
    return { timestamp: async (imprint, hash) => (await options.platform()).timestamp(imprint, hash) };
  return {
    async timestamp(imprint, hash) {
      try {
        return await withTsaFailover(urls, async (url) => {
          try {
            const one = httpTimestamper({ urls: [url], fetch: options.fetch, timeoutMs: TSA_TIMEOUT_MS });
            return await one.timestamp(imprint, hash);
          } catch (error) {
            throw new Error(reasonOf(error, url));
          }
        });
      } catch (error) {
        const text = (error as Error).message.replace(
          /^no time-stamp authority answered/,
          'No time-stamp authority of the signing profile answered',
        );
        throw new AppError('UNAVAILABLE', text, {
          cause: error,
          details: { tsa_urls: urls },
        });
      }
    },
  };
}

/** Level, time-stamp source and validation-data sources of a signature under `settings`. */
export async function signingPlan(
  settings: ProfileSettings,
  options: { trust: PlatformTrust; fetch: typeof fetch },
): Promise<SigningPlan> {
  const level = settings.pades_level;
  if (level === 'B-B') return { level };
  const timestamper = profileTimestamper(settings, {
    fetch: options.fetch,
    platform: () => options.trust.timestamper(),
  });
  if (level === 'B-T') return { level, timestamper };
  const revocation: DssOptions = { ...(await options.trust.revocationSources()), fetch: options.fetch };
  return { level, timestamper, revocation };
}
