/**
 * Column masking: phone numbers appear as `138****1234` to callers without
 * `user.phone.view` (OPS seed §2.1, column-level permission).
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return `${digits.slice(0, 1)}****`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function phoneFor(phone: string | null, permissions: ReadonlySet<string>): string | null {
  return permissions.has('user.phone.view') ? phone : maskPhone(phone);
}
