import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pageSchema } from '../../../platform/db/pagination.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { principalOf } from '../../../platform/http/access.js';
import { envelope, errorResponses, ok } from '../../../platform/http/envelope.js';
import { assertDepartmentInScope, assertMayAdministerUser, assertNotSelf } from '../identity.policy.js';
import { requireStepUpProofOf } from '../mfa/step-up-proof.service.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import type { IdentityRuntime } from '../shared/identity-runtime.js';
import type { TypedApp } from '../shared/typed-app.js';
import * as s from './users.schemas.js';
import { changeUser, createUser, listUsers, userInScope, userView } from './users.service.js';

const need = (permission: string) => ({ access: { permission } });
const tags = ['users'];

/** /users: administration of accounts, always within the caller's data scope. */
export async function userRoutes(api: FastifyInstance, runtime: IdentityRuntime): Promise<void> {
  const app = api.withTypeProvider<TypeBoxTypeProvider>();
  listRoute(app, runtime);
  detailRoute(app, runtime);
  createRoute(app, runtime);
  updateRoute(app, runtime);
}

/** GET /users: a page within the data scope. */
function listRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/users',
    {
      config: need('identity.user.read'),
      schema: {
        tags,
        querystring: s.userListQuery,
        response: { 200: envelope(pageSchema(s.userView)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      return ok(await listUsers(db, runtime, principalOf(request), request.query));
    },
  );
}

/** GET /users/:id: 404 outside the data scope. */
function detailRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.get(
    '/users/:id',
    {
      config: need('identity.user.read'),
      schema: {
        tags,
        params: s.userParams,
        response: { 200: envelope(s.userView), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      ok(
        await userView(
          db,
          principalOf(request),
          await userInScope(db, dataScopeOf(principalOf(request)), request.params.id),
        ),
      ),
  );
}

/** POST /users: the user sets a password through the mailed link. */
function createRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.post(
    '/users',
    {
      config: { ...need('identity.user.create'), idempotent: true },
      schema: {
        tags,
        body: s.createUserBody,
        response: { 201: envelope(s.createdUser), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      // Presented inside the transaction: with an Idempotency-Key the reply commits with the user.
      const { view, setup } = await inTransaction(db, async (trx) => {
        const created = await createUser(trx, runtime, request, principalOf(request), request.body);
        return { view: await userView(trx, principalOf(request), created.row), setup: created.setup };
      });
      reply.status(201);
      return ok({
        ...view,
        password_setup: setup ? { delivery: 'email' as const, expires_at: setup.expires_at } : null,
      });
    },
  );
}

/** PATCH /users/:id: profile fields only (strict body). */
function updateRoute(app: TypedApp, runtime: IdentityRuntime): void {
  const { db } = runtime.ctx;
  app.patch(
    '/users/:id',
    {
      config: need('identity.user.update'),
      schema: {
        tags,
        params: s.userParams,
        headers: s.stepUpHeaders,
        body: s.updateUserBody,
        response: { 200: envelope(s.userView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const updated = await inTransaction(db, async (trx) => {
        const before = await userInScope(trx, dataScopeOf(principal), request.params.id);
        await assertMayAdministerUser(trx, runtime, principal, before);
        const department = request.body.department_id;
        if (department !== undefined && department !== before.department_id) {
          assertNotSelf(principal, before.id, 'department');
          assertDepartmentInScope(principal, department);
        }
        const email = request.body.email;
        if (email !== undefined && email !== before.email)
          await requireStepUpProofOf(trx, runtime.ctx, request);
        return changeUser(trx, runtime, request, before, request.body, {
          byAdministrator: principal.username,
        });
      });
      return ok(await userView(db, principal, updated));
    },
  );
}
