import { type ComputedRef, computed, onMounted, type Ref, ref, type ShallowRef, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { reportError } from '@/platform/errors/report';
import { type Seal, sealsApi } from './seals.api';

/**
 * What the seal-use requests and seal-use log pages share: one server page of rows at a time
 * (`fetchPage(page)`), loaded on mount and again from page 1 on a new search, and the
 * registry's seals for the seal filter ("all" first). A caller who may not read the registry
 * gets no seals: the rows name or show their seal anyway.
 */
export function useSealListing<Row>(fetchPage: (page: number) => Promise<{ items: Row[]; total: number }>): {
  rows: ShallowRef<Row[]>;
  total: Ref<number>;
  loading: Ref<boolean>;
  page: Ref<number>;
  seals: ShallowRef<Seal[]>;
  sealOptions: ComputedRef<{ value: string; label: string }[]>;
  load: () => Promise<void>;
  search: () => void;
  turnPage: (pagination: { current?: number }) => void;
} {
  const { t } = useI18n();
  const rows = shallowRef<Row[]>([]);
  const seals = shallowRef<Seal[]>([]);
  const total = ref(0);
  const loading = ref(true);
  const page = ref(1);

  async function load() {
    loading.value = true;
    try {
      const result = await fetchPage(page.value);
      rows.value = result.items;
      total.value = result.total;
    } catch (error) {
      reportError(error);
    } finally {
      loading.value = false;
    }
  }
  onMounted(async () => {
    void load();
    try {
      seals.value = (await sealsApi.list({ page: 1, page_size: 100, sort: 'name' })).items;
    } catch {
      seals.value = [];
    }
  });
  function search() {
    page.value = 1;
    void load();
  }
  function turnPage(pagination: { current?: number }) {
    page.value = pagination.current ?? 1;
    void load();
  }
  const sealOptions = computed(() => [
    { value: '', label: t('seals.all') },
    ...seals.value.map((s) => ({ value: s.id, label: s.name })),
  ]);
  return { rows, total, loading, page, seals, sealOptions, load, search, turnPage };
}
