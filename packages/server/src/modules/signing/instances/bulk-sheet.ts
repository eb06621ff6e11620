import { domainError } from '../../../platform/errors.js';
import { readSpreadsheet, SpreadsheetError } from '../../document-templates/index.js';
import { instanceLimits } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import type { Party } from './instantiate.service.js';
import type { RoleRow } from './template-setup.repository.js';

/**
 * A bulk-send file, treated as hostile: size-capped by the upload reader, its kind decided by
 * content (a ZIP is an XLSX, checked against zip-bomb limits from its declared directory before
 * ExcelJS unpacks it; otherwise it must be UTF-8 text without NUL bytes, read as CSV), then
 * every row checked before anything is created. Columns per open role: `<key>.name`,
 * `<key>.email`, `<key>.phone`; optional `entity_id` (the record) and `title`.
 */
export interface BulkRow {
  parties: Record<string, Party>;
  entity_id: string | null;
  title: string | null;
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const fileInvalid = (message: string) =>
  domainError(instancesErrors.BULK_FILE_INVALID, message, { fieldErrors: [{ field: 'file', message }] });

/** ZIP end-of-central-directory: entries and the declared unpacked total, before anything is inflated. */
function checkZipDirectory(bytes: Buffer): void {
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw fileInvalid('the XLSX file is damaged (no ZIP directory)');
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count > 2000 || offset + size > bytes.length)
    throw fileInvalid('the XLSX file is damaged or too complex');
  let total = 0;
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      throw fileInvalid('the XLSX file is damaged');
    total += bytes.readUInt32LE(at + 24);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (total > instanceLimits.maxXlsxUnpackedBytes)
    throw fileInvalid(`the XLSX file unpacks to more than ${instanceLimits.maxXlsxUnpackedBytes} bytes`);
}

/** Decides the kind by content: a ZIP (XLSX) or UTF-8 text (CSV); anything else is refused. */
export function sniffSheet(bytes: Buffer): 'csv' | 'xlsx' {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    checkZipDirectory(bytes);
    return 'xlsx';
  }
  if (bytes.includes(0)) throw fileInvalid('the file is neither CSV text nor an XLSX workbook');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileInvalid('a CSV file must be UTF-8 text');
  }
  return 'csv';
}

export async function readBulkSheet(bytes: Buffer): Promise<{ header: string[]; body: string[][] }> {
  const kind = sniffSheet(bytes);
  const rows = await readSpreadsheet(bytes, kind).catch((error: unknown) => {
    throw error instanceof SpreadsheetError ? fileInvalid(error.message) : error;
  });
  const [header, ...body] = rows;
  if (!header || header.length === 0) throw fileInvalid('the file has no header row');
  if (body.length === 0) throw fileInvalid('the file has no data rows');
  if (body.length > instanceLimits.maxBulkRows)
    throw fileInvalid(`more than ${instanceLimits.maxBulkRows} rows`);
  const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());
  return { header: header.map(text), body: body.map((cells) => cells.map(text)) };
}

const email = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const phone = /^\+?[0-9 ()-]{5,40}$/;
const entityId = /^[A-Za-z0-9._:-]{1,64}$/;

/** Every open role needs a name column and an email or phone column. */
export function checkColumns(header: readonly string[], open: readonly RoleRow[]): void {
  const missing = open.flatMap((r) => {
    const need: string[] = [];
    if (!header.includes(`${r.role_key}.name`)) need.push(`${r.role_key}.name`);
    if (!header.includes(`${r.role_key}.email`) && !header.includes(`${r.role_key}.phone`))
      need.push(`${r.role_key}.email or ${r.role_key}.phone`);
    return need;
  });
  if (missing.length > 0) throw fileInvalid(`missing columns: ${missing.join(', ')}`);
}

/** Checks every row (all problems listed); the rows are usable only when `problems` is empty. */
export function validateBulkRows(
  header: readonly string[],
  body: readonly string[][],
  open: readonly RoleRow[],
): { rows: BulkRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rows = body.map((cells, index) => {
    const row = index + 1;
    const cell = (name: string) => {
      const at = header.indexOf(name);
      return at < 0 ? '' : (cells[at] ?? '');
    };
    const fail = (field: string, message: string) => problems.push({ row, field, message });
    const parties: Record<string, Party> = {};
    for (const r of open) {
      const name = cell(`${r.role_key}.name`).normalize('NFC');
      const mail = cell(`${r.role_key}.email`);
      const tel = cell(`${r.role_key}.phone`);
      if (!name) fail(`${r.role_key}.name`, 'is required');
      else if (name.length > 200) fail(`${r.role_key}.name`, 'is longer than 200 characters');
      if (mail && (mail.length > 200 || !email.test(mail)))
        fail(`${r.role_key}.email`, 'is not an email address');
      if (tel && !phone.test(tel)) fail(`${r.role_key}.phone`, 'is not a phone number');
      if (!mail && !tel) fail(`${r.role_key}.email`, 'an email or a phone is required to send the link');
      parties[r.role_key] = { signer_name: name, signer_email: mail || null, signer_phone: tel || null };
    }
    const entity = cell('entity_id');
    if (entity && !entityId.test(entity))
      fail('entity_id', 'may hold letters, digits and . _ : - (at most 64)');
    const title = cell('title');
    if (title.length > 300) fail('title', 'is longer than 300 characters');
    return { parties, entity_id: entity || null, title: title || null };
  });
  return { rows, problems };
}

export function rowsInvalid(problems: RowProblem[]): Error {
  return domainError(
    instancesErrors.BULK_ROWS_INVALID,
    `${problems.length} problem(s) in ${new Set(problems.map((p) => p.row)).size} row(s); nothing was created`,
    {
      fieldErrors: problems
        .slice(0, 500)
        .map((p) => ({ field: `rows[${p.row}].${p.field}`, message: p.message })),
      details: { rows: [...new Set(problems.map((p) => p.row))].length },
    },
  );
}
