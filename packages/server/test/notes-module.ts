import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { newId } from '../src/platform/db/ids.js';
import { pageQuerySchema, pageSchema, paginate } from '../src/platform/db/pagination.js';
import type { Db } from '../src/platform/db/schema.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { AppError } from '../src/platform/errors.js';
import { envelope, errorResponses, ok } from '../src/platform/http/envelope.js';
import type { ModuleDefinition } from '../src/platform/module.js';

/**
 * A tiny module used only by the platform's HTTP tests: it exercises validation,
 * pagination, idempotency, access rules and error handling the way real modules do.
 */
// biome-ignore lint/suspicious/noExplicitAny: a test-only table outside the typed schema
type AnyDb = any;

export async function createNotesTable(db: Db): Promise<void> {
  await sql`create table test_notes (id varchar(36) primary key, title varchar(200) not null, created_at varchar(24) not null)`.execute(
    db,
  );
}

const note = Type.Object({ id: Type.String(), title: Type.String(), created_at: Type.String() });
const open = { access: { public: true as const, reason: 'test' } };

/** Fault tests act here: inside the note-creating transaction after its insert, and after it returned. */
export const notesTransactionHook = {
  afterInsert: async (_title: string): Promise<void> => {},
  afterTransaction: async (_title: string): Promise<void> => {},
};

/** Lets a test wait until the slow route has really started handling a request. */
export const slowRouteEntered = {
  notify: () => {},
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.notify = resolve;
    });
  },
};

export const notesModule: ModuleDefinition = {
  name: 'test-notes',
  routes: async (api, ctx) => {
    const app = api.withTypeProvider<TypeBoxTypeProvider>();
    const db = ctx.db as AnyDb;
    app.post(
      '/test/notes',
      {
        config: { ...open, idempotent: true },
        schema: {
          body: Type.Object(
            { title: Type.String({ minLength: 1, maxLength: 200 }), count: Type.Optional(Type.Integer()) },
            { additionalProperties: false },
          ),
          response: { 201: envelope(note), ...errorResponses(400, 409) },
        },
      },
      async (request, reply) => {
        const row = { id: newId(), title: request.body.title, created_at: new Date().toISOString() };
        await inTransaction(db, async (trx: AnyDb) => {
          await trx.insertInto('test_notes').values(row).execute();
          await notesTransactionHook.afterInsert(row.title);
        });
        await notesTransactionHook.afterTransaction(row.title);
        reply.status(201);
        return ok({ ...row, secret_column: 'never serialized' });
      },
    );
    app.get(
      '/test/notes',
      {
        config: open,
        schema: {
          querystring: pageQuerySchema(['created_at', 'title'], 'created_at'),
          response: { 200: envelope(pageSchema(note)) },
        },
      },
      async (request) =>
        ok(
          await paginate(db.selectFrom('test_notes').selectAll(), request.query, {
            created_at: 'created_at',
            title: 'title',
          }),
        ),
    );
    app.get('/test/boom', { config: open }, async () => {
      throw new Error('password=hunter2 at db host 10.0.0.5');
    });
    app.get('/test/slow', { config: open }, async () => {
      slowRouteEntered.notify();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return ok({ finished: true });
    });
    app.post('/test/notes/twice', { config: open }, async () => {
      const row = { id: newId(), title: 'twice', created_at: new Date().toISOString() };
      await db.insertInto('test_notes').values(row).execute();
      await db.insertInto('test_notes').values(row).execute();
      return ok({});
    });
    app.get('/test/conflict', { config: open }, async () => {
      throw new AppError('CONFLICT', 'Already signed');
    });
    app.get('/test/private', { config: { access: { permission: 'test.read' } } }, async () => ok({}));
  },
};
