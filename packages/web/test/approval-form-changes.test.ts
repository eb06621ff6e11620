import { describe, expect, it } from 'vitest';
import { failureOf } from '../src/modules/approvals/action-failure';
import { formChanges } from '../src/modules/approvals/form-changes';
import { ApiError } from '../src/platform/api/api-error';

describe('approval page: form changes sent with an approval', () => {
  const fields = [
    { key: 'amount', permission: 'edit' as const },
    { key: 'reason', permission: 'read' as const },
    { key: 'secret', permission: 'hidden' as const },
    { key: 'due', permission: 'edit' as const },
  ];
  const stored = { amount: 100, reason: 'Trip', secret: 'x', due: '2026-12-01' };

  it('sends only the edit fields whose value changed', () => {
    expect(formChanges(fields, stored, { ...stored, amount: 150 })).toEqual({ amount: 150 });
    expect(formChanges(fields, stored, { ...stored })).toEqual({});
  });

  it('never sends a field the step may only read or not see, even if the values differ', () => {
    expect(formChanges(fields, stored, { ...stored, reason: 'Other', secret: 'y' })).toEqual({});
  });

  it('a cleared edit field is sent as null; a field never filled and still empty is not sent', () => {
    expect(formChanges(fields, stored, { ...stored, due: undefined })).toEqual({ due: null });
    expect(formChanges(fields, { amount: 1 }, { amount: 1, due: null })).toEqual({});
  });
});

describe('approval page: field errors of a refused approval', () => {
  it('keys the server’s field errors by form field (40059, 40054)', () => {
    const error = new ApiError(
      400,
      40059,
      'Some fields may not be edited',
      [
        { field: 'form_changes.reason', message: 'this step may only read reason' },
        { field: 'form_data.amount', message: 'Amount is required' },
      ],
      'req-2',
    );
    expect(failureOf(error)).toEqual({
      kind: 'invalid',
      message: 'Some fields may not be edited',
      requestId: 'req-2',
      fields: { reason: 'this step may only read reason', amount: 'Amount is required' },
    });
  });
});
