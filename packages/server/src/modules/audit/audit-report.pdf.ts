import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import type { AuditEventsTable } from './audit.tables.js';
import type { SignedCheckpoint } from './audit-checkpoint.js';
import type { VerifyReport } from './audit-verify.service.js';

export interface ComplianceReportInput {
  generatedAt: string;
  generatedBy: string;
  appVersion: string;
  filter: Record<string, unknown>;
  verification: VerifyReport;
  checkpoint: SignedCheckpoint | null;
  keyId: string;
  events: AuditEventsTable[];
}

/**
 * The compliance report an inspector reads: what was selected, whether the whole log
 * verified (with the signed checkpoint it verified against), then the events with their
 * diffs. Standard PDF fonts only, so characters outside Latin-1 print as '?'.
 */
export async function complianceReportPdf(input: ComplianceReportInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('SignX audit compliance report');
  pdf.setCreator(`SignX ${input.appVersion}`);
  pdf.setCreationDate(new Date(input.generatedAt));
  const writer = new LineWriter(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  writer.line('SignX audit compliance report', 16, true);
  writer.line(`Generated ${input.generatedAt} by ${input.generatedBy} (SignX ${input.appVersion})`);
  writer.line(`Selection: ${JSON.stringify(input.filter)}`);
  writer.gap();
  writer.line(`Integrity: ${input.verification.isValid ? 'VERIFIED' : 'NOT VERIFIED'}`, 12, true);
  for (const chain of input.verification.chains) {
    const status = chain.broken ? `BROKEN at event ${chain.broken.seq}: ${chain.broken.problem}` : 'intact';
    writer.line(
      `Chain ${chain.chain}: ${chain.events} events, ${chain.checkpoints} signed checkpoints verified - ${status}`,
    );
  }
  if (input.checkpoint) {
    const cp = input.checkpoint;
    writer.line(
      `Latest checkpoint: ${cp.tree_size} events, root ${cp.root_hash}, signed ${cp.created_at}, key ${input.keyId}`,
    );
  }
  writer.gap();
  writer.line(`Events (${input.events.length})`, 12, true);
  for (const event of input.events) {
    writer.line(
      `#${event.seq}  ${event.occurred_at}  ${event.actor_name} (${event.actor_type}${event.ip ? `, ${event.ip}` : ''})  ${event.action}  ${event.entity_type}:${event.entity_id ?? '-'}  ${event.result}`,
      8,
      true,
    );
    const extra = [
      event.reason && `reason: ${event.reason}`,
      event.meaning && `meaning: ${event.meaning}`,
    ].filter(Boolean);
    for (const text of [...extra, ...(event.diff ?? '').split('\n').filter(Boolean)])
      writer.line(`    ${text}`, 8);
  }
  return pdf.save();
}

class LineWriter {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }

  line(text: string, size = 9, isBold = false): void {
    if (this.y < 50) this.page = this.newPage();
    const font = isBold ? this.bold : this.font;
    let safe = latin1(text);
    while (safe.length > 1 && font.widthOfTextAtSize(safe, size) > 515) safe = safe.slice(0, -2);
    this.page.drawText(safe, { x: 40, y: this.y, size, font });
    this.y -= size + 4;
  }

  gap(): void {
    this.y -= 8;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([595.28, 841.89]);
    this.y = 800;
    return page;
  }
}

function latin1(text: string): string {
  return text.replace(/→/g, '->').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}
