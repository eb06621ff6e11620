import { Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { domainError } from '../../../platform/errors.js';
import { notificationsErrors } from '../notifications.errors.js';
import { type BodyFormat, escaperFor } from './channel-format.js';

/**
 * The template sandbox. Templates are admin-authored input, so the engine may only do what
 * Liquid's safe core does: output, conditions, loops, filters, assignments. Nothing reads a
 * file (include/render/layout are refused), nothing reaches a prototype (`constructor`,
 * `__proto__` resolve to nothing and then fail as undefined variables), and every render is
 * bounded in time, memory and output size. The seed's `${userName}` syntax is accepted and
 * means `{{ userName }}`.
 */
export interface RenderLimits {
  /** Milliseconds a render may take. */
  timeMs: number;
  /** LiquidJS memory units (roughly bytes of strings and array items allocated). */
  memory: number;
  /** Characters of output. */
  outputChars: number;
}

export const defaultLimits: RenderLimits = { timeMs: 200, memory: 4_000_000, outputChars: 300_000 };

const refusedTags = ['include', 'render', 'layout', 'block'];
const seedVariable = /\$\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*\}/g;

/** `${a.b}` → `{{ a.b }}`; everything else is Liquid as written. */
export function toLiquid(source: string): string {
  return source.replace(seedVariable, (_m, name: string) => `{{ ${name} }}`);
}

function sandbox(format: BodyFormat, limits: RenderLimits): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    parseLimit: 200_000,
    renderLimit: limits.timeMs,
    memoryLimit: limits.memory,
    outputEscape: escaperFor(format),
    cache: false,
  });
  for (const name of refusedTags) {
    liquid.registerTag(
      name,
      class extends Tag {
        constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid) {
          super(token, remain, engine);
          throw new Error(`the {% ${name} %} tag is not allowed in message templates`);
        }
        *render(): Generator<unknown, void, unknown> {}
      },
    );
  }
  return liquid;
}

/** A parsed template, ready to render many times. */
export interface CompiledText {
  templates: Template[];
  /** Top-level variables it reads (what the caller must provide). */
  variables: string[];
  format: BodyFormat;
}

export class TemplateEngine {
  private readonly engines = new Map<BodyFormat, Liquid>();

  constructor(private readonly limits: RenderLimits = defaultLimits) {}

  private engine(format: BodyFormat): Liquid {
    let engine = this.engines.get(format);
    if (!engine) {
      engine = sandbox(format, this.limits);
      this.engines.set(format, engine);
    }
    return engine;
  }

  /** Parses `source`; a syntax error or a refused tag is TEMPLATE_INVALID naming `field`. */
  compile(source: string, format: BodyFormat, field: string): CompiledText {
    const engine = this.engine(format);
    try {
      const templates = engine.parse(toLiquid(source));
      const variables = engine.globalVariablesSync(templates);
      return { templates, variables: [...new Set(variables)], format };
    } catch (error) {
      throw domainError(notificationsErrors.TEMPLATE_INVALID, `${field}: ${reason(error)}`, {
        fieldErrors: [{ field, message: reason(error) }],
      });
    }
  }

  /**
   * Renders with `scope` as the only data. An undefined variable is VARIABLE_MISSING, a
   * render past the bounds RENDER_LIMIT; never a blank where a value should be.
   */
  render(compiled: CompiledText, scope: Record<string, unknown>): string {
    let output: string;
    try {
      output = this.engine(compiled.format).renderSync(compiled.templates, scope) as string;
    } catch (error) {
      throw renderError(error);
    }
    if (output.length > this.limits.outputChars) {
      throw domainError(
        notificationsErrors.RENDER_LIMIT,
        `The template produced more than ${this.limits.outputChars} characters`,
      );
    }
    return output;
  }
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(', line:')[0]?.slice(0, 300) ?? message;
}

function renderError(error: unknown) {
  const message = reason(error);
  const undefinedVariable = /undefined variable: ([\w.[\]'"]+)/.exec(message);
  if (undefinedVariable) {
    return domainError(notificationsErrors.VARIABLE_MISSING, `Missing variable ${undefinedVariable[1]}`, {
      details: { variables: [undefinedVariable[1]] },
    });
  }
  if (/limit exceeded/i.test(message)) {
    return domainError(notificationsErrors.RENDER_LIMIT, `Rendering stopped: ${message}`);
  }
  return domainError(notificationsErrors.TEMPLATE_INVALID, `The template failed to render: ${message}`);
}
