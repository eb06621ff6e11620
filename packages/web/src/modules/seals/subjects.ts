import { api, call } from '@/platform/api/http-client';
import { departmentsApi, rolesApi, usersApi } from '../identity/identity.api';

/** Who an authorisation names: a user (id), a role (code) or a department (id). */
export type SubjectType = 'user' | 'role' | 'department';
export interface SubjectOption {
  value: string;
  label: string;
}

const userLabel = (u: { full_name?: string | null; username: string }) =>
  `${u.full_name || u.username} (${u.username})`;

/**
 * The identity lists behind the authorisation pickers. Each is empty when the caller may not
 * read it (then the picker falls back to typing the id, and the table shows the id).
 */
export const subjectsApi = {
  roles: async (): Promise<SubjectOption[]> =>
    (await rolesApi.list().catch(() => [])).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
  departments: async (): Promise<SubjectOption[]> =>
    (await departmentsApi.list().catch(() => [])).map((d) => ({ value: d.id, label: d.name })),
  users: async (q: string): Promise<SubjectOption[]> => {
    const query = { page: 1, page_size: 20, sort: 'full_name', status: 'active', q: q || undefined } as const;
    const page = await usersApi.list(query as never).catch(() => ({ items: [] }));
    return page.items.map((u) => ({ value: u.id, label: userLabel(u) }));
  },
  /** Names of the users an authorisation list names, by id (unknown or unreadable: absent). */
  userNames: async (ids: readonly string[]): Promise<Map<string, string>> => {
    const found = await Promise.all(
      [...new Set(ids)].map((id) =>
        call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })).catch(() => null),
      ),
    );
    return new Map(found.flatMap((u) => (u ? [[u.id, userLabel(u)] as const] : [])));
  },
};
