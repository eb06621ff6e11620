/** Base64 columns of the keys tables (DER certificates, SPKI, JSON chains). */
export const toB64 = (der: Uint8Array): string => Buffer.from(der).toString('base64');
export const fromB64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
export const chainToText = (chain: readonly Uint8Array[]): string => JSON.stringify(chain.map(toB64));
export const chainFromText = (text: string): Uint8Array[] => (JSON.parse(text) as string[]).map(fromB64);
