import type { Condition } from '../definitions/definition-model.js';

/** What a branch condition can look at: the form and the initiator's attributes. */
export interface ConditionFacts {
  form: Record<string, unknown>;
  initiator: { id: string; department_id: string | null };
}

/** Evaluates a branch condition; a missing value matches nothing but `ne`. */
export function matches(condition: Condition, facts: ConditionFacts): boolean {
  if ('all' in condition) return condition.all.every((part) => matches(part, facts));
  if ('any' in condition) return condition.any.some((part) => matches(part, facts));
  const [scope, name = ''] = condition.subject.split('.', 2);
  const source: Record<string, unknown> = scope === 'form' ? facts.form : facts.initiator;
  return compare(source[name], condition.op, condition.value);
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (actual === undefined || actual === null) return op === 'ne';
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'contains':
      return Array.isArray(actual) ? actual.includes(expected) : String(actual).includes(String(expected));
    default:
      return ordered(actual, op, expected);
  }
}

/** gt/gte/lt/lte on numbers, or on strings (dates as ISO text) when both sides are strings. */
function ordered(actual: unknown, op: string, expected: unknown): boolean {
  const bothNumbers = typeof actual === 'number' && typeof expected === 'number';
  const bothStrings = typeof actual === 'string' && typeof expected === 'string';
  if (!bothNumbers && !bothStrings) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}
