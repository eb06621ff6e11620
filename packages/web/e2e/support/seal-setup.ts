import type { E2eServer } from './e2e-server';
import { apiCall } from './flows';

/**
 * Through the API: a contract seal `name` of the organisation `legalName` (its certificate
 * kept in a file), which the admin of `token` may use from yesterday for 30 days. With
 * `approval`, each use needs a seal-use approval: a published start → admin → end workflow
 * of that key and name. Answers the seal id.
 */
export async function adminSeal(
  server: E2eServer,
  token: string,
  options: { legalName: string; name: string; approval?: { key: string; name: string } },
): Promise<string> {
  const certificate = await apiCall<{ id: string }>(server.url, token, 'POST', '/keys/certificates', {
    legal_name: options.legalName,
    uscc: '91350100M000100Y43',
    storage: 'file',
  });
  const seal = await apiCall<{ id: string }>(server.url, token, 'POST', '/seals', {
    organisation: options.legalName,
    seal_type: 'contract',
    name: options.name,
    certificate_id: certificate.id,
  });
  const me = (await apiCall<{ user: { id: string } }>(server.url, token, 'GET', '/me')).user;
  let workflow: { requires_approval: true; workflow_definition_id: string } | undefined;
  if (options.approval) {
    const definition = await apiCall<{ id: string }>(server.url, token, 'POST', '/workflows', {
      ...options.approval,
      body: {
        form: { fields: [] },
        process: [
          { id: 'start', type: 'start' },
          { id: 'boss', type: 'approval', name: 'Boss', approvers: [{ type: 'user', user_ids: [me.id] }] },
          { id: 'end', type: 'end' },
        ],
      },
    });
    await apiCall(server.url, token, 'POST', `/workflows/${definition.id}/publish`);
    workflow = { requires_approval: true, workflow_definition_id: definition.id };
  }
  const day = 86_400_000;
  await apiCall(server.url, token, 'POST', `/seals/${seal.id}/authorisations`, {
    subject_type: 'user',
    subject_id: me.id,
    valid_from: new Date(Date.now() - day).toISOString(),
    valid_until: new Date(Date.now() + 30 * day).toISOString(),
    ...workflow,
  });
  return seal.id;
}
