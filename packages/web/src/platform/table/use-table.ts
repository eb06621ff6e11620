import { computed, reactive, ref, shallowRef } from 'vue';
import { reportError } from '../errors/report';
import { i18n } from '../i18n/i18n';

export interface PageOf<Row> {
  items: Row[];
  total: number;
  page: number;
  page_size: number;
  pages: number;
}
export interface PageQuery {
  page: number;
  page_size: number;
  sort?: string;
}
interface Sorter {
  field?: unknown;
  order?: 'ascend' | 'descend' | null;
}

/**
 * A server-paged table: page, size, sort and filters go to the API (`?page&page_size&sort`),
 * never to the browser, so ten thousand rows cost what twenty do. Late answers to an older
 * query are dropped, so fast typing cannot show stale rows.
 */
export function useTable<Row, F extends object>(
  fetchPage: (query: PageQuery & Partial<F>) => Promise<PageOf<Row>>,
  options: { filters: F; sort?: string; pageSize?: number },
) {
  const rows = shallowRef<Row[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const filters = reactive({ ...options.filters }) as F;
  const state = reactive({ page: 1, pageSize: options.pageSize ?? 20, sort: options.sort });
  let sequence = 0;

  async function load(): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    try {
      const query = { page: state.page, page_size: state.pageSize, ...compact(filters) } as PageQuery &
        Partial<F>;
      if (state.sort) query.sort = state.sort;
      const page = await fetchPage(query);
      if (mine !== sequence) return;
      rows.value = page.items;
      total.value = page.total;
    } catch (error) {
      if (mine === sequence) reportError(error);
    } finally {
      if (mine === sequence) loading.value = false;
    }
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    state.page = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, options.filters);
    return search();
  }

  /** AntD Table's change event: page, size and one sorted column. */
  function onChange(
    pagination: { current?: number; pageSize?: number },
    _f: unknown,
    sorter: Sorter | Sorter[],
  ) {
    state.page = pagination.current ?? 1;
    state.pageSize = pagination.pageSize ?? state.pageSize;
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    if (one?.order && typeof one.field === 'string')
      state.sort = one.order === 'descend' ? `-${one.field}` : one.field;
    else if (one && !one.order) state.sort = options.sort;
    void load();
  }

  const pagination = computed(() => ({
    current: state.page,
    pageSize: state.pageSize,
    total: total.value,
    showSizeChanger: true,
    pageSizeOptions: ['10', '20', '50', '100'],
    showTotal: (count: number) => i18n.global.t('common.total', { total: count }),
    responsive: true,
  }));

  return { rows, total, loading, filters, pagination, load, search, resetFilters, onChange };
}

function compact(filters: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}
