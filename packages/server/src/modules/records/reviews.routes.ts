import { Type } from '@sinclair/typebox';
import { pageSchema } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { recordsPermissions as permissions } from './records.catalogue.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors as e } from './records.errors.js';
import { presentFinding, presentReview, presentSignOff } from './reviews.presenter.js';
import {
  findingView,
  newFinding,
  newReview,
  reviewDetailView,
  reviewListQuery,
  reviewParams,
  reviewView,
} from './reviews.schemas.js';
import { addFinding, createReview, listReviews, reviewDetail, reviewerNames } from './reviews.service.js';
import { presentSignature } from './signatures.presenter.js';
import { createdView, createSignatureBody } from './signatures.schemas.js';
import { createSignature } from './signatures.service.js';

/**
 * Audit-trail reviews. The sign-off is a records signature (`audit_review`/`sign_off`): the
 * ceremony dialog signs through POST /signature/create like any record; POST
 * /audit-reviews/{id}/sign-off is the same signature with the target filled in.
 */
const signOffBody = Type.Omit(createSignatureBody, [
  'resourceId',
  'resourceType',
  'operationType',
  'authenticationMethod',
]);

export function reviewRoutes(deps: RecordsDeps): RouteDefinition[] {
  const read = permissions.access('records.review.read');
  return [
    defineRoute({
      method: 'GET',
      url: '/audit-reviews',
      access: read,
      summary: 'List audit-trail reviews',
      querystring: reviewListQuery,
      response: pageSchema(reviewView),
      handler: async (request) => {
        const page = await listReviews(deps.db, request.query);
        const names = await reviewerNames(deps.db, page.items);
        return { ...page, items: page.items.map((r) => presentReview(r, names.get(r.reviewer_id) ?? '')) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/audit-reviews/:id',
      access: read,
      summary: 'An audit-trail review with its findings and sign-off',
      params: reviewParams,
      response: reviewDetailView,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const { review, findings, signature } = await reviewDetail(deps.db, request.params.id);
        const names = await reviewerNames(deps.db, [review]);
        return {
          ...presentReview(review, names.get(review.reviewer_id) ?? ''),
          findings: findings.map(presentFinding),
          sign_off: presentSignOff(signature),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/audit-reviews',
      access: permissions.access('records.review.manage'),
      summary: 'Open an audit-trail review: reviewer, period, optional scope',
      body: newReview,
      response: reviewView,
      status: 201,
      idempotent: true,
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await inTransaction(deps.db, (trx) => createReview(trx, deps, actor, request.body));
        const names = await reviewerNames(deps.db, [row]);
        return presentReview(row, names.get(row.reviewer_id) ?? '');
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/audit-reviews/:id/findings',
      access: permissions.access('records.review.perform'),
      summary: 'Add a finding (the assigned reviewer, while the review is open)',
      params: reviewParams,
      body: newFinding,
      response: findingView,
      status: 201,
      idempotent: true,
      errors: ['NOT_FOUND', e.NOT_THE_REVIEWER, e.REVIEW_SIGNED_OFF],
      handler: async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        return presentFinding(
          await inTransaction(deps.db, (trx) => addFinding(trx, deps, actor, id, request.body)),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/audit-reviews/:id/sign-off',
      access: permissions.access('records.review.perform'),
      summary: 'Sign off a review by electronic signature (the ceremony; same as /signature/create)',
      params: reviewParams,
      body: signOffBody,
      response: createdView,
      status: 201,
      errors: [
        'NOT_FOUND',
        e.NOT_THE_REVIEWER,
        e.REVIEW_SIGNED_OFF,
        e.CEREMONY_FAILED,
        e.COMPONENT_UNAVAILABLE,
        e.NOT_OWN_SIGNATURE,
        e.SESSION_NOT_USABLE,
        e.MEANING_NOT_ALLOWED,
        e.REASON_REQUIRED,
        e.NO_POLICY,
        e.RECORD_CHANGED,
      ],
      handler: async (request) => {
        const { credentials, ...rest } = request.body;
        const signed = await createSignature(deps, actorOf(request), {
          ...rest,
          resourceId: request.params.id,
          resourceType: 'audit_review',
          operationType: 'sign_off',
          credentials: credentials ?? {},
        });
        return {
          signature: presentSignature(signed.row),
          sessionId: signed.sessionId,
          fullCeremony: signed.isFullCeremony,
        };
      },
    }),
  ];
}
