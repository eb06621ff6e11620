/**
 * A template's variable schema: what its placeholders, loops and conditions ask for,
 * found in the DOCX and then edited by people (labels, types, required, sample values).
 */
export type VariableType = 'text' | 'number' | 'date' | 'boolean' | 'image' | 'list';

export interface TemplateVariable {
  name: string;
  label: string;
  type: VariableType;
  required: boolean;
  /** A value used for the sample preview (a list's sample is an array of rows). */
  sample?: unknown;
  /** The fields of one row, for a list. */
  fields?: TemplateVariable[];
}

/** docxtemplater's InspectModule structured tag (only what the schema needs). */
export interface StructuredTag {
  type: string;
  value?: string;
  module?: string;
  inverted?: boolean;
  subparsed?: StructuredTag[];
}

const imageModule = 'open-xml-templating/docxtemplater-image-module';

/** Turns the tags found in a DOCX into variables, in order of first appearance. */
export function variablesFromTags(tags: readonly StructuredTag[]): TemplateVariable[] {
  const byName = new Map<string, TemplateVariable>();
  for (const tag of tags) {
    if (tag.type !== 'placeholder' || !tag.value) continue;
    const found = variableOfTag(tag);
    const known = byName.get(found.name);
    byName.set(found.name, known ? mergeVariable(known, found) : found);
  }
  return [...byName.values()];
}

function variableOfTag(tag: StructuredTag): TemplateVariable {
  const name = (tag.value as string).trim();
  const base = { name, label: name, required: true };
  if (tag.module === imageModule) return { ...base, type: 'image' };
  if (tag.module === 'loop') {
    const fields = variablesFromTags(tag.subparsed ?? []);
    // A section with placeholders inside repeats over rows; one without only shows or hides.
    if (!tag.inverted && fields.length > 0) return { ...base, type: 'list', fields };
    return { ...base, type: 'boolean', required: false };
  }
  return { ...base, type: 'text' };
}

/** The same name used twice ({#vip}…{/vip} and {^vip}…{/vip}): the richer reading wins. */
function mergeVariable(known: TemplateVariable, found: TemplateVariable): TemplateVariable {
  if (known.type === 'list' && found.type === 'list') {
    return { ...known, fields: mergeLists(known.fields ?? [], found.fields ?? []) };
  }
  if (found.type === 'list') return { ...found, required: known.required || found.required };
  return known;
}

function mergeLists(left: TemplateVariable[], right: TemplateVariable[]): TemplateVariable[] {
  const names = new Set(left.map((field) => field.name));
  return [...left, ...right.filter((field) => !names.has(field.name))];
}

/**
 * A new version's schema keeps what people set on the previous one (label, sample, required,
 * and the type when the DOCX still allows it) for every variable still present.
 */
export function carryOverEdits(found: TemplateVariable[], previous: TemplateVariable[]): TemplateVariable[] {
  const before = new Map(previous.map((variable) => [variable.name, variable]));
  return found.map((variable) => {
    const old = before.get(variable.name);
    if (!old) return variable;
    const sameShape =
      (old.type === 'list') === (variable.type === 'list') &&
      (old.type === 'image') === (variable.type === 'image');
    const merged: TemplateVariable = {
      ...variable,
      label: old.label,
      required: old.required,
      type: sameShape ? old.type : variable.type,
    };
    if (old.sample !== undefined && sameShape) merged.sample = old.sample;
    if (variable.fields) merged.fields = carryOverEdits(variable.fields, old.fields ?? []);
    return merged;
  });
}

export interface VariableChange {
  name: string;
  change: 'added' | 'removed' | 'type_changed' | 'fields_changed';
  from?: VariableType;
  to?: VariableType;
}

/** What a version adds, removes or retypes compared with the one before it. */
export function diffVariables(before: TemplateVariable[], after: TemplateVariable[]): VariableChange[] {
  const old = new Map(before.map((variable) => [variable.name, variable]));
  const now = new Map(after.map((variable) => [variable.name, variable]));
  const changes: VariableChange[] = [];
  for (const variable of after) {
    const previous = old.get(variable.name);
    if (!previous) changes.push({ name: variable.name, change: 'added', to: variable.type });
    else if (previous.type !== variable.type) {
      changes.push({ name: variable.name, change: 'type_changed', from: previous.type, to: variable.type });
    } else if (fieldNames(previous) !== fieldNames(variable)) {
      changes.push({ name: variable.name, change: 'fields_changed' });
    }
  }
  for (const variable of before) {
    if (!now.has(variable.name))
      changes.push({ name: variable.name, change: 'removed', from: variable.type });
  }
  return changes;
}

function fieldNames(variable: TemplateVariable): string {
  return (variable.fields ?? []).map((field) => `${field.name}:${field.type}`).join(',');
}

/**
 * Applies people's edits to the found schema: they may relabel, retype (within the shape the
 * DOCX allows), require and give samples, but never add or drop what the DOCX holds.
 */
export function applySchemaEdits(found: TemplateVariable[], edits: TemplateVariable[]): TemplateVariable[] {
  const names = new Set(found.map((variable) => variable.name));
  const unknown = edits.filter((edit) => !names.has(edit.name)).map((edit) => edit.name);
  if (unknown.length > 0) throw new SchemaEditError(`not in the template: ${unknown.join(', ')}`);
  return carryOverEdits(found, edits);
}

export class SchemaEditError extends Error {}
