import { defineErrorCodes } from '../../../platform/errors.js';

/** Domain error codes of PDF verification and the evidence downloads (signing module, x8x). */
export const verificationErrors = defineErrorCodes('signing', {
  NOT_A_PDF: {
    family: 'VALIDATION',
    api: 40088,
    description: 'The upload is not a PDF (no %PDF- header in its first 1024 bytes) or is empty',
  },
  PDF_UNREADABLE: {
    family: 'VALIDATION',
    api: 40089,
    description: 'The upload starts like a PDF but its structure cannot be read',
  },
  REQUEST_NOT_COMPLETED: {
    family: 'CONFLICT',
    api: 40988,
    description: 'The certificate of completion and the evidence file exist once every signer has signed',
  },
});
