import type { Static } from '@sinclair/typebox';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { VisibleKeyRow } from './api-keys.repository.js';
import type { keyView } from './api-keys.schemas.js';

/** A stored key without its hash, as the API shows it. */
export function presentKey(row: VisibleKeyRow): Static<typeof keyView> {
  return { ...row, permissions: decodeJson<string[]>(row.permissions) ?? [] };
}
