import { type ComponentName, type Credentials, recordsApi, type SignatureRequest } from '../records.api';
import type { Ceremony, SignTarget } from './ceremony-terms';

/** What the person entered in the ceremony dialog. */
export interface CeremonyInput {
  userId: string;
  target: SignTarget;
  meaning: string | undefined;
  reason: string;
  /** Whether this continues a signing session (one private component) or starts one (full ceremony). */
  continuing: boolean;
  sessionId: string | null;
  chosen: ComponentName[];
  password: string;
  totp: string;
  pin: string;
  locale: string;
}

/** The components chosen, the password only when a ceremony starts (a passkey asks the browser). */
async function credentialsOf(input: CeremonyInput): Promise<Credentials> {
  const credentials: Credentials = {};
  if (!input.continuing) credentials.password = input.password;
  if (input.chosen.includes('totp')) credentials.totp = input.totp.trim();
  if (input.chosen.includes('pin')) credentials.pin = input.pin;
  if (input.chosen.includes('passkey')) credentials.passkey = await recordsApi.passkeyComponent();
  return credentials;
}

/** `POST /signature/create`'s body for what the dialog holds. */
export async function signatureRequest(input: CeremonyInput): Promise<SignatureRequest> {
  const { target, continuing } = input;
  return {
    userId: input.userId,
    resourceType: target.resourceType,
    resourceId: target.resourceId,
    operationType: target.operationType,
    signatureMean: input.meaning?.trim(),
    reason: input.reason.trim() || null,
    credentials: await credentialsOf(input),
    authenticationMethod: [...(continuing ? [] : ['password']), ...input.chosen].join('+'),
    // Captions of the PDF appearance when the record is a PDF document version (§11.50).
    language: (['en', 'zh-CN', 'he'] as const).find((l) => l === input.locale) ?? 'en',
    ...(target.recordVersion ? { recordVersion: target.recordVersion } : {}),
    ...(target.recordHash ? { recordHash: target.recordHash } : {}),
    ...(continuing ? { sessionId: input.sessionId } : {}),
  };
}

/** The same ceremony as a module's own signing route takes it (`submit` of the dialog). */
export function moduleCeremony(request: SignatureRequest): Ceremony {
  return {
    signature_mean: request.signatureMean ?? '',
    reason: request.reason ?? null,
    session_id: request.sessionId ?? null,
    credentials: request.credentials ?? {},
  };
}
