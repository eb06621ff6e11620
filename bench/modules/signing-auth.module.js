// A bench-only authenticator for the signing benchmark: one sender who may upload documents
// and create, send and read signing requests, so the benchmark measures signing, not sign-in
// (identity has its own benchmark). Signers use their links, as in production.
import { attachDetails } from '../../packages/server/dist/modules/identity/sessions/principal-details.js';

const userId = '019a0000-0000-7000-8000-00000000b051';
const permissions = [
  'documents.document.read',
  'documents.document.upload',
  'signing.request.read',
  'signing.request.create',
  'signing.template.read',
];

export const modules = [
  {
    name: 'bench-signing-auth',
    install: async (app) => {
      app.setAuthenticator(async (request) => {
        if (request.headers['x-bench-user'] !== userId) return null;
        const principal = {
          kind: 'user',
          id: userId,
          userId,
          username: 'bench-sender',
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
