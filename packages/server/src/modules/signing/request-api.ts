import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Trx } from '../../platform/db/schema.js';
import { documents } from '../documents/index.js';
import { requestSummaryPdf } from './pdf-signing.js';
import { createRequest } from './requests.service.js';
import { sendRequest } from './send.service.js';
import { signingDeps } from './signing.deps.js';

export interface InternalRequestInput {
  entity_type: string;
  entity_id: string;
  title: string;
  description?: string | null;
  /** Active PDFs filed on the same record; none: a one-page summary PDF is filed and signed. */
  document_ids?: string[];
  /** Internal signers (accounts), all in one place of the order (any order). */
  signers: { user_id: string; signer_name: string; signer_email?: string | null }[];
  language?: 'en' | 'zh-CN' | 'he';
}

/**
 * Creates and sends a request to internal signers inside the caller's transaction (another
 * module's step, e.g. an approval reaching its signature node): the same creation and
 * sending as POST /requests + /send, so numbering, audit events and the signers' in-app
 * notices are the same. The summary PDF is staged first (storage, not the transaction).
 */
export async function createInternalRequest(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  input: InternalRequestInput,
): Promise<{ id: string; request_number: string }> {
  const deps = signingDeps(ctx);
  const documentIds = input.document_ids ?? [];
  const summary =
    documentIds.length > 0
      ? undefined
      : await documents.stage(
          ctx,
          await requestSummaryPdf({
            requestNumber: 'Signature request',
            entityType: input.entity_type,
            entityId: input.entity_id,
            title: input.title,
            description: input.description ?? null,
            createdAt: deps.clock.now().toISOString(),
          }),
          'signature-request.pdf',
        );
  const row = await createRequest(
    trx,
    deps,
    actor,
    {
      entity_type: input.entity_type,
      entity_id: input.entity_id,
      title: input.title,
      description: input.description ?? null,
      document_ids: documentIds,
      language: input.language ?? 'en',
      signers: input.signers.map((s) => ({
        signer_name: s.signer_name,
        signer_email: s.signer_email ?? null,
        user_id: s.user_id,
        signer_type: 'company' as const,
        role: 'signer' as const,
        signing_order: 1,
      })),
    },
    summary,
  );
  await sendRequest(trx, deps, actor, row.id);
  return { id: row.id, request_number: row.request_number };
}
