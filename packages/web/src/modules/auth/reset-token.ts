/** The token of a password link, from the address fragment (`#token=…`) the mail put it in. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
