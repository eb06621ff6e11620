import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { documents } from '../documents/index.js';

/**
 * The operations a person can sign with the force of a handwritten signature. Modules
 * register theirs at import time (like job definitions); the documents operations of
 * seed 002 §1.2 are registered here. `currentRecord` answers the exact version being signed
 * and its SHA-256, so the server binds the signature to it instead of trusting the client.
 */
export interface SignableOperation {
  resourceType: string;
  operationType: string;
  module: string;
  description: string;
  currentRecord?: (db: DbOrTrx, ctx: AppContext, resourceId: string) => Promise<RecordVersion>;
  /**
   * Signed only through the module that owns it (POST /signature/create refuses it): the
   * module binds the signature to what it produces, e.g. the signing module to the PDF
   * version that carries the PAdES signature, and commits both in one transaction.
   */
  signedThroughModule?: boolean;
  /** Refuses a signer before the ceremony runs (e.g. only the assigned reviewer signs off). */
  assertSigner?: (db: DbOrTrx, ctx: AppContext, actor: Actor, resourceId: string) => Promise<void>;
  /**
   * What the signature does to its record, in the signature's own transaction (e.g. closes a
   * review): throwing rolls the signature back with it, so a record is never half signed.
   */
  onSigned?: (trx: Trx, ctx: AppContext, actor: Actor, signature: SignedRecord) => Promise<void>;
}

export interface SignedRecord {
  signatureId: string;
  userId: string;
  resourceId: string;
  timestamp: string;
  /** The meaning the signer chose (from the policy's list), e.g. `approval`. */
  meaning: string;
}

export interface RecordVersion {
  version: string;
  sha256: string;
}

const registry = new Map<string, SignableOperation>();
const keyOf = (resourceType: string, operationType: string) => `${resourceType}\u0000${operationType}`;

export function registerSignableOperation(operation: SignableOperation): void {
  const key = keyOf(operation.resourceType, operation.operationType);
  const existing = registry.get(key);
  if (existing && existing.module !== operation.module)
    throw new Error(
      `${operation.resourceType}/${operation.operationType} is registered by ${existing.module} already`,
    );
  registry.set(key, operation);
}

export function signableOperation(
  resourceType: string,
  operationType: string,
): SignableOperation | undefined {
  return registry.get(keyOf(resourceType, operationType));
}

export function signableOperations(): SignableOperation[] {
  return [...registry.values()].sort((a, b) =>
    keyOf(a.resourceType, a.operationType).localeCompare(keyOf(b.resourceType, b.operationType)),
  );
}

const documentVersion = async (db: DbOrTrx, _ctx: AppContext, id: string): Promise<RecordVersion> => {
  const current = await documents.current(db, id);
  return { version: String(current.version), sha256: current.sha256 };
};

for (const [operationType, description] of [
  ['approve', 'Approve a document version'],
  ['publish', 'Publish (release) a document version'],
  ['change', 'Approve a change to a document'],
  ['archive', 'Archive a document'],
  ['destroy', 'Authorise the destruction of a document'],
] as const)
  registerSignableOperation({
    resourceType: 'document',
    operationType,
    module: 'documents',
    description,
    currentRecord: documentVersion,
  });
