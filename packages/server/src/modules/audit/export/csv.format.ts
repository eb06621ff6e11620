import type { AuditEventsTable } from '../audit.tables.js';

const columns = [
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_name',
  'auth_method',
  'on_behalf_of',
  'request_id',
  'ip',
  'user_agent',
  'action',
  'entity_type',
  'entity_id',
  'diff',
  'reason',
  'meaning',
  'result',
  'details',
  'app_version',
  'id',
  'leaf_hash',
] as const;

/**
 * RFC 4180 CSV of events, with cells that a spreadsheet would run as a formula (=, +, -, @)
 * prefixed by an apostrophe (CSV injection), and a UTF-8 BOM so Excel reads Chinese text.
 */
export function eventsToCsv(rows: AuditEventsTable[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
