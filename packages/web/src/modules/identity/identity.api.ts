import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

/** The identity API calls the pages use, typed from the OpenAPI document. */
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> =
  paths[P] extends Record<M, { requestBody?: { content: { 'application/json': infer B } } }> ? B : never;

export type UserQuery = Query<'/api/v1/users'>;
export type NewUser = Body<'/api/v1/users', 'post'>;
export type UserChange = Body<'/api/v1/users/{id}', 'patch'>;
export type RoleInput = Body<'/api/v1/roles', 'post'>;
export type RoleChange = Body<'/api/v1/roles/{id}', 'patch'>;
export type DepartmentInput = Body<'/api/v1/departments', 'post'>;

const id = (value: string) => ({ params: { path: { id: value } } });

export const usersApi = {
  list: (query: UserQuery) => call(api.GET('/api/v1/users', { params: { query } })),
  create: (body: NewUser) => call(api.POST('/api/v1/users', { body })),
  update: (userId: string, body: UserChange) =>
    call(api.PATCH('/api/v1/users/{id}', { ...id(userId), body })),
  setRoles: (userId: string, roles: string[]) =>
    call(api.PUT('/api/v1/users/{id}/roles', { ...id(userId), body: { roles } })),
  status: (userId: string, action: 'disable' | 'enable' | 'lock' | 'unlock', reason?: string) =>
    call(api.POST(`/api/v1/users/{id}/${action}`, { ...id(userId), body: reason ? { reason } : {} })),
  resetPassword: (userId: string) => call(api.POST('/api/v1/users/{id}/reset-password', id(userId))),
  /** A single-use proof of the administrator's own secrets (password, and a code when their role needs one). */
  stepUp: (password: string, code: string) =>
    call(
      api.POST('/api/v1/auth/step-up', {
        body: { password, ...(code ? { method: 'totp' as const, code } : {}) },
      }),
    ),
  /** Removes a user's authenticator; the server asks a step-up proof (header `X-Step-Up-Proof`). */
  removeMfa: (userId: string, proof: string) =>
    call(
      api.DELETE('/api/v1/users/{id}/mfa', {
        params: { path: { id: userId }, header: { 'x-step-up-proof': proof } },
      }),
    ),
};

export const departmentsApi = {
  list: () => call(api.GET('/api/v1/departments')),
  create: (body: DepartmentInput) => call(api.POST('/api/v1/departments', { body })),
  update: (depId: string, body: Partial<DepartmentInput>) =>
    call(api.PATCH('/api/v1/departments/{id}', { ...id(depId), body })),
  remove: (depId: string) => call(api.DELETE('/api/v1/departments/{id}', id(depId))),
};

export const rolesApi = {
  list: () => call(api.GET('/api/v1/roles')),
  permissions: () => call(api.GET('/api/v1/permissions')),
  create: (body: RoleInput) => call(api.POST('/api/v1/roles', { body })),
  update: (roleId: string, body: RoleChange) =>
    call(api.PATCH('/api/v1/roles/{id}', { ...id(roleId), body })),
  setPermissions: (roleId: string, permissions: string[]) =>
    call(api.PUT('/api/v1/roles/{id}/permissions', { ...id(roleId), body: { permissions } })),
  remove: (roleId: string) => call(api.DELETE('/api/v1/roles/{id}', id(roleId))),
};

export const sessionsApi = {
  list: (query: Query<'/api/v1/sessions'>) => call(api.GET('/api/v1/sessions', { params: { query } })),
  kick: (sessionId: string) => call(api.DELETE('/api/v1/sessions/{id}', id(sessionId))),
};

export const apiKeysApi = {
  list: (query: Query<'/api/v1/api-keys'>) => call(api.GET('/api/v1/api-keys', { params: { query } })),
  create: (body: Body<'/api/v1/api-keys', 'post'>) => call(api.POST('/api/v1/api-keys', { body })),
  revoke: (keyId: string) => call(api.DELETE('/api/v1/api-keys/{id}', id(keyId))),
};

export const loginLogApi = {
  list: (query: Query<'/api/v1/login-log'>) => call(api.GET('/api/v1/login-log', { params: { query } })),
};

export type UserRow = Awaited<ReturnType<typeof usersApi.list>>['items'][number];
export type Department = Awaited<ReturnType<typeof departmentsApi.list>>[number];
export type Role = Awaited<ReturnType<typeof rolesApi.list>>[number];
export type Permission = Awaited<ReturnType<typeof rolesApi.permissions>>[number];
