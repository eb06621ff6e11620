import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  certificatesFromPem,
  type DssGap,
  isPadesError,
  type PadesLevel,
  type SignatureMeaning,
  type Signer,
  signerFromPem,
  signerFromPkcs12,
  signPdf,
  validate,
} from '@signx/pades';
import { loadCliPki } from './pdf-platform-pki.js';
import { formatReport } from './pdf-report.format.js';

/** Where the command writes and where its platform PKI lives. */
export interface PdfCommandIo {
  dataDir: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * How B-LT/B-LTA reach the OCSP responders and CRLs another party's certificates name (the
   * entry passes the SSRF-safe outbound client); without it those are reported, not fetched.
   */
  fetch?: typeof fetch;
}

const USAGE = `usage:
  signx pdf sign <in.pdf> -o <out.pdf> [--level B-B|B-T|B-LT|B-LTA] [--key <p12|pem>] [--password <pw>]
                 [--cert <pem>] [--visible --page N --rect x,y,w,h --name <name> --meaning <m> --reason <text>]
  signx pdf verify <file.pdf> [--trust <pem>] [--json]`;

/**
 * `signx pdf sign|verify`: the CLI face of @signx/pades. Returns the exit status; 0 for
 * verify only when every signature is valid. Errors become one plain line on stderr.
 */
export async function runPdfCommand(args: string[], io: PdfCommandIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'sign') return await signCommand(rest, io);
    if (sub === 'verify') return await verifyCommand(rest, io);
    io.stderr(`${USAGE}\n`);
    return 2;
  } catch (err) {
    if (isPadesError(err)) {
      io.stderr(`error (${err.code}): ${err.message}\n`);
      return 1;
    }
    if (err instanceof Error && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`error: file not found: ${(err as NodeJS.ErrnoException).path ?? ''}\n`);
      return 1;
    }
    throw err;
  }
}

async function signCommand(args: string[], io: PdfCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      level: { type: 'string', default: 'B-B' },
      key: { type: 'string' },
      password: { type: 'string', default: '' },
      cert: { type: 'string' },
      visible: { type: 'boolean', default: false },
      page: { type: 'string', default: '1' },
      rect: { type: 'string', default: '36,36,220,90' },
      name: { type: 'string' },
      meaning: { type: 'string' },
      reason: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const input = positionals[0];
  if (!input || !values.output) return usage(io, 'sign needs <in.pdf> and -o <out.pdf>');
  const level = values.level as PadesLevel;
  if (!['B-B', 'B-T', 'B-LT', 'B-LTA'].includes(level)) return usage(io, `unknown level ${level}`);
  const meaning = values.meaning as SignatureMeaning | undefined;
  if (meaning && !['approval', 'review', 'responsibility', 'authorship', 'witness'].includes(meaning)) {
    return usage(io, `unknown meaning ${meaning}`);
  }
  const pki = await loadCliPki(io.dataDir, values.name ?? 'SignX CLI Signer');
  const signer = values.key ? await signerFromFiles(values.key, values.password, values.cert) : pki.signer;
  const gaps: DssGap[] = [];
  const rect = values.rect.split(',').map(Number) as [number, number, number, number];
  if (rect.length !== 4 || rect.some((x) => !Number.isFinite(x))) return usage(io, '--rect must be x,y,w,h');
  const out = await signPdf(readFileSync(input), {
    signer,
    level,
    timestamper: pki.timestamper,
    name: values.name,
    meaning,
    reason: values.reason,
    timeZone: values['time-zone'],
    visible: values.visible ? { page: Number(values.page), rect, typedName: values.name } : undefined,
    revocation: {
      crlProvider: pki.crlFor,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      onReport: (report) => gaps.push(...report.gaps),
    },
  });
  writeFileSync(values.output, out);
  io.stdout(`signed ${input} -> ${values.output} (PAdES ${level})\n`);
  // Our signature is complete; another party's whose validation data could not be had is named.
  for (const gap of gaps) {
    const who = gap.subject ? ` (${gap.subject})` : '';
    io.stderr(`warning: validation data incomplete for ${gap.fieldName}${who}: ${gap.reasons.join('; ')}\n`);
  }
  return 0;
}

async function signerFromFiles(keyPath: string, password: string, certPath?: string): Promise<Signer> {
  const bytes = readFileSync(keyPath);
  if (!bytes.toString('latin1').includes('-----BEGIN')) return signerFromPkcs12(bytes, password);
  const text = bytes.toString('utf8');
  const certText = certPath ? readFileSync(certPath, 'utf8') : text;
  const [first, ...chain] = certificatesFromPem(certText).map((der) => pemOf(der));
  if (!first) throw new Error('no certificate given: use --cert <pem> or put it in the key file');
  return signerFromPem(text, first, chain, { passphrase: password || undefined });
}

function pemOf(der: Uint8Array): string {
  const b64 =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${b64.join('\n')}\n-----END CERTIFICATE-----\n`;
}

async function verifyCommand(args: string[], io: PdfCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trust: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      online: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) return usage(io, 'verify needs <file.pdf>');
  const anchors = values.trust?.length
    ? values.trust.flatMap((p) => certificatesFromPem(readFileSync(p, 'utf8')))
    : [(await loadCliPki(io.dataDir, 'SignX CLI Signer')).root.certificate];
  const report = await validate(readFileSync(file), {
    trustAnchors: anchors,
    revocation: values.online ? 'online' : 'embedded',
  });
  io.stdout(values.json ? `${JSON.stringify(report, jsonReplacer, 2)}\n` : formatReport(file, report));
  return report.isValid ? 0 : 1;
}

function jsonReplacer(_key: string, v: unknown): unknown {
  return v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v;
}

function usage(io: PdfCommandIo, problem: string): number {
  io.stderr(`${problem}\n${USAGE}\n`);
  return 2;
}
