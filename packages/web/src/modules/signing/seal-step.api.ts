import { api, call } from '@/platform/api/http-client';
import { combinedPlacement, type SealChoice, sealPlacements } from './seal-choice';
import { resumableRequest } from './seal-request-resume';

/** The seals module's API as the sender's page uses it (usable seals, seal-use requests, applying). */
export const sealStepApi = {
  usable: () => call(api.GET('/api/v1/seals/usable', { params: { query: {} } })).then((r) => r.items),
  /** Files a seal-use request (用印审批) for the document's current version. */
  requestUse: (sealId: string, documentId: string) =>
    call(
      api.POST('/api/v1/seals/{id}/use-requests', {
        params: { path: { id: sealId } },
        body: { document_id: documentId },
      }),
    ),
  /**
   * The caller's request to pick up after a reload (seal-request-resume.ts): newest first, for
   * the document's current version, pending or approved and not used; null when none.
   */
  resumableRequest: async (sealId: string, documentId: string) => {
    const [listed, versions] = await Promise.all([
      call(
        api.GET('/api/v1/seals/use-requests', {
          params: {
            query: {
              seal_id: sealId,
              document_id: documentId,
              mine: true,
              page: 1,
              page_size: 20,
              sort: '-created_at',
            },
          },
        }),
      ),
      call(api.GET('/api/v1/documents/{id}/versions', { params: { path: { id: documentId } } })),
    ]);
    const current = versions.length ? Math.max(...versions.map((v) => v.version)) : null;
    return resumableRequest(listed.items, current);
  },
  /** The approval's status: running, approved, rejected, withdrawn or returned. */
  approvalStatus: (approvalId: string) =>
    call(api.GET('/api/v1/approvals/{id}', { params: { path: { id: approvalId } } })).then((r) => r.status),
  /**
   * Applies the choice to the document's current version: each placement in order, or, with
   * an approval, all of them in one use (the approval is for that version and one use).
   */
  apply: async (documentId: string, choice: SealChoice) => {
    if (!choice.seal_id) return;
    const combined = choice.approval_id ? combinedPlacement(choice) : null;
    const placements = combined ? [combined] : sealPlacements(choice);
    for (const placement of placements)
      await call(
        api.POST('/api/v1/seals/{id}/apply', {
          params: { path: { id: choice.seal_id } },
          body: { document_id: documentId, placement, approval_id: choice.approval_id },
        }),
      );
  },
};

export type UsableSeal = Awaited<ReturnType<typeof sealStepApi.usable>>[number];
