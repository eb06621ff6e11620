import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { notFound } from '../../../platform/errors.js';
import { principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { assertMayEditRole } from '../identity.policy.js';
import { identityEvents, recordIdentity } from '../shared/identity-audit.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import { type TypedApp, typed } from '../shared/typed-app.js';
import { declaredPermissions } from './permission-catalogue.js';
import * as s from './roles.schemas.js';
import {
  createRole,
  currentSnapshot,
  deleteRole,
  presentRole,
  setPermissions,
  updateRole,
} from './roles.service.js';
import { bumpAuthzVersion } from './user-authz.js';

const tags = ['roles'];
const need = (permission: string) => ({ access: { permission } });

/** /roles and /permissions: roles with inheritance, data scopes and MFA requirement. */
export async function roleRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = typed(api);
  getPermissionsRoute(app, runtime);
  getRolesRoute(app, runtime);
  getRolesByIdRoute(app, runtime);
  postRolesRoute(app, runtime);
  patchRolesByIdRoute(app, runtime);
  putRolesByIdPermissionsRoute(app, runtime);
  deleteRolesByIdRoute(app, runtime);
}

/** One role as the API shows it, read after the write committed (404 when it does not exist). */
async function showRole(runtime: IdentityRuntime, id: string, db: DbOrTrx = runtime.ctx.db) {
  const row = await db
    .selectFrom('roles')
    .select(['name', 'description', 'is_system'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Role');
  return presentRole(await currentSnapshot(db, runtime), id, row);
}

/** GET /permissions */
function getPermissionsRoute(app: TypedApp, _runtime: IdentityRuntime): void {
  app.get(
    '/permissions',
    {
      config: need('identity.role.read'),
      schema: {
        tags,
        response: { 200: envelope(Type.Array(s.permissionView)), ...errorResponses(401, 403) },
      },
    },
    async () => ok(declaredPermissions()),
  );
}

/** GET /roles */
function getRolesRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/roles',
    {
      config: need('identity.role.read'),
      schema: { tags, response: { 200: envelope(Type.Array(s.roleView)), ...errorResponses(401, 403) } },
    },
    async () => {
      const rows = await db
        .selectFrom('roles')
        .select(['id', 'name', 'description', 'is_system'])
        .orderBy('code')
        .execute();
      const snapshot = await currentSnapshot(db, runtime);
      return ok(rows.map((row) => presentRole(snapshot, row.id, row)));
    },
  );
}

/** GET /roles/:id */
function getRolesByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  app.get(
    '/roles/:id',
    {
      config: need('identity.role.read'),
      schema: {
        tags,
        params: s.roleParams,
        response: { 200: envelope(s.roleView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ok(await showRole(runtime, request.params.id)),
  );
}

/** POST /roles */
function postRolesRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.post(
    '/roles',
    {
      config: { ...need('identity.role.create'), idempotent: true },
      schema: {
        tags,
        body: s.createRoleBody,
        response: { 201: envelope(s.roleView), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      // Shown inside the transaction: with an Idempotency-Key the reply commits with the role.
      const view = await inTransaction(db, async (trx) =>
        showRole(runtime, await createRole(trx, runtime, request, principalOf(request), request.body), trx),
      );
      reply.status(201);
      return ok(view);
    },
  );
}

/** PATCH /roles/:id */
function patchRolesByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.patch(
    '/roles/:id',
    {
      config: need('identity.role.update'),
      schema: {
        tags,
        params: s.roleParams,
        body: s.updateRoleBody,
        response: { 200: envelope(s.roleView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await inTransaction(db, (trx) =>
        updateRole(trx, runtime, request, principalOf(request), request.params.id, request.body),
      );
      return ok(await showRole(runtime, request.params.id));
    },
  );
}

/** PUT /roles/:id/permissions */
function putRolesByIdPermissionsRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.put(
    '/roles/:id/permissions',
    {
      config: need('identity.role.update'),
      schema: {
        tags,
        params: s.roleParams,
        body: s.permissionsBody,
        response: { 200: envelope(s.roleView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await inTransaction(db, async (trx) => {
        const role = await trx
          .selectFrom('roles')
          .select(['id', 'is_system'])
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!role) throw notFound('Role');
        const before = (
          await trx
            .selectFrom('role_permissions')
            .select('permission_code')
            .where('role_id', '=', role.id)
            .execute()
        ).map((r) => r.permission_code);
        const principal = principalOf(request);
        const isSystem = role.is_system === 1;
        assertMayEditRole(principal, await currentSnapshot(trx, runtime), role.id, { isSystem });
        await setPermissions(trx, principal, role.id, request.body.permissions);
        await bumpAuthzVersion(trx);
        await recordIdentity(trx, request, {
          action: identityEvents['role.permissions_changed'],
          entityType: 'role',
          entityId: role.id,
          before: { permissions: before.sort() },
          after: { permissions: [...request.body.permissions].sort() },
        });
      });
      return ok(await showRole(runtime, request.params.id));
    },
  );
}

/** DELETE /roles/:id */
function deleteRolesByIdRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.delete(
    '/roles/:id',
    {
      config: need('identity.role.delete'),
      schema: {
        tags,
        params: s.roleParams,
        response: {
          200: envelope(Type.Object({ deleted: Type.Boolean() })),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      await inTransaction(db, (trx) =>
        deleteRole(trx, runtime, request, principalOf(request), request.params.id),
      );
      return ok({ deleted: true });
    },
  );
}
