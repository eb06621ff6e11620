import { registerRegulatedResource } from '../../platform/regulated-records.js';

/** Signature policies are regulated records: every change or retirement says why (Annex 11 §9). */
registerRegulatedResource({
  resourceType: 'signature_policy',
  module: 'records',
  description: 'A signature policy: changes (new versions) and retirement',
  setting: null,
});
