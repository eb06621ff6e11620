import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import {
  type RecordDataProvider,
  type RecordReader,
  recordDataProviders,
} from '../../platform/record-data.js';
import type { RowError } from './row-validation.js';

/**
 * Template data from a record of another module: the modules' record data providers
 * (platform/record-data.ts) chosen by entity type. A record's fields fill the variables of
 * the same name, or those `mapping` names ({"variable": "field"}); a value given in the row
 * itself wins over the record's.
 */
export interface RecordSource {
  entityType: string;
  /** variable → record field; unnamed variables take the field of their own name. */
  mapping?: Record<string, string>;
}

/** The providers the reader may use (others are not listed). */
export function readableSources(ctx: AppContext, reader: RecordReader): RecordDataProvider[] {
  return [...recordDataProviders(ctx).values()].filter((p) => reader.actor.permissions.has(p.permission));
}

function providerFor(ctx: AppContext, reader: RecordReader, source: RecordSource): RecordDataProvider {
  const provider = recordDataProviders(ctx).get(source.entityType);
  if (!provider) {
    throw new AppError('VALIDATION', 'The request is not valid', {
      fieldErrors: [
        { field: 'source.entity_type', message: `no record data provider for "${source.entityType}"` },
      ],
    });
  }
  if (!reader.actor.permissions.has(provider.permission))
    throw new AppError('FORBIDDEN', `Reading ${provider.entityType} records needs ${provider.permission}`);
  for (const [variable, field] of Object.entries(source.mapping ?? {})) {
    if (!provider.fields.some((f) => f.name === field)) {
      throw new AppError('VALIDATION', 'The request is not valid', {
        fieldErrors: [
          {
            field: `source.mapping.${variable}`,
            message: `"${field}" is not a field of ${provider.entityType}`,
          },
        ],
      });
    }
  }
  return provider;
}

/** One record's fields (404 when absent or outside the reader's scope). */
export async function loadRecord(
  ctx: AppContext,
  db: DbOrTrx,
  reader: RecordReader,
  source: RecordSource,
  id: string,
): Promise<Record<string, unknown>> {
  const provider = providerFor(ctx, reader, source);
  const record = await provider.load(ctx, db, reader, id);
  if (!record) throw new AppError('NOT_FOUND', `No such ${provider.entityType} record`);
  return record;
}

/** The record's fields as variables: same names, plus what the mapping names. */
function asVariables(record: Record<string, unknown>, mapping: Record<string, string> = {}) {
  const out: Record<string, unknown> = { ...record };
  for (const [variable, field] of Object.entries(mapping)) out[variable] = record[field];
  return out;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The row over the record: values the row gives win. */
export function mergeRecord(
  record: Record<string, unknown>,
  row: Record<string, unknown>,
  mapping?: Record<string, string>,
): Record<string, unknown> {
  const merged = asVariables(record, mapping);
  for (const [key, value] of Object.entries(row)) if (!isBlank(value)) merged[key] = value;
  return merged;
}

/**
 * Every row's record (named by its `source_id`) merged under the row; a missing id or a
 * record that cannot be read is a row error, listed with the others before anything runs.
 */
export async function rowsWithRecords(
  ctx: AppContext,
  db: DbOrTrx,
  reader: RecordReader,
  source: RecordSource,
  rows: readonly Record<string, unknown>[],
): Promise<{ rows: Record<string, unknown>[]; errors: RowError[] }> {
  const provider = providerFor(ctx, reader, source);
  const errors: RowError[] = [];
  const out: Record<string, unknown>[] = [];
  for (const [index, row] of rows.entries()) {
    const id = typeof row.source_id === 'string' ? row.source_id.trim() : '';
    if (!id) {
      errors.push({
        row: index + 1,
        field: 'source_id',
        message: `names the ${provider.entityType} to fill from`,
      });
      out.push(row);
      continue;
    }
    const record = await provider.load(ctx, db, reader, id);
    if (!record)
      errors.push({ row: index + 1, field: 'source_id', message: `no such ${provider.entityType}` });
    out.push(record ? mergeRecord(record, row, source.mapping) : row);
  }
  return { rows: out, errors };
}
