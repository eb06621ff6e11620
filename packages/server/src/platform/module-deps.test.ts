import { describe, expect, it } from 'vitest';
import type { AppContext } from './app-context.js';
import { defineModuleDeps } from './module-deps.js';

describe('typed module deps', () => {
  it('creates one value per context, never shared between contexts', () => {
    let created = 0;
    const counterDeps = defineModuleDeps('counter', () => ({ serial: ++created, seen: new Set<string>() }));
    const a = {} as AppContext;
    const b = {} as AppContext;
    counterDeps(a).seen.add('from a');
    expect(counterDeps(a)).toBe(counterDeps(a));
    expect(counterDeps(b).seen.has('from a')).toBe(false);
    expect([counterDeps(a).serial, counterDeps(b).serial]).toEqual([1, 2]);
    expect(counterDeps.create(a)).not.toBe(counterDeps(a));
    expect(counterDeps.module).toBe('counter');
  });
});
