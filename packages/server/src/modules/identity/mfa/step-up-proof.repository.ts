import { newId } from '../../../platform/db/ids.js';
import { encodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { sha256Hex } from '../shared/secrets.service.js';

/** All SQL on `step_up_proofs`: single-use re-authentication proofs, stored as hashes. */
export async function insertStepUpProof(
  trx: Trx,
  input: {
    proof: string;
    userId: string;
    sessionId: string;
    factors: string[];
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('step_up_proofs')
    .values({
      id: newId(),
      proof_hash: sha256Hex(input.proof),
      user_id: input.userId,
      session_id: input.sessionId,
      factors: encodeJson(input.factors),
      created_at: input.now,
      expires_at: input.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function findStepUpProof(db: DbOrTrx, proof: string) {
  return db
    .selectFrom('step_up_proofs')
    .selectAll()
    .where('proof_hash', '=', sha256Hex(proof))
    .executeTakeFirst();
}

/** Marks a proof used; true only for the one caller that did (a proof works once). */
export async function claimStepUpProof(trx: Trx, id: string, now: string): Promise<boolean> {
  const used = await trx
    .updateTable('step_up_proofs')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}
