import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedFields } from '../src/pdf/form-fields.js';
import { PdfDict, PdfString } from '../src/pdf/pdf-objects.js';
import { PdfReader } from '../src/pdf/pdf-reader.js';
import { toPem } from '../src/pki/index.js';
import { trimDer } from '../src/sign/dss-extender.js';

/** Output and exit status of an external validator. */
export interface ToolResult {
  status: number;
  output: string;
}

export function run(cmd: string, args: string[]): ToolResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** A scratch directory for one test file. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pades-test-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** An NSS database trusting `rootDer`, for poppler's pdfsig. */
export function nssDb(dir: string, rootDer: Uint8Array): string {
  const db = join(dir, 'nss');
  execFileSync('mkdir', ['-p', db]);
  execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${db}`]);
  const pem = writeTemp(dir, 'root.pem', toPem(rootDer, 'CERTIFICATE'));
  execFileSync('certutil', ['-A', '-n', 'signx-test-root', '-t', 'CT,C,C', '-i', pem, '-d', `sql:${db}`]);
  return db;
}

export const qpdfCheck = (file: string): ToolResult => run('qpdf', ['--check', file]);
export const pdfsig = (file: string, db: string): ToolResult => run('pdfsig', ['-nssdir', `sql:${db}`, file]);
export const mutoolVerify = (file: string): ToolResult => run('mutool', ['sign', '-v', file]);

/** Each signature's CMS (trimmed) and signed bytes, in file order, read with our own parser. */
export function extractSignatures(
  pdf: Uint8Array,
): { cms: Uint8Array; signed: Buffer; subFilter?: string }[] {
  const reader = new PdfReader(pdf);
  return signedFields(reader)
    .map(({ sig }) => {
      const range = (sig.get('ByteRange') as number[]) ?? [];
      const [a = 0, b = 0, c = 0, d = 0] = range;
      const contents = sig.get('Contents');
      const cms = contents instanceof PdfString ? trimDer(contents.bytes) : new Uint8Array();
      const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
      return {
        cms,
        signed,
        subFilter: sig instanceof PdfDict ? sig.name('SubFilter') : undefined,
        end: c + d,
      };
    })
    .sort((x, y) => x.end - y.end);
}

/** `openssl cms -verify` of a detached CMS over `signed`, trusting `rootDer`. */
export function opensslCmsVerify(
  dir: string,
  cms: Uint8Array,
  signed: Uint8Array,
  rootDer: Uint8Array,
): ToolResult {
  const sig = writeTemp(dir, 'sig.der', cms);
  const data = writeTemp(dir, 'signed.bin', signed);
  const ca = writeTemp(dir, 'ca.pem', toPem(rootDer, 'CERTIFICATE'));
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    sig,
    '-content',
    data,
    '-CAfile',
    ca,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}

/** `openssl ts -verify` of a token over `data`, trusting `rootDer`. */
export function opensslTsVerify(
  dir: string,
  token: Uint8Array,
  data: Uint8Array,
  rootDer: Uint8Array,
): ToolResult {
  const tok = writeTemp(dir, 'token.der', token);
  const file = writeTemp(dir, 'ts-data.bin', data);
  const ca = writeTemp(dir, 'ts-ca.pem', toPem(rootDer, 'CERTIFICATE'));
  return run('openssl', ['ts', '-verify', '-in', tok, '-token_in', '-data', file, '-CAfile', ca]);
}
