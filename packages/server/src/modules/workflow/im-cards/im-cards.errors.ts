import { defineErrorCodes } from '../../../platform/errors.js';

/** The IM approval cards' error codes (docs/workflow.md, "IM approval cards"). */
export const imCardErrors = defineErrorCodes('workflow', {
  IM_CALLBACK_REFUSED: {
    family: 'FORBIDDEN',
    api: 40375,
    description: 'An IM card callback whose signature, encryption or verification token does not verify',
  },
  IM_CALLBACK_STALE: {
    family: 'FORBIDDEN',
    api: 40376,
    description: 'An IM card callback whose timestamp is more than 5 minutes away from the server clock',
  },
  IM_USER_MISMATCH: {
    family: 'FORBIDDEN',
    api: 40378,
    description:
      "The IM user who pressed the card's button is not the task's assignee (by their profile IM id)",
  },
  IM_APP_NOT_CONFIGURED: {
    family: 'FORBIDDEN',
    api: 40379,
    description: 'No IM app of this provider is configured on the server',
  },
  IM_CARD_UNKNOWN: {
    family: 'FORBIDDEN',
    api: 40380,
    description: 'The callback names no card this server sent',
  },
  IM_CALLBACK_REPLAYED: {
    family: 'CONFLICT',
    api: 40959,
    description: 'An IM card callback whose nonce was seen already (a replayed request)',
  },
});
