import { defineErrorCodes } from '../../platform/errors.js';

/** Domain error codes of placed fields and parties (signing module, x9x). */
export const fieldErrors = defineErrorCodes('signing', {
  FIELD_PLACEMENT_INVALID: {
    family: 'VALIDATION',
    api: 40091,
    description:
      'A placed field is invalid: unknown signer or document, page beyond the document, box outside the page, dropdown without options',
  },
  FIELDS_REQUIRED: {
    family: 'VALIDATION',
    api: 40092,
    description: 'Required fields of this signer are not filled (details list them); nothing was signed',
  },
  FIELD_VALUE_INVALID: {
    family: 'VALIDATION',
    api: 40093,
    description:
      'A field value is not acceptable (not this signer’s field, not a choice, not a date, too long)',
  },
  PARTIES_INVALID: {
    family: 'VALIDATION',
    api: 40090,
    description:
      'The parties do not fit together: a group with different signing orders, an assistant without a later signer to assist',
  },
  WRONG_ACTION: {
    family: 'CONFLICT',
    api: 40990,
    description: 'Assistants fill fields (POST /fill) and do not sign; signers sign (POST /sign)',
  },
});
