import { defineErrorCodes } from '../../../platform/errors.js';

/** Domain error codes of template instances: direct links, bulk send, in person (signing module, x9x). */
export const instancesErrors = defineErrorCodes('signing', {
  TEMPLATE_ROLES_INVALID: {
    family: 'VALIDATION',
    api: 40094,
    description:
      'The template’s role placeholders do not allow this (no signing role, duplicate key, or a role without a fixed person where one is needed)',
  },
  BULK_FILE_INVALID: {
    family: 'VALIDATION',
    api: 40095,
    description:
      'The bulk file is not a readable CSV or XLSX, has no header, too many rows, or misses columns',
  },
  BULK_ROWS_INVALID: {
    family: 'VALIDATION',
    api: 40096,
    description: 'Rows of the bulk file are invalid: `errors` lists each row and column; nothing was created',
  },
  DIRECT_LINK_INVALID: {
    family: 'UNAUTHENTICATED',
    api: 40195,
    description: 'The direct link is unknown, disabled or replaced, or its template is inactive',
  },
  TEMPLATE_INACTIVE: {
    family: 'CONFLICT',
    api: 40994,
    description: 'The template is inactive: no new requests are made from it',
  },
  HOST_LOCKED: {
    family: 'CONFLICT',
    api: 40995,
    description: 'This session hosts an in-person signing: unlock it (re-authenticate) first',
  },
  IN_PERSON_NOT_ACTIVE: {
    family: 'CONFLICT',
    api: 40996,
    description: 'The in-person session is not active (finished, cancelled or unlocked)',
  },
  BULK_FINISHED: { family: 'CONFLICT', api: 40997, description: 'The bulk send has already finished' },
});
