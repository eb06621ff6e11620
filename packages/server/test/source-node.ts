/**
 * Node arguments that run SignX straight from its TypeScript sources: tsx compiles on the
 * fly, and the `signx-source` export condition makes `@signx/pades` resolve to its
 * `src/index.ts` instead of `dist/`, which only exists after a build. Child processes of
 * tests use these, so a fresh clone passes `npm test` without building first.
 */
export const FROM_SOURCE = ['--conditions=signx-source', '--import', 'tsx'] as const;
