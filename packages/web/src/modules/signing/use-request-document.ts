import { computed, ref, shallowRef, watch } from 'vue';
import { reportError } from '@/platform/errors/report';
import { documentsApi, uploadDocument } from '../documents/documents.api';

interface Filed {
  entity_type: string;
  entity_id: string;
}
/** How the page names the record a document is filed on, and the record of the form. */
export const recordOf = (r: Filed): string => `${r.entity_type} ${r.entity_id}`;

/**
 * The document a new request carries: picked from the library (searched) or uploaded now,
 * and its current version's PDF for placing fields. `record` names the record an upload is
 * filed under (a request may only carry documents filed on its own record: `filedOn`); `onDocumentChange` runs when another document is chosen (placed fields go).
 */
export function useRequestDocument(
  record: () => { entity_type: string; entity_id: string },
  onDocumentChange: () => void,
) {
  const documentId = ref<string | undefined>();
  const documentOptions = ref<{ value: string; label: string; version: number; record: string }[]>([]);
  const pdf = shallowRef<Blob | null>(null);
  /** The record ("contract 77") the chosen document is filed on: a request may only carry it there. */
  const filedOn = computed(
    () => documentOptions.value.find((d) => d.value === documentId.value)?.record ?? null,
  );

  async function searchDocuments(q: string) {
    try {
      const page = await documentsApi.list({
        page: 1,
        page_size: 20,
        sort: '-created_at',
        ...(q ? { q } : {}),
      });
      documentOptions.value = page.items.map((d) => ({
        value: d.id,
        label: d.title,
        version: d.current_version,
        record: recordOf(d),
      }));
    } catch (error) {
      reportError(error);
    }
  }
  watch(documentId, async (id) => {
    onDocumentChange();
    pdf.value = null;
    const picked = documentOptions.value.find((d) => d.value === id);
    if (!id || !picked) return;
    pdf.value = await documentsApi.preview(id, picked.version).catch((error) => {
      reportError(error);
      return null;
    });
  });

  function onFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void upload(file);
  }
  async function upload(file: File) {
    try {
      const { document: filed } = (await uploadDocument(
        {
          category: 'contract',
          entity_type: record().entity_type,
          entity_id: record().entity_id || 'unassigned',
          title: file.name,
        },
        file,
        () => undefined,
      )) as { document: { id: string; title: string; current_version: number } & Filed };
      documentOptions.value = [
        { value: filed.id, label: filed.title, version: filed.current_version ?? 1, record: recordOf(filed) },
        ...documentOptions.value,
      ];
      documentId.value = filed.id;
    } catch (error) {
      reportError(error);
    }
  }

  return { documentId, documentOptions, filedOn, pdf, searchDocuments, onFile };
}
