import { computed, ref, watch } from 'vue';

export interface ColumnLike {
  key: string;
  title?: unknown;
  /** Always shown (e.g. the name and the actions column). */
  fixedVisible?: boolean;
}

/**
 * The column chooser's state: which optional columns a user shows, remembered per table in
 * localStorage.
 */
export function useColumns<C extends ColumnLike>(
  tableId: string,
  columns: () => C[],
  hiddenByDefault: string[] = [],
) {
  const storageKey = `signx.columns.${tableId}`;
  const saved = localStorage.getItem(storageKey);
  const hidden = ref<string[]>(saved ? (JSON.parse(saved) as string[]) : hiddenByDefault);
  watch(hidden, (value) => localStorage.setItem(storageKey, JSON.stringify(value)), { deep: true });
  const visible = computed(() => columns().filter((c) => c.fixedVisible || !hidden.value.includes(c.key)));
  const choices = computed(() => columns().filter((c) => !c.fixedVisible));
  function toggle(key: string, shown: boolean): void {
    hidden.value = shown ? hidden.value.filter((k) => k !== key) : [...hidden.value, key];
  }
  return { visible, choices, hidden, toggle };
}
