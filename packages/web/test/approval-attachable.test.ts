import { describe, expect, it } from 'vitest';
import type { ActionName } from '../src/modules/approvals/approvals.api';
import { takesAttachments } from '../src/modules/approvals/attachable';

describe('approval dialogs: which actions take attachments', () => {
  it('every action with a comment offers files, transfer and add-sign included', () => {
    const withFiles: ActionName[] = [
      'approve',
      'reject',
      'decline',
      'return',
      'comment',
      'transfer',
      'add-sign',
      'withdraw',
    ];
    for (const action of withFiles) expect(takesAttachments(action), action).toBe(true);
  });

  it('urge and the dialog-less resubmit do not', () => {
    expect(takesAttachments('urge')).toBe(false);
    expect(takesAttachments('resubmit')).toBe(false);
  });
});
