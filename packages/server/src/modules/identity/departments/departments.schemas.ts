import { Type } from '@sinclair/typebox';
import { displayName } from '../../../platform/http/text-schemas.js';

const strict = { additionalProperties: false } as const;
const nullableId = (description: string) =>
  Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description });
export const departmentView = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Department name' }),
  parent_id: Type.Union([Type.String(), Type.Null()], { description: 'Parent department (null: top level)' }),
  head_user_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Head of the department (approvals)',
  }),
  depth: Type.Integer({ description: 'Level in the tree, 1 = top' }),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const createDepartmentBody = Type.Object(
  {
    name: displayName({ description: 'Department name' }),
    parent_id: Type.Optional(nullableId('Parent department')),
    head_user_id: Type.Optional(nullableId('Head of the department')),
  },
  strict,
);
export const updateDepartmentBody = Type.Partial(createDepartmentBody, { ...strict, minProperties: 1 });
export const departmentParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Department id' }),
});
