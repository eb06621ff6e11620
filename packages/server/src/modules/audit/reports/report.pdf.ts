import { PDFDocument } from 'pdf-lib';
import type { AuditEventsTable } from '../audit.tables.js';
import type { SignedCheckpoint } from '../checkpoints/checkpoint.js';
import type { VerifyReport } from '../verify/verify.service.js';
import { embedReportFonts, type ReportFontSource } from './report.fonts.js';
import { ReportWriter } from './report.layout.js';

export interface ComplianceReportInput {
  /** The chain the events were selected from. */
  chain: string;
  generatedAt: string;
  generatedBy: string;
  appVersion: string;
  filter: Record<string, unknown>;
  verification: VerifyReport;
  checkpoint: SignedCheckpoint | null;
  keyId: string;
  events: AuditEventsTable[];
}

const TITLE = 'SignX audit compliance report';

/**
 * The compliance report an inspector reads: which chain and period, when and by whom it
 * was generated, whether the whole log verified (with the signed checkpoint it verified
 * against), then the events with their diffs. Text is set in embedded Unicode fonts, so
 * Chinese, Hebrew and other names print as recorded; without those fonts it refuses.
 */
export async function complianceReportPdf(
  input: ComplianceReportInput,
  fontSource?: ReportFontSource,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(TITLE);
  pdf.setCreator(`SignX ${input.appVersion}`);
  pdf.setCreationDate(new Date(input.generatedAt));
  const fonts = await embedReportFonts(pdf, fontSource);
  const writer = new ReportWriter(pdf, fonts);
  writeHeader(writer, input);
  writeIntegrity(writer, input);
  writer.gap(8);
  writer.paragraph(`Events (${input.events.length})`, { size: 12, bold: true });
  for (const event of input.events) writeEvent(writer, event);
  if (input.events.length === 0) writer.paragraph('No events match the selection.');
  writer.footers(`${TITLE} - chain ${input.chain} - generated ${input.generatedAt}`);
  await fonts.finish();
  return pdf.save();
}

function writeHeader(writer: ReportWriter, input: ComplianceReportInput): void {
  const { from, to, chain: _chain, ...others } = input.filter;
  writer.paragraph(TITLE, { size: 16, bold: true });
  writer.gap(4);
  writer.paragraph(`Chain: ${input.chain}`);
  writer.paragraph(`Period: ${from ?? 'start of the log'} to ${to ?? 'the time of this report'}`);
  const [first, last] = [input.events[0], input.events.at(-1)];
  if (first && last)
    writer.paragraph(
      `Events shown: #${first.seq} at ${first.occurred_at} to #${last.seq} at ${last.occurred_at}`,
    );
  const filters = Object.entries(others).filter(([, v]) => v !== undefined);
  writer.paragraph(
    `Filters: ${filters.length > 0 ? filters.map(([k, v]) => `${k} = ${String(v)}`).join(', ') : 'none'}`,
  );
  writer.paragraph(
    `Generated: ${input.generatedAt} (UTC) by ${input.generatedBy}, SignX ${input.appVersion}. All times are UTC.`,
  );
  writer.gap(8);
}

function writeIntegrity(writer: ReportWriter, input: ComplianceReportInput): void {
  const v = input.verification;
  writer.paragraph(
    v.isValid
      ? `Integrity: VERIFIED - all ${v.events} events of ${v.chains.length} chains recomputed`
      : 'Integrity: NOT VERIFIED - the recorded history has been altered',
    { size: 12, bold: true },
  );
  for (const chain of v.chains) {
    const status = chain.broken ? `BROKEN at event ${chain.broken.seq}: ${chain.broken.problem}` : 'intact';
    writer.paragraph(
      `Chain ${chain.chain}: ${chain.events} events, ${chain.checkpoints} signed checkpoints verified - ${status}`,
      { indent: 8 },
    );
  }
  const cp = input.checkpoint;
  if (cp)
    writer.paragraph(
      `Latest checkpoint of chain ${cp.chain}: ${cp.tree_size} events, root ${cp.root_hash}, signed ${cp.created_at} with key ${input.keyId}`,
      { indent: 8 },
    );
  else writer.paragraph(`No signed checkpoint for chain ${input.chain}.`, { indent: 8 });
}

function writeEvent(writer: ReportWriter, event: AuditEventsTable): void {
  writer.gap(3);
  writer.paragraph(`#${event.seq}  ${event.occurred_at}  ${event.action}  ${event.result}`, {
    bold: true,
    keepWith: 1,
  });
  const where = event.ip ? `, ${event.ip}` : '';
  const details = [
    `actor: ${event.actor_name} (${event.actor_type}${where})`,
    `entity: ${event.entity_type}:${event.entity_id ?? '-'}`,
    event.reason && `reason: ${event.reason}`,
    event.meaning && `meaning: ${event.meaning}`,
    ...(event.diff ?? '').split('\n').filter(Boolean),
  ];
  for (const text of details) if (text) writer.paragraph(text, { indent: 14 });
}
