import { registerSignableOperation } from './operations.js';
import { recordsDeps } from './records.deps.js';
import { assertSignOff, closeReview, reviewRecord } from './reviews.service.js';

/**
 * The sign-off of an audit-trail review is a records signature like any other (policy,
 * ceremony, manifestation, sealed value): `audit_review`/`sign_off`, bound to the hash of
 * the review's findings. The signature closes the review in its own transaction.
 */
registerSignableOperation({
  resourceType: 'audit_review',
  operationType: 'sign_off',
  module: 'records',
  description: 'Sign off an audit-trail review (Annex 11 §9, 21 CFR 11.10(e))',
  currentRecord: (db, _ctx, id) => reviewRecord(db, id),
  assertSigner: (db, _ctx, actor, id) => assertSignOff(db, actor, id),
  onSigned: (trx, ctx, actor, signed) => closeReview(trx, recordsDeps(ctx), actor, signed),
});
