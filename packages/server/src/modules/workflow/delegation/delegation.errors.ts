import { defineErrorCodes } from '../../../platform/errors.js';

/** Delegation rules' error codes (beside workflow.errors.ts). */
export const delegationErrors = defineErrorCodes('workflow', {
  DELEGATION_INVALID: {
    family: 'VALIDATION',
    api: 40057,
    description:
      'A delegation rule needs a delegate other than the absent person and a range that ends after it starts, in the future',
  },
  DELEGATION_OVERLAPS: {
    family: 'CONFLICT',
    api: 40958,
    description: 'The person already has a delegation rule for part of that time (revoke it first)',
  },
});
