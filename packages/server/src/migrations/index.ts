import type { Migration } from 'kysely';
import * as m20261122_0001 from './2026_11_22_0001_platform.js';

/**
 * Every migration, in order. Names are frozen timestamps; a migration is never edited
 * after it has shipped, only followed by a new one. Modules append their own here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_platform': m20261122_0001,
};
