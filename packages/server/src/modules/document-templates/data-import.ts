import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TemplateVariable } from './template-variables.js';

/**
 * Rows for a batch from an uploaded CSV or XLSX: the first row holds column names, each
 * later row one record. Columns map to variables by an explicit mapping, else by the
 * variable's name or label. Cells stay raw here; row-validation.ts checks them.
 */
export const maxImportRows = 10_000;

export class ImportError extends Error {}

/** Columns read beside the variables: the record to file on, the file name, the record to fill from. */
const rowColumns = ['entity_id', 'file_name', 'source_id'];

export interface ImportedSheet {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Which column fills which variable. */
  mapping: Record<string, string>;
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return value;
}

export async function readSheet(bytes: Buffer, kind: 'csv' | 'xlsx'): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const sheet =
      kind === 'xlsx'
        ? (await workbook.xlsx.load(bytes as unknown as ArrayBuffer)).worksheets[0]
        : await workbook.csv.read(Readable.from([bytes.toString('utf8').replace(/^\uFEFF/, '')]));
    if (!sheet) throw new ImportError('the workbook has no sheet');
    const out: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as ExcelJS.CellValue[];
      out.push(values.slice(1).map(cellValue));
    });
    return out;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`the ${kind.toUpperCase()} file cannot be read`);
  }
}

/** The default mapping: a column named like a variable (or its label) fills it. */
export function defaultMapping(columns: string[], variables: TemplateVariable[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const variable of variables) {
    const column =
      columns.find((name) => name === variable.name) ?? columns.find((name) => name === variable.label);
    if (column !== undefined) mapping[column] = variable.name;
  }
  return mapping;
}

export async function importRows(
  bytes: Buffer,
  kind: 'csv' | 'xlsx',
  variables: TemplateVariable[],
  explicitMapping?: Record<string, string>,
): Promise<ImportedSheet> {
  const [header, ...body] = await readSheet(bytes, kind);
  if (!header) throw new ImportError('the file has no header row');
  if (body.length > maxImportRows) throw new ImportError(`more than ${maxImportRows} rows`);
  const columns = header.map((cell) => String(cell ?? '').trim());
  const mapping = explicitMapping ?? defaultMapping(columns, variables);
  const names = new Set(variables.map((variable) => variable.name).concat(...rowColumns));
  for (const [column, variable] of Object.entries(mapping)) {
    if (!columns.includes(column)) throw new ImportError(`column "${column}" is not in the file`);
    if (!names.has(variable)) throw new ImportError(`"${variable}" is not a variable of the template`);
  }
  const rows = body.map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const variable = mapping[column] ?? (rowColumns.includes(column) ? column : undefined);
      if (variable) row[variable] = cells[index] ?? '';
    });
    return row;
  });
  return { columns, rows, mapping };
}
