import { inTransaction } from '../../../platform/db/transaction.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { DelegationDeps } from './delegation.deps.js';
import { delegationErrors as e } from './delegation.errors.js';
import * as s from './delegation.schemas.js';
import * as service from './delegation.service.js';

const use = permissions.access('workflow.approval.use');

/** Out-of-office rules: while one is in force, tasks created for the absent person go to the delegate. */
export function delegationRoutes(deps: DelegationDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/approval-delegations',
      access: use,
      summary: 'Delegation rules not over yet: yours (approval administrators: all)',
      response: s.delegationList,
      handler: async (request) => ({ items: await service.listDelegations(deps.db, deps, actorOf(request)) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/approval-delegations',
      access: use,
      summary: 'Set an out-of-office delegation rule (date range, delegate)',
      body: s.newDelegation,
      response: s.delegationView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', e.DELEGATION_INVALID, e.DELEGATION_OVERLAPS],
      handler: async (request) =>
        inTransaction(deps.db, (trx) => service.createDelegation(trx, deps, actorOf(request), request.body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/approval-delegations/:id/revoke',
      access: use,
      summary: 'Revoke a delegation rule (tasks already handed on stay)',
      params: s.delegationParams,
      response: s.delegationView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        inTransaction(deps.db, (trx) =>
          service.revokeDelegation(trx, deps, actorOf(request), request.params.id),
        ),
    }),
  ];
}
