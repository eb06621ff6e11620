import type { DbOrTrx } from './db/schema.js';
import { domainError, platformErrors } from './errors.js';

/**
 * Regulated records (EU GMP Annex 11 §9, 21 CFR 11.10(e)): a change or deletion of a
 * GMP-relevant record must say why, and the reason goes into its audit event. A module
 * declares its regulated resource types here at import time (like signable operations);
 * `isRegulated` answers whether one record is regulated now (e.g. the setting of its
 * category), absent means every record of the type is. The module's service then calls
 * `requireChangeReason` before it writes, in the same transaction, and puts the answer in
 * the audit event's `reason`. The platform never imports modules, so any module can use it.
 */
export interface RegulatedResource {
  resourceType: string;
  module: string;
  description: string;
  /** What decides whether a record is regulated, for people (e.g. "the category's setting"). */
  setting: string | null;
  isRegulated?: (db: DbOrTrx, resourceId: string) => Promise<boolean>;
}

const registry = new Map<string, RegulatedResource>();

export function registerRegulatedResource(resource: RegulatedResource): void {
  const existing = registry.get(resource.resourceType);
  if (existing && existing.module !== resource.module)
    throw new Error(`${resource.resourceType} is declared regulated by ${existing.module} already`);
  registry.set(resource.resourceType, resource);
}

export function regulatedResources(): RegulatedResource[] {
  return [...registry.values()].sort((a, b) => a.resourceType.localeCompare(b.resourceType));
}

export interface ChangeOfRecord {
  resourceType: string;
  resourceId: string;
  /** What is done, for the message: 'change' or 'delete'. */
  change: 'change' | 'delete';
  reason?: string | null | undefined;
}

/**
 * The reason of a change, trimmed (null when none was given and none is needed); refuses
 * (40020, field `reason`) a change of a regulated record without one. Call it before the
 * write, so a refused change leaves the data untouched.
 */
export async function requireChangeReason(db: DbOrTrx, change: ChangeOfRecord): Promise<string | null> {
  const reason = change.reason?.trim() || null;
  if (reason) return reason;
  const resource = registry.get(change.resourceType);
  if (!resource) return null;
  if (resource.isRegulated && !(await resource.isRegulated(db, change.resourceId))) return null;
  throw domainError(
    platformErrors.CHANGE_REASON_REQUIRED,
    `This ${change.resourceType} is a regulated record: say why you ${change.change} it`,
    { fieldErrors: [{ field: 'reason', message: 'A reason is required' }] },
  );
}
