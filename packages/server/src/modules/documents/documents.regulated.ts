import { registerRegulatedResource } from '../../platform/regulated-records.js';
import { categoryRequiresReason } from './documents.repository.js';

/**
 * Documents are regulated records (Annex 11 §9: a change or deletion says why) when their
 * category's policy says so (`reason_required`, PUT /documents/retention-policies/{category}).
 */
registerRegulatedResource({
  resourceType: 'document',
  module: 'documents',
  description: 'A document: metadata changes and trashing',
  setting: 'reason_required of the category (documents retention policies)',
  isRegulated: categoryRequiresReason,
});
