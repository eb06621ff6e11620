import type { Static } from '@sinclair/typebox';
import { PDFDocument } from 'pdf-lib';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { documents } from '../documents/index.js';
import { fieldErrors } from './fields.errors.js';
import { type FieldRow, fieldsOf, insertFields } from './fields.repository.js';
import type { newField } from './fields.schemas.js';
import type * as repo from './requests.repository.js';
import type { SigningDeps } from './signing.deps.js';
import { SIGNING_ROLES } from './signing.policy.js';

export type NewField = Static<typeof newField>;

const bad = (index: number, message: string) =>
  domainError(fieldErrors.FIELD_PLACEMENT_INVALID, `fields[${index}]: ${message}`, {
    details: { field_index: index },
  });

/** Page counts of the request's documents, read from the PDFs as they are now. */
async function pageCounts(deps: SigningDeps, docs: readonly repo.RequestDocumentRow[]) {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const pdf = await PDFDocument.load(await documents.read(deps.ctx, d.current_sha256), {
      updateMetadata: false,
      ignoreEncryption: true,
    });
    counts.set(d.document_id, pdf.getPageCount());
  }
  return counts;
}

/**
 * Validates the fields placed for a new request and stores them (in the creating
 * transaction, so a bad field leaves nothing behind): each names a signing party of the
 * request (fields of an assistant's signer are what the assistant pre-fills), a document of
 * the request and a page it has; the box lies on the page; dropdowns carry their options.
 */
export async function placeFields(
  trx: Trx,
  deps: SigningDeps,
  input: {
    request: repo.RequestRow;
    signers: readonly repo.SignerRow[];
    docs: readonly repo.RequestDocumentRow[];
  },
  fields: readonly NewField[],
): Promise<void> {
  if (fields.length === 0) return;
  const counts = await pageCounts(deps, input.docs);
  const at = input.request.created_at;
  const rows: FieldRow[] = fields.map((f, index) => {
    const signer = input.signers[f.signer_index];
    if (!signer) throw bad(index, `signer_index ${f.signer_index} names no signer of this request`);
    if (!SIGNING_ROLES.has(signer.role))
      throw bad(index, `signer ${f.signer_index} (${signer.role}) does not sign, so has no fields`);
    const documentId = f.document_id ?? input.docs[0]?.document_id;
    const pages = documentId === undefined ? undefined : counts.get(documentId);
    if (documentId === undefined || pages === undefined)
      throw bad(index, `document ${f.document_id} is not a document of this request`);
    if (f.page > pages) throw bad(index, `page ${f.page} is beyond the document's ${pages} page(s)`);
    // A hundredth of a percent of slack: the placer rounds to tenths.
    if (f.x + f.width > 100.01 || f.y + f.height > 100.01)
      throw bad(index, 'the box reaches beyond the page');
    const hasOptions = (f.options ?? []).length > 0;
    if (f.field_type === 'dropdown' && !hasOptions) throw bad(index, 'a dropdown needs options');
    if (f.field_type !== 'dropdown' && hasOptions) throw bad(index, 'only dropdowns take options');
    return {
      id: newId(),
      request_id: input.request.id,
      signer_id: signer.id,
      document_id: documentId,
      position: index,
      field_type: f.field_type,
      page: f.page,
      x: f.x,
      y: f.y,
      width: f.width,
      height: f.height,
      required: f.required === false ? 0 : 1,
      label: f.label ?? null,
      options: hasOptions ? encodeJson(f.options) : null,
      value: null,
      filled_by: null,
      filled_at: null,
      created_at: at,
    };
  });
  await insertFields(trx, rows);
}

/** The fields a party fills: a signer's own; an assistant's are those of the signer it assists. */
export async function fieldsFor(db: DbOrTrx, signer: repo.SignerRow): Promise<FieldRow[]> {
  const target = signer.role === 'assistant' ? signer.assists_signer_id : signer.id;
  const all = await fieldsOf(db, [signer.request_id]);
  return all.filter((f) => f.signer_id === target);
}

export const isMarkField = (f: Pick<FieldRow, 'field_type'>) =>
  f.field_type === 'signature' || f.field_type === 'initials';

/** A field as the signing page and the sender see it. */
export function presentField(f: FieldRow) {
  return {
    id: f.id,
    signer_id: f.signer_id,
    field_type: f.field_type,
    document_id: f.document_id,
    page: f.page,
    x: f.x,
    y: f.y,
    width: f.width,
    height: f.height,
    required: f.required === 1,
    label: f.label,
    options: f.options ? (decodeJson<string[]>(f.options) ?? null) : null,
    // Marks are shown as "signed" (the picture is in the PDF), never echoed back.
    value: isMarkField(f) ? (f.value === null ? null : 'signed') : f.value,
    filled_at: f.filled_at,
  };
}

/** Every field of a request, as presented (the sender's view). */
export async function requestFields(db: DbOrTrx, requestId: string) {
  return (await fieldsOf(db, [requestId])).map(presentField);
}

/** The fields of one signer, as presented (what an assistant filled for them). */
export async function signerFields(db: DbOrTrx, requestId: string, signerId: string | null) {
  return (await fieldsOf(db, [requestId])).filter((f) => f.signer_id === signerId).map(presentField);
}
