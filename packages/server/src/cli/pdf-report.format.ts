import type { ValidationReport } from '@signx/pades';

/** A plain, readable summary of a validation report for the terminal. */
export function formatReport(file: string, report: ValidationReport): string {
  const lines = [
    `${file}: ${report.signatures.length} signature(s), ${report.isValid ? 'ALL VALID' : 'NOT VALID'}`,
  ];
  if (report.signatures.length === 0) lines.push('  no signatures found');
  for (const [i, s] of report.signatures.entries()) {
    // Only the certificate the signature verifies against says who signed; /Name is a claim.
    const who = s.signerSubject ?? 'unknown (the signing certificate cannot be read)';
    const role = s.kind === 'document-timestamp' ? 'time-stamped by' : 'signed by';
    lines.push(
      `  #${i + 1} ${s.fieldName} (${s.kind}): ${s.isValid ? 'valid' : 'INVALID'}, level ${s.level}`,
    );
    lines.push(`     ${role} (certificate subject): ${who}`);
    if (s.declaredName !== undefined)
      lines.push(`     declared name (/Name, not verified by the certificate): ${s.declaredName}`);
    for (const note of s.levelNotes ?? []) lines.push(`     level note: ${note}`);
    if (s.claimedTime) lines.push(`     claimed time ${s.claimedTime.toISOString()}`);
    if (s.timestamp)
      lines.push(
        `     time-stamp ${s.timestamp.isValid ? 'valid' : 'INVALID'} ${s.timestamp.genTime?.toISOString() ?? ''}`,
      );
    lines.push(
      `     integrity: digest ${ok(s.digestMatches)}, signature ${ok(s.signatureValid)}; chain ${s.chain.isTrusted ? 'trusted' : 'NOT trusted'}`,
    );
    const problems = [
      ...s.problems,
      ...s.coverage.problems,
      ...s.chain.problems,
      ...s.changes
        .filter((c) => !c.allowed)
        .map((c) => `not allowed after signing: ${c.detail} (object ${c.object})`),
      ...s.nonConformities.map((n) => `PAdES non-conformity: ${n}`),
    ];
    for (const p of problems) lines.push(`     - ${p}`);
  }
  return `${lines.join('\n')}\n`;
}

function ok(v: boolean): string {
  return v ? 'ok' : 'BAD';
}
