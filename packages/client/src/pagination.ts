import type { Page } from './envelope.js';

/**
 * Every page of a list, in order, as an async iterator: `fetchPage(n)` asks for page `n`
 * (1-based); iteration stops after the last page (`pages`) or at an empty page. Pages are
 * stable because the server breaks sort ties by id.
 *
 *   for await (const page of pages((page) => client.call(client.api.GET('/api/v1/documents',
 *     { params: { query: { page, page_size: 100 } } })))) { ... }
 */
export async function* pages<T>(fetchPage: (page: number) => Promise<Page<T>>): AsyncGenerator<Page<T>> {
  for (let n = 1; ; n++) {
    const page = await fetchPage(n);
    yield page;
    if (page.items.length === 0 || n >= page.pages) return;
  }
}

/** Every item of every page, one by one (see `pages`). */
export async function* items<T>(fetchPage: (page: number) => Promise<Page<T>>): AsyncGenerator<T> {
  for await (const page of pages(fetchPage)) yield* page.items;
}
