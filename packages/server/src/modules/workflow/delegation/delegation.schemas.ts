import { Type } from '@sinclair/typebox';

const instant = (description: string) => Type.String({ format: 'date-time', description });
const userId = (description: string) => Type.String({ format: 'uuid', description });

export const newDelegation = Type.Object(
  {
    delegate_id: userId('Who gets the tasks meanwhile'),
    starts_at: instant('From (ISO instant)'),
    ends_at: instant('Until, exclusive (ISO instant)'),
    reason: Type.Optional(
      Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'e.g. leave' }),
    ),
    user_id: Type.Optional(userId('The absent person (default: you; someone else: approval administrators)')),
  },
  { additionalProperties: false },
);

export const delegationView = Type.Object({
  id: Type.String(),
  user_id: Type.String(),
  delegate_id: Type.String(),
  starts_at: Type.String(),
  ends_at: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  created_by: Type.String(),
  created_at: Type.String(),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

export const delegationList = Type.Object({ items: Type.Array(delegationView) });
export const delegationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
