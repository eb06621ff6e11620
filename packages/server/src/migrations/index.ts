import type { Migration } from 'kysely';
import * as m20261122_0001 from './2026_11_22_0001_platform.js';
import * as m20261122_0100 from './2026_11_22_0100_audit.js';
import * as m20261122_0200 from './2026_11_22_0200_jobs.js';
import * as m20261122_0300 from './2026_11_22_0300_identity.js';
import * as m20261205_0100 from './2026_12_05_0100_identity_hardening.js';
import * as m20261205_0500 from './2026_12_05_0500_notifications.js';
import * as m20261205_0501 from './2026_12_05_0501_notification_control.js';
import * as m20261206_0359 from './2026_12_06_0359_storage_references.js';
import * as m20261206_0400 from './2026_12_06_0400_documents.js';
import * as m20261206_0410 from './2026_12_06_0410_document_templates.js';
import * as m20261206_0502 from './2026_12_06_0502_notification_receipts.js';
import * as m20261207_0700 from './2026_12_07_0700_signing.js';
import * as m20261207_0701 from './2026_12_07_0701_platform_trust.js';
import * as m20261207_0730 from './2026_12_07_0730_signing_evidence.js';
import * as m20261208_0100 from './2026_12_08_0100_signing_fields.js';
import * as m20261208_0200 from './2026_12_08_0200_signing_access.js';
import * as m20261208_0300 from './2026_12_08_0300_signing_instances.js';
import * as m20261208_0400 from './2026_12_08_0400_signing_hash_lookup.js';
import * as m20261208_0500 from './2026_12_08_0500_document_watermark.js';
import * as m20261208_0501 from './2026_12_08_0501_batch_sources.js';
import * as m20261208_0600 from './2026_12_08_0600_template_drafts.js';
import * as m20261209_0100 from './2026_12_09_0100_records.js';
import * as m20261209_0200 from './2026_12_09_0200_identity_passkeys.js';
import * as m20261209_0500 from './2026_12_09_0500_records_time_place.js';
import * as m20261210_0100 from './2026_12_10_0100_regulated_changes.js';
import * as m20261210_0300 from './2026_12_10_0300_records_pades.js';
import * as m20261210_0500 from './2026_12_10_0500_workflow.js';
import * as m20261211_0110 from './2026_12_11_0110_workflow_signature_requests.js';
import * as m20261211_0120 from './2026_12_11_0120_workflow_events.js';
import * as m20261211_0130 from './2026_12_11_0130_workflow_delegations.js';
import * as m20261211_0200 from './2026_12_11_0200_workflow_todo_index.js';
import * as m20261212_0110 from './2026_12_12_0110_audit_entity_seq_index.js';
import * as m20261212_0120 from './2026_12_12_0120_records_pades_level.js';
import * as m20261212_0210 from './2026_12_12_0210_workflow_delegation_owners.js';
import * as m20261212_0310 from './2026_12_12_0310_keys.js';
import * as m20261212_0320 from './2026_12_12_0320_keys_self_tests.js';
import * as m20261212_0410 from './2026_12_12_0410_seals.js';
import * as m20261212_0510 from './2026_12_12_0510_in_person_lock_unique.js';
import * as m20261212_0610 from './2026_12_12_0610_webhooks.js';
import * as m20261212_0710 from './2026_12_12_0710_seal_use_requests.js';
import * as m20261212_0810 from './2026_12_12_0810_signing_profiles.js';
import * as m20261213_0210 from './2026_12_13_0210_inbound_callbacks.js';
import * as m20261213_0410 from './2026_12_13_0410_webhook_dispatch.js';
import * as m20261214_0210 from './2026_12_14_0210_records_success_index.js';
import * as m20261215_0510 from './2026_12_15_0510_webhook_team_owner.js';
import * as m20261215_0520 from './2026_12_15_0520_jobs_queued_name_idx.js';
import * as m20261215_0810 from './2026_12_15_0810_workflow_im_cards.js';
import * as m20261216_0110 from './2026_12_16_0110_seal_batch_uses.js';

/**
 * Every migration, in order. Names are frozen timestamps; a migration is never edited
 * after it has shipped, only followed by a new one. Modules append their own here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_platform': m20261122_0001,
  '2026_11_22_0100_audit': m20261122_0100,
  '2026_11_22_0200_jobs': m20261122_0200,
  '2026_11_22_0300_identity': m20261122_0300,
  '2026_12_05_0100_identity_hardening': m20261205_0100,
  '2026_12_05_0500_notifications': m20261205_0500,
  '2026_12_05_0501_notification_control': m20261205_0501,
  '2026_12_06_0359_storage_references': m20261206_0359,
  '2026_12_06_0400_documents': m20261206_0400,
  '2026_12_06_0410_document_templates': m20261206_0410,
  '2026_12_06_0502_notification_receipts': m20261206_0502,
  '2026_12_07_0700_signing': m20261207_0700,
  '2026_12_07_0701_platform_trust': m20261207_0701,
  '2026_12_07_0730_signing_evidence': m20261207_0730,
  '2026_12_08_0100_signing_fields': m20261208_0100,
  '2026_12_08_0200_signing_access': m20261208_0200,
  '2026_12_08_0300_signing_instances': m20261208_0300,
  '2026_12_08_0400_signing_hash_lookup': m20261208_0400,
  '2026_12_08_0500_document_watermark': m20261208_0500,
  '2026_12_08_0501_batch_sources': m20261208_0501,
  '2026_12_08_0600_template_drafts': m20261208_0600,
  '2026_12_09_0100_records': m20261209_0100,
  '2026_12_09_0200_identity_passkeys': m20261209_0200,
  '2026_12_09_0500_records_time_place': m20261209_0500,
  '2026_12_10_0100_regulated_changes': m20261210_0100,
  '2026_12_10_0300_records_pades': m20261210_0300,
  '2026_12_10_0500_workflow': m20261210_0500,
  '2026_12_11_0110_workflow_signature_requests': m20261211_0110,
  '2026_12_11_0120_workflow_events': m20261211_0120,
  '2026_12_11_0130_workflow_delegations': m20261211_0130,
  '2026_12_11_0200_workflow_todo_index': m20261211_0200,
  '2026_12_12_0110_audit_entity_seq_index': m20261212_0110,
  '2026_12_12_0120_records_pades_level': m20261212_0120,
  '2026_12_12_0210_workflow_delegation_owners': m20261212_0210,
  '2026_12_12_0310_keys': m20261212_0310,
  '2026_12_12_0320_keys_self_tests': m20261212_0320,
  '2026_12_12_0410_seals': m20261212_0410,
  '2026_12_12_0510_in_person_lock_unique': m20261212_0510,
  '2026_12_12_0610_webhooks': m20261212_0610,
  '2026_12_12_0710_seal_use_requests': m20261212_0710,
  '2026_12_12_0810_signing_profiles': m20261212_0810,
  '2026_12_13_0210_inbound_callbacks': m20261213_0210,
  '2026_12_13_0410_webhook_dispatch': m20261213_0410,
  '2026_12_14_0210_records_success_index': m20261214_0210,
  '2026_12_15_0510_webhook_team_owner': m20261215_0510,
  '2026_12_15_0520_jobs_queued_name_idx': m20261215_0520,
  '2026_12_15_0810_workflow_im_cards': m20261215_0810,
  '2026_12_16_0110_seal_batch_uses': m20261216_0110,
};
