import { type Signer, signPdf, type Timestamper } from '@signx/pades';
import { createTextPdf } from '../../modules/signing/text-pdf.js';
import type { ComplianceReport } from './report.js';
import { sha256Hex } from './report-signature.js';

/**
 * The human-readable copy of the report (§11.10(b)): the same table as the JSON, clause by
 * clause, with the JSON's SHA-256 in the document subject (so verify can tie the two), signed
 * PAdES B-T with the platform seal.
 */
export async function reportPdf(
  report: ComplianceReport,
  json: Uint8Array,
  signing: { signer: Signer; timestamper: Timestamper },
): Promise<Uint8Array> {
  const { doc, out } = await createTextPdf(false);
  doc.setTitle('SignX validation report (21 CFR Part 11, EU GMP Annex 11)');
  doc.setSubject(`report.json SHA-256 ${sha256Hex(json)}`);
  doc.setProducer('signx compliance report');
  out.line('SignX validation report — 21 CFR Part 11 and EU GMP Annex 11', 14);
  out.line(`Generated ${report.generated_at} · commit ${report.commit} · Node.js ${report.node_version}`, 9);
  out.line(`SignX ${report.signx_version} · report.json SHA-256 ${sha256Hex(json)}`, 9);
  const s = report.summary;
  out.line(
    `${s.clauses} clauses, ${s.tests} tests: ${s.passed} passed, ${s.failed} failed, ${s.missing} missing`,
    10,
  );
  for (const c of report.clauses) {
    out.gap(8);
    out.line(`${c.pack === 'part11' ? '21 CFR Part 11' : 'Annex 11'} ${c.clause} — ${c.result}`, 11);
    out.line(`SignX: ${c.signx_responsibility}`, 8, 8);
    out.line(`Customer: ${c.customer_responsibility}`, 8, 8);
    for (const t of c.tests) {
      const outcome = `${t.status.toUpperCase()} ${t.duration_ms} ms${t.failure ? ` (${t.failure})` : ''}`;
      out.line(`${outcome} · ${t.file} — "${t.name}"`, 8, 16);
    }
    if (c.tests.length === 0) out.line(`Evidence: ${c.evidence}`, 8, 8);
  }
  await out.finish();
  const bytes = await doc.save({ useObjectStreams: false });
  return signPdf(bytes, {
    signer: signing.signer,
    level: 'B-T',
    timestamper: signing.timestamper,
    name: 'SignX validation report',
    reason: 'Validation report of the automated tests named in the compliance packs',
  });
}
