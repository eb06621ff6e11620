import type { Actor } from '../../../platform/actor.js';
import { sealToLta } from '../pdf-signing.js';
import type { SigningDeps } from '../signing.deps.js';
import { certificatePdf } from './certificate.pdf.js';
import { buildEvidence, type EvidenceFile } from './evidence.service.js';

/**
 * The certificate of completion: the evidence statement set as a PDF in the request's
 * language and sealed by the platform (PAdES B-LTA, the same seal as the signed documents),
 * so anyone validates it against the platform root like the documents themselves.
 */
export async function certificateOfCompletion(
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
  evidence?: EvidenceFile,
) {
  const { statement } = evidence ?? (await buildEvidence(deps, actor, requestId));
  const pdf = await certificatePdf(statement, {
    signature: (number) => `${deps.publicUrl}/api/v1/digital-signature/verify/${encodeURIComponent(number)}`,
    document: `${deps.publicUrl}/api/v1/digital-signature/verify-document`,
    pages: {
      signature: (number) => `${deps.publicUrl}/verify/${encodeURIComponent(number)}`,
      upload: `${deps.publicUrl}/verify`,
    },
  });
  return {
    pdf: await sealToLta(pdf, deps.trust),
    requestNumber: String(statement.request.request_number),
  };
}
