import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../../platform/db/transaction.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { displayName } from '../../../platform/http/text-schemas.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import {
  createDepartment,
  type DepartmentRow,
  deleteDepartment,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.js';

const strict = { additionalProperties: false } as const;
const nullableId = (description: string) =>
  Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description });
const department = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Department name' }),
  parent_id: Type.Union([Type.String(), Type.Null()], { description: 'Parent department (null: top level)' }),
  head_user_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Head of the department (approvals)',
  }),
  depth: Type.Integer({ description: 'Level in the tree, 1 = top' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});
const createBody = Type.Object(
  {
    name: displayName({ description: 'Department name' }),
    parent_id: Type.Optional(nullableId('Parent department')),
    head_user_id: Type.Optional(nullableId('Head of the department')),
  },
  strict,
);
const updateBody = Type.Partial(createBody, { ...strict, minProperties: 1 });
const params = Type.Object({ id: Type.String({ format: 'uuid', description: 'Department id' }) });
const tags = ['departments'];

function present(row: DepartmentRow): Static<typeof department> {
  return {
    id: row.id,
    name: row.name,
    parent_id: row.parent_id,
    head_user_id: row.head_user_id,
    depth: row.path.split('/').filter(Boolean).length,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** /departments: the organisation tree with a head per department. */
export async function departmentRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = typed(api);
  getDepartmentsRoute(app, runtime);
  getDepartmentsByIdRoute(app, runtime);
  postDepartmentsRoute(app, runtime);
  patchDepartmentsByIdRoute(app, runtime);
  deleteDepartmentsByIdRoute(app, runtime);
}

/** GET /departments */
function getDepartmentsRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/departments',
    {
      config: { access: { permission: 'identity.department.read' } },
      schema: { tags, response: { 200: envelope(Type.Array(department)), ...errorResponses(401, 403) } },
    },
    async () => ok((await listDepartments(db)).map(present)),
  );
}

/** GET /departments/:id */
function getDepartmentsByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/departments/:id',
    {
      config: { access: { permission: 'identity.department.read' } },
      schema: { tags, params, response: { 200: envelope(department), ...errorResponses(401, 403, 404) } },
    },
    async (request) => ok(present(await getDepartment(db, request.params.id))),
  );
}

/** POST /departments */
function postDepartmentsRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.post(
    '/departments',
    {
      config: { access: { permission: 'identity.department.create' }, idempotent: true },
      schema: {
        tags,
        body: createBody,
        response: { 201: envelope(department), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await inTransaction(db, (trx) => createDepartment(trx, runtime, request, request.body));
      reply.status(201);
      return ok(present(row));
    },
  );
}

/** PATCH /departments/:id */
function patchDepartmentsByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.patch(
    '/departments/:id',
    {
      config: { access: { permission: 'identity.department.update' } },
      schema: {
        tags,
        params,
        body: updateBody,
        response: { 200: envelope(department), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      ok(
        present(
          await inTransaction(db, (trx) =>
            updateDepartment(trx, runtime, request, request.params.id, request.body),
          ),
        ),
      ),
  );
}

/** DELETE /departments/:id */
function deleteDepartmentsByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.delete(
    '/departments/:id',
    {
      config: { access: { permission: 'identity.department.delete' } },
      schema: {
        tags,
        params,
        response: {
          200: envelope(Type.Object({ deleted: Type.Boolean() })),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      await inTransaction(db, (trx) => deleteDepartment(trx, request, request.params.id));
      return ok({ deleted: true });
    },
  );
}
