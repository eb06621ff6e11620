import { defineErrorCodes } from '../../../platform/errors.js';

/** The signature nodes' error codes (issue 17, beside workflow.errors.ts). */
export const signatureErrors = defineErrorCodes('workflow', {
  SIGNATURE_MEANING_MISMATCH: {
    family: 'VALIDATION',
    api: 40056,
    description: 'A Part 11 signature of an approval task must carry the meaning its signature node asks for',
  },
  NOT_YOUR_SIGNATURE_TASK: {
    family: 'FORBIDDEN',
    api: 40354,
    description: 'Only the signer of an open Part 11 signature task signs it',
  },
});
