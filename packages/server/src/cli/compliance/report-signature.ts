import { createHash } from 'node:crypto';
import {
  buildPadesSignedData,
  type Signer,
  type Timestamper,
  validate,
  verifyChain,
  verifySignedData,
} from '@signx/pades';
import { PDFDocument } from 'pdf-lib';

/**
 * A detached CMS (CAdES) signature over the report's JSON bytes with the platform seal, time-
 * stamped by the platform TSA: `openssl cms -verify -binary -inform DER -in report.json.p7s
 * -content report.json -CAfile root.pem` checks it without SignX.
 */
export async function signJson(json: Uint8Array, signer: Signer, timestamper: Timestamper) {
  const digest = createHash('sha256').update(json).digest();
  return buildPadesSignedData({ signer, documentDigest: digest, timestamper });
}

/** What `signx compliance verify` found: valid only when every check passed. */
export interface ReportVerification {
  isValid: boolean;
  problems: string[];
  signer?: string;
}

/** Checks the detached signature over the JSON and its certificate path to the trust anchors. */
export async function verifyJson(json: Uint8Array, p7s: Uint8Array, trustAnchors: Uint8Array[]) {
  const problems: string[] = [];
  const cms = await verifySignedData(p7s, (hash) =>
    createHash(hash.replace('-', '').toLowerCase()).update(json).digest(),
  );
  for (const p of cms.problems) problems.push(`JSON signature: ${p.message}`);
  if (!cms.signerCertificate) return { problems, subject: undefined };
  const at = cms.timestamps[0]?.genTime;
  const chain = await verifyChain(cms.signerCertificate, {
    trustAnchors,
    intermediates: cms.certificates,
    revocation: 'off',
    ...(at ? { at } : {}),
  });
  for (const p of chain.problems) problems.push(`JSON signer certificate: ${p.message}`);
  return { problems, subject: chain.path[0]?.subject };
}

/** The report's PDF: its PAdES signatures valid, and it renders this JSON (its SHA-256 in the subject). */
export async function verifyPdf(pdf: Uint8Array, json: Uint8Array, trustAnchors: Uint8Array[]) {
  const problems: string[] = [];
  const report = await validate(pdf, { trustAnchors, revocation: 'embedded' });
  if (report.signatures.length === 0) problems.push('PDF: not signed');
  for (const s of report.signatures)
    if (!s.isValid) problems.push(`PDF signature ${s.fieldName}: ${s.problems.join('; ')}`);
  const subject = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject() ?? '';
  if (!subject.includes(sha256Hex(json)))
    problems.push('PDF: renders another report (its JSON SHA-256 differs)');
  return problems;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
