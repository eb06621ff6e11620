import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical-json.js';
import {
  eventCanonicalText,
  eventLeafHash,
  HASHED_FIELDS,
  type HashedEvent,
  SQLITE_CANONICAL_EXPRESSION,
} from './leaf.js';

function event(overrides: Partial<HashedEvent>): HashedEvent {
  const base = Object.fromEntries(HASHED_FIELDS.map((f) => [f, `v-${f}`])) as unknown as HashedEvent;
  return { ...base, seq: 42, ...overrides };
}

describe('event canonical form', () => {
  it('is exactly RFC 8785 of the hashed fields, whatever the values contain', () => {
    const samples: Partial<HashedEvent>[] = [
      {},
      { actor_id: null, entity_id: null, details: null },
      { reason: 'quote " backslash \\ newline \n tab \t nul \u0000' },
      { diff: 'status: "draft" → "approved"', actor_name: '张三', user_agent: 'Mozilla 😀 \u2028' },
      { changes: '{"a":{"after":1}}', seq: 9007199254740991 },
    ];
    for (const sample of samples) {
      const value = event(sample);
      const generic = canonicalize({ format: 'signx-audit-event/1', ...value });
      expect(eventCanonicalText(value)).toBe(generic);
    }
  });

  it('refuses text that is not valid Unicode', () => {
    expect(() => eventCanonicalText(event({ reason: 'broken \ud800' }))).toThrow(/Unicode/);
  });
});

describe('SQLite canonical expression (verifier fast path)', () => {
  it('produces the same text as the TypeScript canonicaliser', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    db.exec(
      `create table audit_events (${HASHED_FIELDS.map((f) => `${f} ${f === 'seq' ? 'integer' : 'text'}`).join(', ')})`,
    );
    const tricky =
      Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c)).join('') + '😀\u2028中文é\ufeff';
    const values = [event({}), event({ reason: tricky, actor_id: null, details: '{"a":"\\"x\\""}', seq: 7 })];
    const insert = db.prepare(`insert into audit_events values (${HASHED_FIELDS.map(() => '?').join(', ')})`);
    for (const value of values) insert.run(...HASHED_FIELDS.map((f) => value[f]));
    const texts = db
      .prepare(`select ${SQLITE_CANONICAL_EXPRESSION} from audit_events order by rowid`)
      .pluck()
      .all();
    expect(texts).toEqual(values.map(eventCanonicalText));
    const leaves = db
      .prepare(
        `select cast(x'00' || ${SQLITE_CANONICAL_EXPRESSION} as blob) from audit_events order by rowid`,
      )
      .pluck()
      .all() as Buffer[];
    expect(leaves.map((bytes) => createHash('sha256').update(bytes).digest('hex'))).toEqual(
      values.map(eventLeafHash),
    );
    db.close();
  });
});
