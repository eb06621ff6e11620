import type { Printout } from './printout.service.js';
import { signingTools } from './signing-tools.js';

/** Captions of the printout in the three UI languages (Hebrew set right to left). */
const CAPTIONS: Record<string, Record<string, string>> = {
  en: {
    title: 'Electronic signature record',
    signer: 'Signed by',
    time: 'Date and time',
    meaning: 'Meaning',
    reason: 'Reason',
    record: 'Record',
    hash: 'Record SHA-256',
    pdf: 'Signed PDF version',
    status: 'Verification',
    valid: 'valid',
    invalid: 'NOT valid',
    changes: 'Fields changed since first entry',
    none: 'none',
    original: 'original',
    now: 'now',
    checked: 'Checked at',
  },
  'zh-CN': {
    title: '电子签名记录',
    signer: '签署人',
    time: '日期和时间',
    meaning: '含义',
    reason: '原因',
    record: '记录',
    hash: '记录 SHA-256',
    pdf: '已签名的 PDF 版本',
    status: '验证',
    valid: '有效',
    invalid: '无效',
    changes: '首次录入后更改的字段',
    none: '无',
    original: '原值',
    now: '现值',
    checked: '验证时间',
  },
  he: {
    title: 'רשומת חתימה אלקטרונית',
    signer: 'נחתם על ידי',
    time: 'תאריך ושעה',
    meaning: 'משמעות',
    reason: 'סיבה',
    record: 'רשומה',
    hash: 'SHA-256 של הרשומה',
    pdf: 'גרסת PDF חתומה',
    status: 'אימות',
    valid: 'תקף',
    invalid: 'לא תקף',
    changes: 'שדות ששונו מאז ההזנה הראשונה',
    none: 'אין',
    original: 'ערך מקורי',
    now: 'כעת',
    checked: 'נבדק ב',
  },
};

/** The printout as an A4 PDF (Annex 11 §8.1): every line readable without SignX. */
export async function printoutPdf(p: Printout): Promise<Uint8Array> {
  const c = CAPTIONS[p.language] ?? CAPTIONS.en!;
  const { doc, out } = await (await signingTools()).createTextPdf(p.language === 'he');
  doc.setTitle(`${c.title} ${p.signature_id}`);
  out.line(c.title!, 16);
  out.line(p.signature_id, 9);
  out.line(`${c.signer}: ${p.signer_name}`, 11);
  out.line(`${c.time}: ${p.time_display}`, 11);
  out.line(`${c.meaning}: ${p.meaning_label}`, 11);
  if (p.reason) out.line(`${c.reason}: ${p.reason}`, 11);
  out.line(`${c.record}: ${p.resource_type} ${p.resource_id} v${p.record_version} (${p.operation_type})`, 10);
  out.line(`${c.hash}: ${p.record_sha256}`, 9);
  if (p.pades_document_version !== null)
    out.line(`${c.pdf}: v${p.pades_document_version} ${p.pades_sha256 ?? ''}`, 9);
  out.line(`${c.status}: ${p.verification.valid ? c.valid : c.invalid}`, 12);
  for (const problem of p.verification.problems) out.line(`- ${problem}`, 9, 12);
  out.line(`${c.checked}: ${p.verification.checked_at}`, 9);
  out.line(`${c.changes}:`, 12);
  if (p.changed_fields.length === 0) out.line(c.none!, 10, 12);
  for (const f of p.changed_fields)
    out.line(
      `* ${f.field} [${f.source}] — ${c.original}: ${f.original ?? '∅'}; ${c.now}: ${f.current ?? '∅'}` +
        (f.changed_at ? ` (${f.changed_at}${f.changed_by ? `, ${f.changed_by}` : ''})` : ''),
      10,
      12,
    );
  await out.finish();
  return doc.save({ useObjectStreams: false });
}
