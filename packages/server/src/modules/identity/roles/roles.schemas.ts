import { Type } from '@sinclair/typebox';
import { displayName } from '../../../platform/http/text-schemas.js';

const strict = { additionalProperties: false } as const;
export const dataScope = Type.Union(
  [
    Type.Literal('own'),
    Type.Literal('department'),
    Type.Literal('department_tree'),
    Type.Literal('all'),
    Type.Literal('custom'),
  ],
  {
    description:
      'Rows the role sees: own, department, department_tree (and children), all, custom (department_ids)',
  },
);

export const roleView = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'Stable role code' }),
  name: Type.String(),
  description: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()], {
    description: 'Parent role code; its permissions are inherited',
  }),
  data_scope: dataScope,
  department_ids: Type.Array(Type.String(), { description: 'Departments of a custom scope' }),
  mfa_required: Type.Boolean({ description: 'Holders must sign in with a second factor' }),
  grant_rule: Type.String({
    description: 'all / read / none: permissions granted by rule, including future ones',
  }),
  is_system: Type.Boolean({ description: 'Seeded role; cannot be deleted' }),
  permissions: Type.Array(Type.String(), { description: 'Permissions granted explicitly' }),
  effective_permissions: Type.Array(Type.String(), { description: 'Explicit + rule + inherited' }),
});

const permissionList = Type.Array(Type.String({ minLength: 3, maxLength: 128 }), {
  maxItems: 500,
  uniqueItems: true,
  description: 'Permission codes; you can only grant permissions you hold',
});
const departmentIds = Type.Array(Type.String({ format: 'uuid' }), {
  maxItems: 500,
  uniqueItems: true,
  description: 'Departments of a custom scope',
});

export const createRoleBody = Type.Object(
  {
    code: Type.String({
      pattern: '^[a-z][a-z0-9_]{1,63}$',
      description: 'Role code (lower case, underscores)',
    }),
    name: displayName({ description: 'Display name' }),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What the role is for' })),
    parent: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: 'Parent role code to inherit from' }),
    ),
    data_scope: dataScope,
    department_ids: Type.Optional(departmentIds),
    mfa_required: Type.Optional(Type.Boolean({ description: 'Require a second factor at sign-in' })),
    permissions: Type.Optional(permissionList),
  },
  strict,
);

export const updateRoleBody = Type.Object(
  {
    name: Type.Optional(displayName({ description: 'Display name' })),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What the role is for' })),
    parent: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Parent role code' })),
    data_scope: Type.Optional(dataScope),
    department_ids: Type.Optional(departmentIds),
    mfa_required: Type.Optional(Type.Boolean({ description: 'Require a second factor at sign-in' })),
  },
  { ...strict, minProperties: 1 },
);

export const permissionsBody = Type.Object({ permissions: permissionList }, strict);
export const roleParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Role id' }) });
export const permissionView = Type.Object({
  code: Type.String({ description: 'Action code, e.g. identity.user.read' }),
  module: Type.String({ description: 'Declaring module' }),
  description: Type.String(),
});
