// A bench-only authenticator: every request carrying `x-bench-user: <userId>` is that one user,
// with the given permissions and an all-rows data scope, so a benchmark measures its module
// rather than sign-in (identity has its own benchmark). Each bench's modules file picks the
// user and the permissions.
import { attachDetails } from '../../packages/server/dist/modules/identity/sessions/principal-details.js';

export function benchAuth({ name, userId, username, permissions }) {
  const modules = [
    {
      name,
      install: async (app) => {
        app.setAuthenticator(async (request) => {
          if (request.headers['x-bench-user'] !== userId) return null;
          const principal = {
            kind: 'user',
            id: userId,
            userId,
            username,
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
  return { modules, benchHeaders: { 'x-bench-user': userId } };
}
