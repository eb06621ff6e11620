/**
 * The identity module's public face. Other modules use:
 * - `definePermissions(module, {...})` to declare the action codes their routes check;
 * - `dataScopeOf(principal)` + `applyDataScope(query, scope, columns)` on list AND detail queries;
 * - `departmentHeadAbove(db, {userId, levels})` for approval chains;
 * - `teamsOfUser`, `teamById`, `teamAdmins` where a team (a department) owns something;
 * - `verifySigningReauthentication(trx, ctx, {proof, userId, sessionId})` before a signature;
 * - `createPasskeyAssertionOptions(ctx, {userId, sessionId})` and
 *   `verifyPasskeyAssertion(ctx, {userId, sessionId, challengeId, response, requireUserVerification})`
 *   for a passkey (WebAuthn) factor, e.g. in the signing ceremony;
 * - `usersByIds(db, ids)` to show who did something (never the users table directly);
 * - `activeUsersWithRole(db, roleCode)` for the approval engine's role approvers;
 * - `maskPhone` for the same column masking rule;
 * - `credentialInventory(ctx, principal, filter, page)` for the §11.300 credential report;
 * - `callbackPrincipal(ctx, credential)` for an inbound callback credential (acts like an API key);
 * - `signingFactors` for the Part 11 signing ceremony (password, TOTP, PIN through the one secret verifier).
 */

export { callbackPrincipal } from './api-keys/api-key-auth.js';
export { type SignerIdentity, signingFactors } from './auth/signing-factors.service.js';
export {
  type CredentialState,
  credentialInventory,
  dormantAccountDays,
  sweepDormantAccounts,
} from './credentials/credentials.service.js';
export { departmentHeadAbove } from './departments/department-head.js';
export { type Team, teamAdmins, teamById, teamsOfUser } from './departments/teams.js';
export { identityModule } from './identity.module.js';
export {
  requireAdministrativeReauthentication,
  verifySigningReauthentication,
} from './mfa/step-up-proof.service.js';
export {
  createPasskeyAssertionOptions,
  type VerifiedPasskey,
  type VerifyPasskeyAssertionInput,
  verifyPasskeyAssertion,
} from './passkeys/passkey-assertion.service.js';
export type { DataScope, ScopeColumns } from './roles/data-scope.js';
export { applyDataScope, dataScopeCondition } from './roles/data-scope.repository.js';
export { declaredPermissions, definePermissions } from './roles/permission-catalogue.js';
export { dataScopeOf } from './sessions/principal-details.js';
export { maskPhone } from './shared/masking.js';
export { activeUsersWithRole, type UserSummary, usersByIds } from './users/user-lookup.js';
