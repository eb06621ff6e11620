import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf, principalOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { declaredPermissions } from './permission-catalogue.js';
import * as s from './roles.schemas.js';
import {
  createRole,
  deleteRole,
  listRoles,
  replacePermissions,
  showRole,
  updateRole,
} from './roles.service.js';

const need = (permission: string) => ({ permission });

/** /roles and /permissions: roles with inheritance, data scopes and MFA requirement. */
export function roleRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/permissions',
      access: need('identity.role.read'),
      summary: 'List the permission catalogue',
      response: Type.Array(s.permissionView),
      handler: async () => declaredPermissions(),
    }),
    defineRoute({
      method: 'GET',
      url: '/roles',
      access: need('identity.role.read'),
      summary: 'List roles',
      response: Type.Array(s.roleView),
      handler: async () => listRoles(db, runtime),
    }),
    defineRoute({
      method: 'GET',
      url: '/roles/:id',
      access: need('identity.role.read'),
      summary: 'Show a role',
      params: s.roleParams,
      response: s.roleView,
      errors: ['NOT_FOUND'],
      handler: async (request) => showRole(db, runtime, request.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/roles',
      access: need('identity.role.create'),
      summary: 'Create a role',
      body: s.createRoleBody,
      response: s.roleView,
      status: 201,
      idempotent: true,
      handler: async (request) =>
        // Shown inside the transaction: with an Idempotency-Key the reply commits with the role.
        inTransaction(db, async (trx) => {
          const id = await createRole(trx, runtime, actorOf(request), principalOf(request), request.body);
          return showRole(trx, runtime, id);
        }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/roles/:id',
      access: need('identity.role.update'),
      summary: 'Change a role',
      params: s.roleParams,
      body: s.updateRoleBody,
      response: s.roleView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { id } = request.params;
        await inTransaction(db, (trx) =>
          updateRole(trx, runtime, actorOf(request), principalOf(request), id, request.body),
        );
        return showRole(db, runtime, id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/roles/:id/permissions',
      access: need('identity.role.update'),
      summary: 'Replace a role’s own permissions',
      params: s.roleParams,
      body: s.permissionsBody,
      response: s.roleView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { id } = request.params;
        await inTransaction(db, (trx) =>
          replacePermissions(
            trx,
            runtime,
            actorOf(request),
            principalOf(request),
            id,
            request.body.permissions,
          ),
        );
        return showRole(db, runtime, id);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/roles/:id',
      access: need('identity.role.delete'),
      summary: 'Delete a role',
      params: s.roleParams,
      response: Type.Object({ deleted: Type.Boolean() }),
      errors: ['NOT_FOUND', 'CONFLICT'],
      handler: async (request) => {
        await inTransaction(db, (trx) =>
          deleteRole(trx, runtime, actorOf(request), principalOf(request), request.params.id),
        );
        return { deleted: true };
      },
    }),
  ];
}
