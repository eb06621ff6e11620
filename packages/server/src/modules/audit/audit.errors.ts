import { defineErrorCodes } from '../../platform/errors.js';

/** Why the audit module refuses a proof, checkpoint, bundle or report, or an event it cannot authenticate. */
export const auditErrors = defineErrorCodes('audit', {
  AUDIT_LOG_BROKEN: {
    family: 'CONFLICT',
    api: 40931,
    description:
      'The audit log does not verify, so nothing new is signed or proven over it (details: chain, seq)',
  },
  AUDIT_LOG_EMPTY: {
    family: 'CONFLICT',
    api: 40932,
    description: 'The chain has no signed events to prove yet',
  },
  AUDIT_RECORDER_UNCONFIGURED: {
    family: 'INTERNAL',
    api: 50031,
    description:
      'The database handle has no audit MAC key (no app context configured it), so no event is written through it',
  },
  REPORT_FONTS_MISSING: {
    family: 'UNAVAILABLE',
    api: 50331,
    description: 'The PDF report’s fonts are not installed on the server (details: missing_fonts)',
  },
});
