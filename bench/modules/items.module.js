// A bench-only module built exactly like a real one (access rule, envelope, response schema,
// paginate()), so every platform hook is on the path the HTTP benchmark measures.
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { newId } from '../../packages/server/dist/platform/db/ids.js';
import { pageQuerySchema, pageSchema, paginate } from '../../packages/server/dist/platform/db/pagination.js';
import { envelope, ok } from '../../packages/server/dist/platform/http/envelope.js';

const item = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  created_at: Type.String(),
});
export const modules = [
  {
    name: 'bench-items',
    routes: async (api, ctx) => {
      await sql`create table if not exists bench_items (id varchar(36) primary key, title varchar(200), status varchar(20), created_at varchar(24))`.execute(
        ctx.db,
      );
      await sql`create index if not exists bench_items_created_idx on bench_items (created_at, id)`.execute(
        ctx.db,
      );
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        id: newId(),
        title: `合同 ${i}`,
        status: 'active',
        created_at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
      }));
      await ctx.db.insertInto('bench_items').values(rows).execute();
      api.get(
        '/bench/items',
        {
          config: { access: { public: true, reason: 'benchmark' } },
          schema: {
            querystring: pageQuerySchema(['created_at'], 'created_at'),
            response: { 200: envelope(pageSchema(item)) },
          },
        },
        async (request) =>
          ok(
            await paginate(ctx.db.selectFrom('bench_items').selectAll(), request.query, {
              created_at: 'created_at',
            }),
          ),
      );
    },
  },
];
