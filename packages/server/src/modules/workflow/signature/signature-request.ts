import { documents } from '../../documents/index.js';
import { usersByIds } from '../../identity/index.js';
import { signing } from '../../signing/index.js';
import type { FlowNode } from '../definitions/definition-model.js';
import { record } from '../engine/engine.js';
import type { EngineRun } from '../engine/engine-run.js';
import { insertLink } from './signature.repository.js';

type SignatureNode = Extract<FlowNode, { type: 'signature' }>;

/** The entity type a request on an approval itself (no document of its own) points at. */
export const APPROVAL_ENTITY_TYPE = 'workflow_approval';

/**
 * A signature node without a `meaning` is signed as a signing request: created and sent in the
 * engine's transaction to the node's signers (internal signers, from their own accounts),
 * remembered against the node so the signing module's outcome completes the right tasks. The
 * document: the instance's business record when it is a document (`business_type`
 * `document`), else a one-page summary PDF of the approval filed on the approval. A node
 * with a `meaning` is a Part 11 signature instead (part11-signature.ts): no request, each
 * signer signs the task through the records module.
 */
export async function requestSignatures(
  run: EngineRun,
  node: SignatureNode,
  signers: string[],
): Promise<void> {
  if (node.meaning || signers.length === 0) return;
  const people = await usersByIds(run.trx, signers);
  const target = await documentOf(run);
  const request = await signing.createInternalRequest(run.trx, run.deps.ctx, run.actor, {
    entity_type: target.entityType,
    entity_id: target.entityId,
    title: `${run.instance.title} — ${node.name ?? node.id}`.slice(0, 200),
    description: summaryOf(run),
    document_ids: target.documentIds,
    signers: signers.map((id) => ({
      user_id: id,
      signer_name: people.get(id)?.full_name ?? id,
      signer_email: people.get(id)?.email ?? null,
    })),
  });
  await insertLink(run.trx, {
    request_id: request.id,
    instance_id: run.instance.id,
    node_id: node.id,
    created_at: run.now,
  });
  await record(run, node.id, 'signature_requested', {
    request_id: request.id,
    request_number: request.request_number,
    user_ids: signers,
  });
}

async function documentOf(run: EngineRun) {
  const { business_type: type, business_id: id } = run.instance;
  if (type === 'document' && id) {
    const current = await documents.current(run.trx, id);
    return { entityType: current.entityType, entityId: current.entityId, documentIds: [id] };
  }
  return { entityType: APPROVAL_ENTITY_TYPE, entityId: run.instance.id, documentIds: [] };
}

/** The approval's form, one `key: value` a line, for the summary PDF. */
function summaryOf(run: EngineRun): string {
  const lines = run.body.form.fields
    .filter((f) => run.form[f.key] !== undefined && run.form[f.key] !== null)
    .map((f) => `${f.label}: ${String(run.form[f.key])}`);
  return lines.join('\n').slice(0, 2000) || run.instance.title;
}
