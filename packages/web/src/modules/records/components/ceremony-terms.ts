import { ApiError } from '@/platform/api/api-error';
import { type Credentials, recordsApi } from '../records.api';

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
/** The ceremony as a module's own signing route takes it (e.g. `part11` of a signing request). */
export interface Ceremony {
  signature_mean: string;
  reason: string | null;
  session_id: string | null;
  credentials: Credentials;
}
export interface PolicyTerms {
  allowedMeanings: string[];
  requireReason: boolean;
  authenticationFactors: number;
}

/**
 * The terms of the policy in force for this operation (`GET /signature/policy-terms`, open to
 * every signer), or null when none covers it (the server then refuses the signature, 40416).
 */
export async function policyTermsFor(target: SignTarget): Promise<PolicyTerms | null> {
  try {
    const found = await recordsApi.policyTerms(target.resourceType, target.operationType);
    return {
      allowedMeanings: found.allowed_meanings,
      requireReason: found.require_reason,
      authenticationFactors: found.authentication_factors,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
