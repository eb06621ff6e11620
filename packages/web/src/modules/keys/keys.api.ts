import { api, call } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

export type CertificateQuery = NonNullable<paths['/api/v1/keys/certificates']['get']['parameters']['query']>;
export type NewCertificate =
  paths['/api/v1/keys/certificates']['post']['requestBody']['content']['application/json'];
export type ImportCertificate =
  paths['/api/v1/keys/certificates/import']['post']['requestBody']['content']['application/json'];
const byId = (id: string) => ({ params: { path: { id } } });

export const keysApi = {
  list: (query: CertificateQuery) => call(api.GET('/api/v1/keys/certificates', { params: { query } })),
  generate: (body: NewCertificate) => call(api.POST('/api/v1/keys/certificates', { body })),
  importPkcs12: (body: ImportCertificate) => call(api.POST('/api/v1/keys/certificates/import', { body })),
  rotate: (id: string) => call(api.POST('/api/v1/keys/certificates/{id}/rotate', { ...byId(id), body: {} })),
  revoke: (id: string, reason: 'keyCompromise' | 'cessationOfOperation' | 'superseded' | 'unspecified') =>
    call(api.POST('/api/v1/keys/certificates/{id}/revoke', { ...byId(id), body: { reason } })),
  selfTest: () => call(api.POST('/api/v1/keys/self-test')),
  platform: () => call(api.GET('/api/v1/keys/platform')),
};

export type Certificate = Awaited<ReturnType<typeof keysApi.list>>['items'][number];
export type PlatformKey = Awaited<ReturnType<typeof keysApi.platform>>[number];
export const stateColor: Record<string, string> = { active: 'green', superseded: 'blue', revoked: 'red' };
