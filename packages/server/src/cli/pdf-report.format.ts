import type { ValidationReport } from '@signx/pades';

/** A plain, readable summary of a validation report for the terminal. */
export function formatReport(file: string, report: ValidationReport): string {
  const lines = [
    `${file}: ${report.signatures.length} signature(s), ${report.isValid ? 'ALL VALID' : 'NOT VALID'}`,
  ];
  if (report.signatures.length === 0) lines.push('  no signatures found');
  for (const [i, s] of report.signatures.entries()) {
    const who = s.signerName ?? s.signerSubject ?? 'unknown signer';
    lines.push(
      `  #${i + 1} ${s.fieldName} (${s.kind}) by ${who}: ${s.isValid ? 'valid' : 'INVALID'}, level ${s.level}`,
    );
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
