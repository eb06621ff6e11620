import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { shapeKey, storedStatements } from './page-statements.js';
import { paginate } from './pagination.js';
import type { Db } from './schema.js';
import { inTransaction } from './transaction.js';

// paginate stores a query shape's page and count statements after its first page and runs
// them directly afterwards (page-statements.ts): every page below is read twice or more, so
// the stored path must give exactly what the builder path gave.
interface PagedRow {
  id: string;
  kind: string;
  title: string;
  rank: number;
}
// biome-ignore lint/suspicious/noExplicitAny: a table made by this test only
type AnyDb = Db & { selectFrom(table: 'paged_rows'): any };

describe('paginate with stored page statements', () => {
  let database: TestDatabase;
  let db: AnyDb;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    db = database.db as AnyDb;
    await sql`create table paged_rows (id varchar(36) primary key, kind varchar(10) not null, title varchar(50) not null, rank integer not null)`.execute(
      database.db,
    );
    const rows: PagedRow[] = Array.from({ length: 25 }, (_, i) => ({
      id: `r${String(i).padStart(2, '0')}`,
      kind: i % 2 === 0 ? 'even' : 'odd',
      title: i === 3 ? '$1 ?' : `title ${i}`,
      rank: i % 5,
    }));
    await sql`insert into paged_rows (id, kind, title, rank) values ${sql.join(
      rows.map((r) => sql`(${r.id}, ${r.kind}, ${r.title}, ${r.rank})`),
    )}`.execute(database.db);
  });
  afterAll(() => database.destroy());

  const ofKind = (kind: string) => db.selectFrom('paged_rows').selectAll().where('kind', '=', kind);
  const ids = (page: { items: unknown[] }) => (page.items as PagedRow[]).map((r) => r.id);

  it('reads the same pages the second time, with the new parameter values bound', async () => {
    const request = { page: 2, page_size: 4, sort: '-rank' };
    const first = await paginate(ofKind('even'), request, { rank: 'rank' });
    const key = shapeKey(ofKind('even').compile(), 'desc rank id');
    expect(storedStatements(key)).toEqual({ count: expect.any(Array), page: expect.any(Array) });
    const again = await paginate(ofKind('even'), request, { rank: 'rank' });
    expect(again).toEqual(first);
    expect(first.total).toBe(13);
    expect(first.pages).toBe(4);
    // rank desc, id desc over the 13 even rows: r04 r14 r24 (4), r08 r18 (3), r02 r12 r22 (2) ...
    expect(ids(first)).toEqual(['r08', 'r22', 'r12', 'r02']);
    // Same shape, other values: the stored text runs with this request's kind, limit and offset.
    const odd = await paginate(ofKind('odd'), { page: 1, page_size: 3, sort: 'rank' }, { rank: 'rank' });
    expect(odd.total).toBe(12);
    expect(ids(odd)).toEqual(['r05', 'r15', 'r01']);
    const oddAgain = await paginate(ofKind('odd'), { page: 4, page_size: 3, sort: 'rank' }, { rank: 'rank' });
    // rank asc, id asc over the 12 odd rows: r05 r15, r01 r11 r21, r07 r17, r03 r13 r23, r09 r19
    expect(ids(oddAgain)).toEqual(['r23', 'r09', 'r19']);
  });

  it('keeps sort direction and column apart: each is its own shape', async () => {
    const ascending = await paginate(
      ofKind('even'),
      { page: 1, page_size: 2, sort: 'rank' },
      { rank: 'rank' },
    );
    const descending = await paginate(
      ofKind('even'),
      { page: 1, page_size: 2, sort: '-rank' },
      { rank: 'rank' },
    );
    const byTitle = await paginate(
      ofKind('even'),
      { page: 1, page_size: 2, sort: 'title' },
      { title: 'title' },
    );
    expect(ids(ascending)).toEqual(['r00', 'r10']);
    expect(ids(descending)).toEqual(['r24', 'r14']);
    expect(ids(byTitle)).toEqual(['r00', 'r10']);
    expect(
      ids(await paginate(ofKind('even'), { page: 1, page_size: 2, sort: '-title' }, { title: 'title' })),
    ).toEqual(['r08', 'r06']);
  });

  it('runs the stored statements on the transaction the query was built on', async () => {
    const request = { page: 1, page_size: 50, sort: 'rank' };
    await paginate(ofKind('new'), request, { rank: 'rank' }); // the shape is stored now
    const inside = await inTransaction(database.db, async (trx) => {
      await sql`insert into paged_rows (id, kind, title, rank) values ('n1', 'new', 'uncommitted', 1)`.execute(
        trx,
      );
      // biome-ignore lint/suspicious/noExplicitAny: a table made by this test only
      const query = (trx as any).selectFrom('paged_rows').selectAll().where('kind', '=', 'new');
      const page = await paginate(query, request, { rank: 'rank' });
      await sql`delete from paged_rows where id = 'n1'`.execute(trx);
      return page;
    });
    expect(inside.total).toBe(1);
    expect(ids(inside)).toEqual(['n1']);
    expect((await paginate(ofKind('new'), request, { rank: 'rank' })).total).toBe(0);
  });

  it('keeps the builder path for a query whose text has placeholder look-alikes', async () => {
    const tricky = () =>
      db.selectFrom('paged_rows').selectAll().where(sql<boolean>`title <> '$1 ?'`).where('kind', '=', 'odd');
    const request = { page: 1, page_size: 2, sort: '-rank' };
    const first = await paginate(tricky(), request, { rank: 'rank' });
    expect(storedStatements(shapeKey(tricky().compile(), 'desc rank id'))).toBeNull();
    expect(first.total).toBe(11);
    expect(ids(first)).toEqual(['r19', 'r09']);
    expect(await paginate(tricky(), request, { rank: 'rank' })).toEqual(first);
  });
});
