import { recordsApi } from '../records.api';

/** What the signing ceremony signs: one version of one record, for one operation. */
export interface SignTarget {
  resourceType: string;
  resourceId: string;
  operationType: string;
  /** What the person recognises the record by (title, number). */
  label?: string;
  recordVersion?: string;
  recordHash?: string;
}
export interface PolicyTerms {
  allowedMeanings: string[];
  requireReason: boolean;
  authenticationFactors: number;
}

/** The policy in force for this operation, when the caller did not pass it and may read it. */
export async function policyTermsFor(
  target: SignTarget,
  canReadPolicies: boolean,
): Promise<PolicyTerms | null> {
  if (!canReadPolicies) return null;
  const page = await recordsApi.policies({
    resource_type: target.resourceType,
    page: 1,
    page_size: 100,
    sort: '-created_at',
  });
  const found = page.items.find((p) => p.operation_type === target.operationType && p.is_current);
  return found
    ? {
        allowedMeanings: found.allowed_meanings,
        requireReason: found.require_reason,
        authenticationFactors: found.authentication_factors,
      }
    : null;
}
