/**
 * Server time. All timestamps SignX stores are UTC ISO-8601 strings with milliseconds
 * (`2026-11-22T08:30:00.000Z`): they sort as text and mean the same on every dialect.
 * Services take a Clock so tests can move time without touching the system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function nowIso(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

/** A clock tests can set and advance. */
export function manualClock(start: Date | string = '2026-01-01T00:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at: Date | string) => {
      current = new Date(at).getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}
