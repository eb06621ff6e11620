import { hmac, sameText } from '../sealed.js';

/**
 * One-click unsubscribe links (RFC 8058): `<user>.<category>.<mac>`, the MAC over both
 * under a keyring key. Nothing is stored, the link stays valid as long as the key does,
 * and nobody can make one for another user or category.
 */
export function unsubscribeToken(key: Buffer, userId: string, category: string): string {
  const body = `${Buffer.from(userId).toString('base64url')}.${Buffer.from(category).toString('base64url')}`;
  return `${body}.${hmac(key, `unsubscribe:${body}`).slice(0, 32)}`;
}

export function readUnsubscribeToken(
  key: Buffer,
  token: string,
): { userId: string; category: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [user, category, mac] = parts as [string, string, string];
  const expected = hmac(key, `unsubscribe:${user}.${category}`).slice(0, 32);
  if (!sameText(mac, expected)) return null;
  return {
    userId: Buffer.from(user, 'base64url').toString(),
    category: Buffer.from(category, 'base64url').toString(),
  };
}
