import { ref } from 'vue';

/**
 * The unsaved or filled PDF a template page shows in the documents' PreviewModal: the modal
 * is mounted on first use (`used`), and the bytes come from `load` rather than a filed version.
 */
export interface FilledPreview {
  id: string;
  version: number;
  kind: string;
  title: string;
  load: () => Promise<Blob>;
}

export function useFilledPreview() {
  const previewing = ref<FilledPreview | null>(null);
  const used = ref(false);
  /** Opens the preview; with `onError`, a failed load closes it and reports there instead. */
  function open(
    target: Omit<FilledPreview, 'kind' | 'load'>,
    load: () => Promise<Blob>,
    onError?: (error: unknown) => void,
  ) {
    used.value = true;
    previewing.value = {
      ...target,
      kind: 'pdf',
      load: onError
        ? () =>
            load().catch((error: unknown) => {
              previewing.value = null;
              onError(error);
              throw error;
            })
        : load,
    };
  }
  return { previewing, used, open };
}
