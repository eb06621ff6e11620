import type { E2eServer } from './e2e-server';
import { apiCall, linkIn, mailTo } from './flows';

/**
 * Creates `username` (mail at example.test) holding `roles` through the API, then sets
 * `password` from the welcome mail's reset link as the person would; answers the user's id.
 */
export async function createUserWithPassword(
  server: E2eServer,
  token: string,
  user: { username: string; full_name: string; roles: string[] },
  password: string,
): Promise<string> {
  const email = `${user.username}@example.test`;
  const before = server.mail.messages.length;
  const created = await apiCall<{ id: string }>(server.url, token, 'POST', '/users', {
    username: user.username,
    full_name: user.full_name,
    email,
    roles: user.roles,
  });
  const link = linkIn((await mailTo(server.mail, email, before)).text);
  await apiCall(server.url, '', 'POST', '/auth/password/reset', {
    token: decodeURIComponent(new URL(link).hash.replace('#token=', '')),
    new_password: password,
  });
  return created.id;
}

/**
 * The approval suites' people: the role `approval_user` (may use approvals, no second factor)
 * and one user holding it per [username, full name], all with `password`; answers their ids.
 */
export async function createApprovalUsers(
  server: E2eServer,
  token: string,
  people: readonly (readonly [string, string])[],
  password: string,
): Promise<Record<string, string>> {
  await apiCall(server.url, token, 'POST', '/roles', {
    code: 'approval_user',
    name: 'Approval user',
    data_scope: 'all',
    mfa_required: false,
    permissions: ['workflow.approval.use'],
  });
  const ids: Record<string, string> = {};
  for (const [username, full_name] of people)
    ids[username] = await createUserWithPassword(
      server,
      token,
      { username, full_name, roles: ['approval_user'] },
      password,
    );
  return ids;
}
