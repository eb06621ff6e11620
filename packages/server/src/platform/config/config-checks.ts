import { accessSync, constants } from 'node:fs';
import { parseCidr, parseIp } from '../http/ip-ranges.js';
import { createOutboundPolicy } from '../http/outbound-policy.js';
import type { ConfigProblem, SettingValues } from './config-reader.js';
import type { settings } from './config-settings.js';
import { checkImSettings } from './im-settings.js';

type Values = SettingValues<typeof settings>;

function isReadable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Rules that involve more than one setting, or a format richer than a type: checked after
 * every setting parsed, so the operator still gets one complete list of problems.
 */
export function checkSettings(v: Values): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (variable: string, message: string) => problems.push({ variable, message });
  if (v.DATABASE_URL && !/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(v.DATABASE_URL)) {
    add('DATABASE_URL', 'must start with sqlite: or postgres:// (MySQL is not supported yet)');
  }
  if (v.STORAGE_BACKEND === 's3' && !v.S3_BUCKET) add('S3_BUCKET', 'is required when STORAGE_BACKEND=s3');
  if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
    add('S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  if (v.MAIL_USERNAME && !v.MAIL_PASSWORD) add('MAIL_PASSWORD', 'is required when MAIL_USERNAME is set');
  if (v.KEYS_PKCS11_LIBRARY && !v.KEYS_PKCS11_PIN && !v.KEYS_PKCS11_PIN_FILE)
    add('KEYS_PKCS11_PIN', 'is required (or KEYS_PKCS11_PIN_FILE) when KEYS_PKCS11_LIBRARY is set');
  if (v.KEYS_PKCS11_PIN_FILE && !v.KEYS_PKCS11_PIN && !isReadable(v.KEYS_PKCS11_PIN_FILE))
    add('KEYS_PKCS11_PIN_FILE', `${v.KEYS_PKCS11_PIN_FILE} cannot be read`);
  for (const name of ['KEYS_PKCS11_CA_KEY', 'KEYS_PKCS11_TSA_KEY'] as const) {
    if (v[name] && !v.KEYS_PKCS11_LIBRARY) add(name, 'needs KEYS_PKCS11_LIBRARY (the token holding the key)');
  }
  for (const entry of v.TRUSTED_PROXIES) {
    if (!parseIp(entry) && !parseCidr(entry))
      add('TRUSTED_PROXIES', `"${entry}" is not an IP address or CIDR`);
  }
  try {
    createOutboundPolicy(v.OUTBOUND_ALLOW_LIST);
  } catch (error) {
    add('OUTBOUND_ALLOW_LIST', error instanceof Error ? error.message : 'has an invalid entry');
  }
  problems.push(...checkImSettings(v));
  return problems;
}
