// A bench-only authenticator: every request is one user who may do everything with
// documents and document templates and sees every row, so the documents benchmark measures
// filing, generating and serving, not sign-in (identity has its own benchmark).
import { attachDetails } from '../../packages/server/dist/modules/identity/sessions/principal-details.js';

const userId = '019a0000-0000-7000-8000-00000000b001';
const permissions = [
  'documents.document.read',
  'documents.document.upload',
  'documents.document.delete',
  'documents.document.hold',
  'doc_templates.template.read',
  'doc_templates.template.manage',
  'doc_templates.batch.run',
];

export const modules = [
  {
    name: 'bench-documents-auth',
    install: async (app) => {
      app.setAuthenticator(async (request) => {
        if (request.headers['x-bench-user'] !== userId) return null;
        const principal = {
          kind: 'user',
          id: userId,
          userId,
          username: 'bench',
          permissions: new Set(permissions),
          sessionId: null,
          authMethod: 'password',
        };
        return attachDetails(principal, {
          scope: { all: true, userId },
          departmentId: null,
          roleCodes: [],
          mfaRequired: false,
          authzVersion: 0,
        });
      });
    },
  },
];
export const benchHeaders = { 'x-bench-user': userId };
