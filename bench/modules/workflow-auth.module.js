// The workflow benchmark's users: every request carrying `x-bench-user: <id>` whose id starts
// with the bench prefix is that user, with the workflow permissions and an all-rows scope, so
// the benchmark measures the approval engine rather than sign-in (identity has its own
// benchmark). Several users are needed: an initiator and the approvers of the nodes.
import { attachDetails } from '../../packages/server/dist/modules/identity/sessions/principal-details.js';

const prefix = '019a0000-0000-7000-8000-';
export const benchUser = (n) => `${prefix}${String(n).padStart(12, '0')}`;
const permissions = ['workflow.definition.read', 'workflow.definition.manage', 'workflow.approval.use'];

export const modules = [
  {
    name: 'bench-workflow-auth',
    install: async (app) => {
      app.setAuthenticator(async (request) => {
        const userId = request.headers['x-bench-user'];
        if (typeof userId !== 'string' || !userId.startsWith(prefix)) return null;
        const principal = {
          kind: 'user',
          id: userId,
          userId,
          username: `bench-${userId.slice(-4)}`,
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
