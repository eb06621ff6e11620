import { defineErrorCodes } from '../../platform/errors.js';

/** The workflow module's domain error codes (4xx53-4xx59, 40063-40064, 40355, 40964-40965; inside the platform's families). */
export const workflowErrors = defineErrorCodes('workflow', {
  DEFINITION_INVALID: {
    family: 'VALIDATION',
    api: 40053,
    description: 'The definition has problems; errors[] names each with its node id (field)',
  },
  FORM_INVALID: {
    family: 'VALIDATION',
    api: 40054,
    description: 'The form data does not fit the definition’s form (errors[] per field)',
  },
  BPMN_INVALID: {
    family: 'VALIDATION',
    api: 40063,
    description: 'The uploaded text is not readable as BPMN 2.0 XML',
  },
  BPMN_UNSUPPORTED: {
    family: 'VALIDATION',
    api: 40064,
    description:
      'The BPMN uses what a SignX definition cannot represent (details.issues: element id and reason for each)',
  },
  TARGET_INVALID: {
    family: 'VALIDATION',
    api: 40055,
    description: 'A return target, transfer or add-sign assignee is not allowed here',
  },
  FIELD_NOT_EDITABLE: {
    family: 'VALIDATION',
    api: 40059,
    description:
      'A changed form field is not one the task’s node grants edit (errors[] per field); nothing was changed',
  },
  NOT_YOUR_TASK: {
    family: 'FORBIDDEN',
    api: 40353,
    description: 'Only the assignee acts on a task; only the initiator withdraws, urges or resubmits',
  },
  ATTACHMENT_NOT_READABLE: {
    family: 'FORBIDDEN',
    api: 40355,
    description:
      'An attachment names a document you may not read (someone else’s, out of your scope, trashed or unknown)',
  },
  DECLINE_REASON_REQUIRED: {
    family: 'VALIDATION',
    api: 40058,
    description: 'Declining a Part 11 signature task needs a reason (the comment)',
  },
  TASK_ALREADY_DECIDED: {
    family: 'CONFLICT',
    api: 40953,
    description: 'The task or its node was decided already (another approver was first)',
  },
  INSTANCE_NOT_RUNNING: {
    family: 'CONFLICT',
    api: 40954,
    description: 'The approval is finished, withdrawn or not in the state the action needs',
  },
  DEFINITION_NOT_EDITABLE: {
    family: 'CONFLICT',
    api: 40955,
    description:
      'Only a draft version is edited or deleted; only a draft is published, only a published one archived',
  },
  DEFINITION_NOT_PUBLISHED: {
    family: 'CONFLICT',
    api: 40956,
    description: 'Approvals start only from a published version',
  },
  URGE_TOO_SOON: {
    family: 'CONFLICT',
    api: 40957,
    description: 'The approval was urged less than the urge interval ago',
  },
});
