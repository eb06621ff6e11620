import { Type } from '@sinclair/typebox';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { domainError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/access.js';
import { defineFileRoute, defineRoute, type RouteDefinition } from '../../../platform/http/route.js';
import { workflowPermissions as permissions } from '../workflow.catalogue.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { workflowErrors } from '../workflow.errors.js';
import { definitionToBpmn } from './bpmn-export.js';
import { bpmnToDefinition } from './bpmn-import.js';
import type { DefinitionBody } from './definition-model.js';
import { presentDefinition } from './definitions.presenter.js';
import * as s from './definitions.schemas.js';
import * as service from './definitions.service.js';

const keyPattern = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

/** BPMN 2.0 XML export and import of definitions (docs/workflow.md "BPMN 2.0"). */
export function bpmnRoutes(deps: WorkflowDeps): RouteDefinition[] {
  return [
    defineFileRoute({
      method: 'GET',
      url: '/workflows/:id/bpmn',
      access: permissions.access('workflow.definition.read'),
      summary: 'A definition version as BPMN 2.0 XML',
      description:
        'SignX settings BPMN has no place for are kept in signx:* attributes, so an import gives the same tree back.',
      params: s.definitionParams,
      file: Type.String({ description: 'BPMN 2.0 XML (application/xml)' }),
      errors: ['NOT_FOUND'],
      handler: async (request, reply) => {
        const row = await service.getDefinition(deps.db, request.params.id);
        const xml = await definitionToBpmn({
          key: row.key,
          name: row.name,
          body: decodeJson<DefinitionBody>(row.body) as DefinitionBody,
        });
        return reply
          .type('application/xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${row.key}-v${row.version}.bpmn"`)
          .send(xml);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/workflows/import',
      access: permissions.access('workflow.definition.manage'),
      summary: 'Create a draft definition from BPMN 2.0 XML',
      description:
        'Unreadable XML: 40063; constructs a definition cannot represent: 40064 listing each element; the tree is then validated as any definition (40053).',
      body: s.bpmnImportRequest,
      response: s.definitionView,
      status: 201,
      idempotent: true,
      errors: [
        'CONFLICT',
        workflowErrors.BPMN_INVALID,
        workflowErrors.BPMN_UNSUPPORTED,
        workflowErrors.DEFINITION_INVALID,
      ],
      handler: async (request) => {
        const parsed = await bpmnToDefinition(request.body.xml);
        const key = request.body.key ?? parsed.key;
        if (!keyPattern.test(key))
          throw domainError(
            workflowErrors.BPMN_UNSUPPORTED,
            `The process id ${key} is not a definition key; give key`,
            {
              details: {
                issues: [{ element_id: key, message: 'not a definition key: give key in the request' }],
              },
            },
          );
        const input = {
          key,
          name: request.body.name ?? parsed.name,
          description: request.body.description ?? null,
          body: parsed.body,
        };
        return presentDefinition(
          await inTransaction(deps.db, (trx) => service.createDefinition(trx, deps, actorOf(request), input)),
        );
      },
    }),
  ];
}
