import type { DbOrTrx } from '../../../platform/db/schema.js';
import { profilesOf } from '../preferences/profiles.repository.js';
import { type GroupRow, groupsByCodes } from '../setup/groups.repository.js';
import type { Person, RecipientRef, RecipientSource } from './recipient-sources.js';

/** A person (or raw address) to deliver to, with every contact their profile has. */
export interface Target {
  key: string;
  user_id: string | null;
  name: string;
  locale: string | null;
  email: string | null;
  phone: string | null;
  dingtalk: string | null;
  feishu: string | null;
  wecom: string | null;
  params: Record<string, unknown>;
}

export interface Resolution {
  people: Target[];
  groups: GroupRow[];
  /** References that named nobody, or a person who cannot receive anything. */
  problems: { recipient: string; error: string }[];
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const phonePattern = /^\+?[1-9]\d{6,14}$/;

export const describeRef = (ref: RecipientRef) => `${ref.type}:${ref.id ?? ref.code ?? ref.address ?? '?'}`;

/**
 * Expands the recipients of a send request: people through the mounted modules' sources
 * (users, roles, departments, a project's team), raw addresses as given, robot and webhook
 * groups by code. Each person appears once (the first reference's params win); their IM
 * ids and locale come from the notification profile.
 */
export async function resolveRecipients(
  db: DbOrTrx,
  sources: ReadonlyMap<string, RecipientSource>,
  refs: readonly RecipientRef[],
): Promise<Resolution> {
  const out: Resolution = { people: [], groups: [], problems: [] };
  const seen = new Set<string>();
  const add = (target: Target) => {
    if (seen.has(target.key)) return;
    seen.add(target.key);
    out.people.push(target);
  };
  const bySource = new Map<string, { ref: RecipientRef; index: number }[]>();
  const groupCodes: string[] = [];
  for (const [index, ref] of refs.entries()) {
    if (ref.type === 'group') groupCodes.push(ref.code ?? ref.id ?? '');
    else if (ref.type === 'email' || ref.type === 'phone') rawTarget(ref, add, out);
    else if (sources.has(ref.type))
      bySource.set(ref.type, [...(bySource.get(ref.type) ?? []), { ref, index }]);
    else out.problems.push({ recipient: describeRef(ref), error: `unknown recipient type ${ref.type}` });
  }
  const people: { person: Person; ref: RecipientRef }[] = [];
  for (const [type, entries] of bySource) {
    const answers = await (sources.get(type) as RecipientSource).resolve(
      db,
      entries.map((e) => e.ref),
    );
    entries.forEach(({ ref }, i) => {
      const answer = answers[i];
      if (!answer || 'error' in answer)
        out.problems.push({ recipient: describeRef(ref), error: answer?.error ?? 'not found' });
      else if (answer.length === 0) out.problems.push({ recipient: describeRef(ref), error: 'names nobody' });
      else for (const person of answer) people.push({ person, ref });
    });
  }
  const profiles = await profilesOf(
    db,
    people.map((p) => p.person.user_id),
  );
  for (const { person, ref } of people) {
    if (!person.active) {
      out.problems.push({ recipient: `user:${person.user_id}`, error: 'the user is not active' });
      continue;
    }
    const profile = profiles.get(person.user_id);
    add({
      key: `user:${person.user_id}`,
      user_id: person.user_id,
      name: person.name,
      locale: profile?.locale ?? null,
      email: person.email,
      phone: person.phone,
      dingtalk: profile?.dingtalk_id ?? null,
      feishu: profile?.feishu_id ?? null,
      wecom: profile?.wecom_id ?? null,
      params: ref.params ?? {},
    });
  }
  await addGroups(db, groupCodes, out);
  return out;
}

function rawTarget(ref: RecipientRef, add: (t: Target) => void, out: Resolution): void {
  const address = (ref.address ?? '').trim();
  const isEmail = ref.type === 'email';
  if (!(isEmail ? emailPattern : phonePattern).test(address)) {
    out.problems.push({
      recipient: describeRef(ref),
      error: `not a valid ${isEmail ? 'email address' : 'phone number'}`,
    });
    return;
  }
  add({
    key: `${ref.type}:${isEmail ? address.toLowerCase() : address}`,
    user_id: null,
    name: ref.name ?? address,
    locale: ref.locale ?? null,
    email: isEmail ? address : null,
    phone: isEmail ? null : address,
    dingtalk: null,
    feishu: null,
    wecom: null,
    params: ref.params ?? {},
  });
}

async function addGroups(db: DbOrTrx, codes: string[], out: Resolution): Promise<void> {
  const groups = await groupsByCodes(db, codes);
  for (const code of new Set(codes)) {
    const group = groups.find((g) => g.code === code);
    if (!group) out.problems.push({ recipient: `group:${code}`, error: 'no such robot or webhook group' });
    else if (group.enabled !== 1)
      out.problems.push({ recipient: `group:${code}`, error: 'the group is disabled' });
    else out.groups.push(group);
  }
}
