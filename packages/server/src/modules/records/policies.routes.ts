import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { platformErrors } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { regulatedResources } from '../../platform/regulated-records.js';
import { signableOperations } from './operations.js';
import { presentOperation, presentPolicy, presentTerms } from './policies.presenter.js';
import {
  newPolicy,
  operationView,
  policyChange,
  policyListQuery,
  policyParams,
  policyView,
  regulatedTypeView,
  retireQuery,
  termsQuery,
  termsView,
} from './policies.schemas.js';
import {
  changePolicy,
  createPolicy,
  listPolicies,
  policyHistory,
  policyInForce,
  retirePolicy,
} from './policies.service.js';
import { recordsPermissions as permissions } from './records.catalogue.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';

/** Signature policy CRUD (versioned) and the registry of signable operations. */
export function policyRoutes(deps: RecordsDeps): RouteDefinition[] {
  const read = permissions.access('records.policy.read');
  const manage = permissions.access('records.policy.manage');
  return [
    defineRoute({
      method: 'GET',
      url: '/signature/operations',
      access: read,
      summary: 'List the signable operations modules registered',
      response: Type.Array(operationView),
      handler: async () => signableOperations().map(presentOperation),
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/regulated-types',
      access: read,
      summary: 'Resource types whose change or deletion needs a reason (Annex 11 §9)',
      response: Type.Array(regulatedTypeView),
      handler: async () =>
        regulatedResources().map((r) => ({
          resource_type: r.resourceType,
          module: r.module,
          description: r.description,
          setting: r.setting,
        })),
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/policies',
      access: read,
      summary: 'List signature policies (in force, or with their history)',
      querystring: policyListQuery,
      response: pageSchema(policyView),
      handler: async (request) => {
        const page = await listPolicies(deps.db, request.query);
        return { ...page, items: page.items.map(presentPolicy) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/policy-terms',
      // Every signer sees what the ceremony will ask before it starts (the policy itself,
      // networks included, stays with records.policy.read).
      access: { authenticated: true },
      summary: 'The terms of the policy in force for one operation, as a signer sees them',
      querystring: termsQuery,
      response: termsView,
      errors: [recordsErrors.UNKNOWN_OPERATION, recordsErrors.NO_POLICY],
      handler: async (request) =>
        presentTerms(await policyInForce(deps.db, request.query.resource_type, request.query.operation_type)),
    }),
    defineRoute({
      method: 'GET',
      url: '/signature/policies/:id',
      access: read,
      summary: 'Show every version of a policy, newest first',
      params: policyParams,
      response: Type.Array(policyView),
      errors: ['NOT_FOUND'],
      handler: async (request) => (await policyHistory(deps.db, request.params.id)).map(presentPolicy),
    }),
    defineRoute({
      method: 'POST',
      url: '/signature/policies',
      access: manage,
      summary: 'Create the signature policy of a resource type and operation',
      body: newPolicy,
      response: policyView,
      status: 201,
      idempotent: true,
      errors: ['CONFLICT', recordsErrors.UNKNOWN_OPERATION],
      handler: async (request) => {
        const actor = actorOf(request);
        return presentPolicy(
          await inTransaction(deps.db, (trx) => createPolicy(trx, deps, actor, request.body)),
        );
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/signature/policies/:id',
      access: manage,
      summary: 'Change a policy (adds a version; signatures keep the version they were made under)',
      params: policyParams,
      body: policyChange,
      response: policyView,
      errors: ['NOT_FOUND', 'CONFLICT', platformErrors.CHANGE_REASON_REQUIRED],
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await inTransaction(deps.db, (trx) =>
          changePolicy(trx, deps, actor, request.params.id, request.body),
        );
        return presentPolicy(row);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/signature/policies/:id',
      access: manage,
      summary: 'Retire a policy (its versions stay for the signatures made under them)',
      params: policyParams,
      querystring: retireQuery,
      response: Type.Object({ retired: Type.Boolean({ description: 'Always true' }) }),
      errors: ['NOT_FOUND', 'CONFLICT', platformErrors.CHANGE_REASON_REQUIRED],
      handler: async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        await inTransaction(deps.db, (trx) => retirePolicy(trx, deps, actor, id, request.query.reason));
        return { retired: true };
      },
    }),
  ];
}
