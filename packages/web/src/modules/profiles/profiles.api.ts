import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type SaveProfile = paths['/api/v1/profiles']['post']['requestBody']['content']['application/json'];
export type ProfileSettings = SaveProfile['settings'];
export type ProfileScope = SaveProfile['scope_type'];
export type ResolveQuery = NonNullable<paths['/api/v1/profiles/resolve']['get']['parameters']['query']>;

export const profilesApi = {
  list: () => call(api.GET('/api/v1/profiles')),
  detail: (id: string) => call(api.GET('/api/v1/profiles/{id}', { params: { path: { id } } })),
  save: (body: SaveProfile) => call(api.POST('/api/v1/profiles', { body })),
  /** The server's built-in platform default (seed 002's floor): what a new profile starts from. */
  defaults: () => call(api.GET('/api/v1/profiles/default')),
  resolve: (query: ResolveQuery) => call(api.GET('/api/v1/profiles/resolve', { params: { query } })),
  /** Departments and signature templates for the scope pickers (empty without the permission). */
  departments: async () => {
    try {
      return (await call(api.GET('/api/v1/departments'))).map((d) => ({ value: d.id, label: d.name }));
    } catch {
      return [];
    }
  },
  /** Active organisation certificates and active seals, for the profile's signer pickers. */
  certificates: async () => {
    try {
      const page = await call(
        api.GET('/api/v1/keys/certificates', {
          params: { query: { page: 1, page_size: 100, sort: 'legal_name', state: 'active' } },
        }),
      );
      return page.items.map((c) => ({ value: c.id, label: c.legal_name }));
    } catch {
      return [];
    }
  },
  seals: async () => {
    try {
      const page = await call(
        api.GET('/api/v1/seals', {
          params: { query: { page: 1, page_size: 100, sort: 'name', status: 'active' } },
        }),
      );
      return page.items.map((s) => ({ value: s.id, label: `${s.name} (${s.organisation})` }));
    } catch {
      return [];
    }
  },
  templates: async () => {
    try {
      const page = await call(
        api.GET('/api/v1/digital-signature/templates', { params: { query: { page: 1, page_size: 100 } } }),
      );
      return page.items.map((t) => ({ value: t.id, label: `${t.template_name} (${t.template_code})` }));
    } catch {
      return [];
    }
  },
};

export type Profile = Awaited<ReturnType<typeof profilesApi.list>>['items'][number];
export type ProfileVersion = Awaited<ReturnType<typeof profilesApi.detail>>['versions'][number];
export type Resolved = Awaited<ReturnType<typeof profilesApi.resolve>>;

export interface ScopeOption {
  value: string;
  label: string;
}
/** Departments and signature templates by id, for pickers and for naming scopes. */
export interface ScopeOptions {
  departments: ScopeOption[];
  templates: ScopeOption[];
}

export const scopeTypes = ['organisation', 'department', 'template', 'platform'] as const;
export const padesLevels = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export const revocationModes = ['embedded', 'online', 'off'] as const;
export const keyUsages = ['digitalSignature', 'nonRepudiation'] as const;
export const curves = ['P-256', 'P-384', 'P-521'] as const;
export const hashes = ['SHA-256', 'SHA-384', 'SHA-512'] as const;
export const appearanceFields = [
  'name',
  'date',
  'reason',
  'meaning',
  'organisation',
  'location',
  'certificate',
] as const;
export const appearanceLanguages = ['zh-CN', 'en', 'he'] as const;
export const appearanceFonts = [
  'Noto Sans',
  'Noto Serif',
  'Noto Sans SC',
  'Noto Serif SC',
  'Noto Sans Hebrew',
] as const;
export const appearanceTemplates = ['standard', 'compact', 'detailed', 'seal'] as const;
