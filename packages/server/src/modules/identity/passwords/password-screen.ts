import { isBreached } from './breached-passwords.js';

/**
 * How a password is compared with the breached list and with the words around the account:
 * case folded, common substitutions undone (0→o, 1→l or i, 3→e, 4→a, 5→s, 7→t, @→a, $→s),
 * and decoration removed (trailing digits and symbols, leading ones too). `Liverpool1!`,
 * `P@ssw0rd2024` and `!Pokemon123` all reduce to a listed word.
 */
const substitutions: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

function unleet(text: string, one: 'l' | 'i'): string {
  return text.replace(/[013457@$]/g, (c) => (c === '1' ? one : (substitutions[c] ?? c)));
}

/** Removes leading and trailing runs of anything that is not a letter. */
function core(text: string): string {
  return text.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
}

/** Removes trailing digits and symbols, keeping leading ones (`$unsh1ne2026#` → `$unsh1ne`). */
function withoutTrailingDecoration(text: string): string {
  return text.replace(/[^\p{L}]+$/u, '');
}

/** Removes trailing symbols only (`qwer1234!` → `qwer1234`). */
function withoutTrailingSymbols(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+$/u, '');
}

/** Every reading of the password worth looking up; stripped readings shorter than 4 are too generic. */
export function screeningForms(password: string): string[] {
  const lower = password.toLowerCase();
  const forms = new Set([lower]);
  const add = (form: string) => {
    if (form.length >= 4) forms.add(form);
  };
  for (const base of [lower, withoutTrailingSymbols(lower), withoutTrailingDecoration(lower), core(lower)]) {
    add(base);
    for (const one of ['l', 'i'] as const) {
      add(unleet(base, one));
      add(core(unleet(base, one)));
    }
  }
  return [...forms];
}

/** Whether the password, in any of its readings, is on the breached-password list. */
export function isBreachedPassword(password: string): boolean {
  return screeningForms(password).some(isBreached);
}

/** What surrounds the account: a password must not contain any of these words. */
export interface PasswordContext {
  username?: string | null | undefined;
  fullName?: string | null | undefined;
  email?: string | null | undefined;
}

/** Lower-case words of at least three letters from the username, name, email local part, and "signx". */
function contextWords(context: PasswordContext): string[] {
  const words = new Set(['signx']);
  const local = context.email?.split('@')[0] ?? '';
  for (const source of [context.username ?? '', context.fullName ?? '', local]) {
    const lower = source.toLowerCase();
    if (lower.length >= 3) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** The first context word the password contains (in any reading), or null. */
export function containedContextWord(password: string, context: PasswordContext): string | null {
  const forms = screeningForms(password);
  return contextWords(context).find((word) => forms.some((form) => form.includes(word))) ?? null;
}
