import { decodeJson } from '../../../platform/db/json-codec.js';
import type { CompiledVersion } from './template-compiler.js';
import { compileVersion } from './template-compiler.js';
import type { TemplateEngine } from './template-engine.js';
import type { TemplateVariable, TemplateVariant } from './template-model.js';

const capacity = 256;

/**
 * Compiled template versions by version row id. Versions never change once saved, so an
 * entry is never stale; the map only forgets the least recently used ones.
 */
export class TemplateCache {
  private readonly entries = new Map<string, CompiledVersion>();

  constructor(private readonly engine: TemplateEngine) {}

  get(row: { id: string; variants: string; variables: string }): CompiledVersion {
    const hit = this.entries.get(row.id);
    if (hit) {
      this.entries.delete(row.id);
      this.entries.set(row.id, hit);
      return hit;
    }
    const compiled = compileVersion(
      this.engine,
      decodeJson<TemplateVariant[]>(row.variants) ?? [],
      decodeJson<TemplateVariable[]>(row.variables) ?? [],
    );
    this.entries.set(row.id, compiled);
    if (this.entries.size > capacity) this.entries.delete(this.entries.keys().next().value as string);
    return compiled;
  }
}
