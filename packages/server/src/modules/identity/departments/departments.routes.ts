import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import type { IdentityDeps } from '../identity.deps.js';
import { presentDepartment } from './departments.presenter.js';
import {
  createDepartmentBody,
  departmentParams,
  departmentView,
  updateDepartmentBody,
} from './departments.schemas.js';
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.js';

const need = (permission: string) => ({ permission });

/** /departments: the organisation tree with a head per department. */
export function departmentRoutes(runtime: IdentityDeps): RouteDefinition[] {
  const { db } = runtime.ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/departments',
      access: need('identity.department.read'),
      summary: 'List departments (tree order)',
      response: Type.Array(departmentView),
      handler: async () => (await listDepartments(db)).map(presentDepartment),
    }),
    defineRoute({
      method: 'GET',
      url: '/departments/:id',
      access: need('identity.department.read'),
      summary: 'Show a department',
      params: departmentParams,
      response: departmentView,
      errors: ['NOT_FOUND'],
      handler: async (request) => presentDepartment(await getDepartment(db, request.params.id)),
    }),
    defineRoute({
      method: 'POST',
      url: '/departments',
      access: need('identity.department.create'),
      summary: 'Create a department',
      body: createDepartmentBody,
      response: departmentView,
      status: 201,
      idempotent: true,
      handler: async (request) =>
        presentDepartment(
          await inTransaction(db, (trx) => createDepartment(trx, runtime, actorOf(request), request.body)),
        ),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/departments/:id',
      access: need('identity.department.update'),
      summary: 'Rename, move or set the head of a department',
      params: departmentParams,
      body: updateDepartmentBody,
      response: departmentView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentDepartment(
          await inTransaction(db, (trx) =>
            updateDepartment(trx, runtime, actorOf(request), request.params.id, request.body),
          ),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/departments/:id',
      access: need('identity.department.delete'),
      summary: 'Delete an empty department',
      params: departmentParams,
      response: Type.Object({ deleted: Type.Boolean() }),
      errors: ['NOT_FOUND', 'CONFLICT'],
      handler: async (request) => {
        await inTransaction(db, (trx) => deleteDepartment(trx, actorOf(request), request.params.id));
        return { deleted: true };
      },
    }),
  ];
}
