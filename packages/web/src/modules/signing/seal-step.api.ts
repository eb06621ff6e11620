import { api, call } from '@/platform/api/http-client';
import { type SealChoice, sealPlacements } from './seal-choice';

/** The seals module's API as the sender's page uses it (seals the caller may use; applying). */
export const sealStepApi = {
  usable: () => call(api.GET('/api/v1/seals/usable', { params: { query: {} } })).then((r) => r.items),
  /** Applies each placement of the choice to the document's current version, in order. */
  apply: async (documentId: string, choice: SealChoice) => {
    if (!choice.seal_id) return;
    for (const placement of sealPlacements(choice))
      await call(
        api.POST('/api/v1/seals/{id}/apply', {
          params: { path: { id: choice.seal_id } },
          body: { document_id: documentId, placement },
        }),
      );
  },
};

export type UsableSeal = Awaited<ReturnType<typeof sealStepApi.usable>>[number];
