/**
 * A small typed reader for environment settings. Each setting says its kind, default and
 * meaning once; the reader turns strings into typed values and collects every problem, so
 * an operator sees all mistakes in one run instead of one per restart.
 */
export interface ConfigProblem {
  variable: string;
  message: string;
}

interface Base<T> {
  description: string;
  /** Default value; `undefined` means optional-without-default. */
  default?: T;
  required?: boolean;
  secret?: boolean;
}
export type Setting =
  | (Base<string> & { kind: 'string'; pattern?: RegExp; minLength?: number })
  | (Base<number> & { kind: 'int'; min?: number; max?: number })
  | (Base<boolean> & { kind: 'bool' })
  | (Base<string> & { kind: 'enum'; values: readonly string[] })
  | (Base<string[]> & { kind: 'list' });

type ValueOf<S extends Setting> = S extends { kind: 'int' }
  ? number
  : S extends { kind: 'bool' }
    ? boolean
    : S extends { kind: 'list' }
      ? string[]
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : string;
type Resolved<S extends Setting> = S extends { default: unknown } | { required: true }
  ? ValueOf<S>
  : ValueOf<S> | undefined;
export type SettingValues<T extends Record<string, Setting>> = { [K in keyof T]: Resolved<T[K]> };

export function readSettings<T extends Record<string, Setting>>(
  settings: T,
  env: Record<string, string | undefined>,
): { values: SettingValues<T>; problems: ConfigProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [name, setting] of Object.entries(settings)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      if (setting.required) problems.push({ variable: name, message: 'is required' });
      values[name] = setting.default;
      continue;
    }
    const parsed = parseOne(setting, raw);
    if ('problem' in parsed) problems.push({ variable: name, message: parsed.problem });
    else values[name] = parsed.value;
  }
  return { values: values as SettingValues<T>, problems };
}

function parseOne(setting: Setting, raw: string): { value: unknown } | { problem: string } {
  switch (setting.kind) {
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return { problem: `must be a whole number, got "${raw}"` };
      const n = Number(raw);
      if (setting.min !== undefined && n < setting.min) return { problem: `must be at least ${setting.min}` };
      if (setting.max !== undefined && n > setting.max) return { problem: `must be at most ${setting.max}` };
      return { value: n };
    }
    case 'bool': {
      const lower = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return { value: true };
      if (['false', '0', 'no', 'off'].includes(lower)) return { value: false };
      return { problem: `must be true or false, got "${raw}"` };
    }
    case 'enum':
      return setting.values.includes(raw)
        ? { value: raw }
        : { problem: `must be one of ${setting.values.join(', ')}, got "${raw}"` };
    case 'list':
      return {
        value: raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'string':
      if (setting.minLength !== undefined && raw.length < setting.minLength)
        return { problem: `must be at least ${setting.minLength} characters` };
      if (setting.pattern && !setting.pattern.test(raw)) return { problem: `has an invalid format` };
      return { value: raw };
  }
}
