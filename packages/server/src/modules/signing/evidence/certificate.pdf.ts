import { createTextPdf } from '../text-pdf.js';
import type { EvidenceEvent, EvidenceStatement } from './evidence.service.js';
import { addVerificationQrPage } from './verification-qr.js';

type Language = 'en' | 'he' | 'zh-CN';

/** The certificate's words in each request language. */
const EN = {
  title: 'Certificate of completion',
  request: 'Request',
  record: 'Record',
  created: 'Created',
  completed: 'Completed',
  documents: 'Documents',
  sent: 'As sent',
  final: 'Final (sealed)',
  before: 'before',
  after: 'after',
  signers: 'Signers',
  signature: 'Signature',
  consent: 'Consent',
  events: 'Events',
  verify: 'Verify',
  verifyDoc: 'Verify the PDF itself (upload)',
  issued: 'Issued by SignX and sealed with the platform seal (PAdES).',
};
const WORDS: Record<Language, typeof EN> = {
  en: EN,
  he: {
    title: 'תעודת השלמה',
    request: 'בקשה',
    record: 'רשומה',
    created: 'נוצרה',
    completed: 'הושלמה',
    documents: 'מסמכים',
    sent: 'כפי שנשלח',
    final: 'סופי (חתום)',
    before: 'לפני',
    after: 'אחרי',
    signers: 'חותמים',
    signature: 'חתימה',
    consent: 'הסכמה',
    events: 'אירועים',
    verify: 'אימות',
    verifyDoc: 'אימות קובץ ה-PDF עצמו (העלאה)',
    issued: 'הונפקה על ידי SignX ונחתמה בחותמת הפלטפורמה (PAdES).',
  },
  'zh-CN': {
    title: '完成证书',
    request: '请求',
    record: '记录',
    created: '创建时间',
    completed: '完成时间',
    documents: '文件',
    sent: '发送时',
    final: '最终（已盖章）',
    before: '之前',
    after: '之后',
    signers: '签署人',
    signature: '签名',
    consent: '同意',
    events: '事件',
    verify: '验证',
    verifyDoc: '验证 PDF 文件本身（上传）',
    issued: '由 SignX 签发，并以平台印章（PAdES）签署。',
  },
};

const EVENT_WORDS: Record<Language, Record<string, string>> = {
  en: {
    created: 'created',
    completed: 'completed',
    sealed: 'sealed',
    signer_added: 'added',
    sent: 'sent',
    viewed: 'viewed',
    signed: 'signed',
    declined: 'declined',
  },
  he: {
    created: 'נוצרה',
    completed: 'הושלמה',
    sealed: 'נחתמה בחותמת',
    signer_added: 'נוסף',
    sent: 'נשלח',
    viewed: 'נצפה',
    signed: 'נחתם',
    declined: 'סירב',
  },
  'zh-CN': {
    created: '已创建',
    completed: '已完成',
    sealed: '已盖章',
    signer_added: '已添加',
    sent: '已发送',
    viewed: '已查看',
    signed: '已签署',
    declined: '已拒绝',
  },
};

function eventLine(language: Language, e: EvidenceEvent): string {
  const kind = e.action.replace(/^signing\.(request|signature)\./, '');
  return `${EVENT_WORDS[language][kind] ?? kind} ${e.occurred_at} · IP ${e.ip ?? '-'} · ${e.user_agent ?? '-'}`;
}

/**
 * The certificate of completion of a request, in its language (Hebrew right to left,
 * Chinese through the CJK font): the request, each document's SHA-256 as sent, before and
 * after each signature and sealed, each signer's events with time, IP and user agent, the
 * consent they gave, and where to verify. Unsigned: the caller seals it (PAdES).
 */
export async function certificatePdf(
  statement: EvidenceStatement,
  links: {
    signature: (number: string) => string;
    document: string;
    /** The public pages the QR codes open (per signature, and the upload check). */
    pages?: { signature: (number: string) => string; upload: string };
  },
): Promise<Uint8Array> {
  const language = (['en', 'he', 'zh-CN'] as const).find((l) => l === statement.request.language) ?? 'en';
  const w = WORDS[language];
  const { doc, out } = await createTextPdf(language === 'he');
  const r = statement.request as Record<string, string | null>;
  doc.setTitle(`${w.title} ${r.request_number}`);
  doc.setLanguage(language);
  doc.setCreator('SignX');
  out.line(w.title, 18);
  out.gap();
  out.line(`${w.request}: ${r.request_number} — ${r.title}`, 11);
  out.line(`${w.record}: ${r.entity_type} #${r.entity_id}`);
  out.line(`${w.created}: ${r.created_at}`);
  out.line(`${w.completed}: ${r.completed_at}`);
  out.line(`${w.events}:`, 9);
  for (const e of statement.request_events) out.line(eventLine(language, e), 8, 12);
  out.gap(10);
  out.line(w.documents, 14);
  for (const d of statement.documents) {
    out.line(`${d.document_id}`, 10);
    out.line(`${w.sent} (v${d.sent.version}) SHA-256 ${d.sent.sha256}`, 8, 12);
    for (const h of d.history) {
      out.line(`${h.by}${h.signature_number ? ` (${h.signature_number})` : ''}:`, 9, 12);
      out.line(`${w.before} ${h.before}`, 8, 24);
      out.line(`${w.after} (v${h.after.version}) ${h.after.sha256}`, 8, 24);
    }
    out.line(`${w.final} (v${d.final.version}) SHA-256 ${d.final.sha256}`, 8, 12);
  }
  out.gap(10);
  out.line(w.signers, 14);
  for (const s of statement.signers) {
    out.gap(4);
    out.line(`${s.signer_name}${s.signer_email ? ` <${s.signer_email}>` : ''} — ${s.role}, ${s.status}`, 11);
    const sig = s.signature as Record<string, string | boolean | null> | null;
    if (sig) {
      out.line(`${w.signature}: ${sig.signature_number} (${sig.signature_type}) ${sig.signed_at}`, 9, 12);
      out.line(`IP ${sig.ip_address ?? '-'} · ${sig.user_agent ?? '-'}`, 8, 12);
      out.line(`${w.consent}: ${sig.consent_text}`, 9, 12);
      out.line(`${w.verify}: ${links.signature(String(sig.signature_number))}`, 8, 12);
    }
    out.line(`${w.events}:`, 9, 12);
    for (const e of s.events) out.line(eventLine(language, e), 8, 24);
  }
  out.gap(10);
  out.line(`${w.verifyDoc}: ${links.document}`, 9);
  out.line(w.issued, 9);
  if (links.pages) {
    const { signature, upload } = links.pages;
    const numbers = statement.signers
      .map((s) => (s.signature as Record<string, unknown> | null)?.signature_number)
      .filter((n): n is string => typeof n === 'string');
    await addVerificationQrPage(doc, [
      ...numbers.map((n) => ({ label: n, url: signature(n) })),
      { label: 'PDF upload', url: upload },
    ]);
  }
  await out.finish();
  return doc.save({ useObjectStreams: false });
}
