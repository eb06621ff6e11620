import { ConvertError } from './convert-errors.js';
import {
  ConvertPool,
  type ConvertPoolOptions,
  type ConvertPoolStats,
  type ConvertRequest,
} from './convert-pool.js';

/**
 * The app's office → PDF converter: the LibreOffice pool, started on first use (or by
 * `warm()` when `serve` starts, so the first real conversion does not pay the start-up) and
 * closed with the app. Processes that never convert (CLI commands, most tests) start nothing.
 */
export interface Converter {
  convert(input: Uint8Array, request: ConvertRequest): Promise<Buffer>;
  /** Starts the workers now; resolves when they are warm. */
  warm(): Promise<void>;
  /** null until the pool has started. */
  stats(): ConvertPoolStats | null;
  close(): Promise<void>;
}

export function createConverter(options: ConvertPoolOptions): Converter {
  let starting: Promise<ConvertPool> | null = null;
  let pool: ConvertPool | null = null;
  let closed = false;
  const get = (): Promise<ConvertPool> => {
    if (closed) return Promise.reject(new ConvertError('unavailable', 'the converter is shut down'));
    starting ??= ConvertPool.start(options).then(
      (started) => {
        pool = started;
        return started;
      },
      (error: unknown) => {
        starting = null; // the next call tries again (LibreOffice may have been installed since)
        throw error instanceof ConvertError
          ? error
          : new ConvertError('unavailable', `LibreOffice did not start: ${String(error)}`);
      },
    );
    return starting;
  };
  return {
    convert: async (input, request) => (await get()).convert(input, request),
    warm: async () => {
      await get();
    },
    stats: () => pool?.stats() ?? null,
    close: async () => {
      closed = true;
      const running = await starting?.catch(() => null);
      await running?.close();
    },
  };
}
