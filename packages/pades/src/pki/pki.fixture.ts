import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createIssuingCa,
  createRootCa,
  issueOcspResponderCertificate,
  issueSignerCertificate,
  issueTsaCertificate,
} from './certificate-authority.js';
import { toPem } from './pem.codec.js';
import type { CaMaterial, IssuedCertificate } from './pki.types.js';

/**
 * Test support for the PKI and CMS suites (not exported from the package barrel): a small PKI,
 * openssl invocations in a scratch directory, and a loopback HTTP server.
 */
export interface FixturePki {
  root: CaMaterial;
  issuing: CaMaterial;
  tsa: IssuedCertificate;
  ocsp: IssuedCertificate;
}

/** RSA root (compatibility) → EC issuing CA → TSA and OCSP responder certificates. */
export async function createFixturePki(
  urls: { ocspUrl?: string; crlUrl?: string } = {},
): Promise<FixturePki> {
  const root = await createRootCa({
    commonName: 'SignX Test Root',
    organization: 'SignX 测试',
    keyType: 'rsa',
  });
  const issuing = await createIssuingCa(root, { commonName: 'SignX Test Issuing CA', crlUrl: urls.crlUrl });
  const tsa = await issueTsaCertificate(issuing, { commonName: 'SignX Test TSA' });
  const ocsp = await issueOcspResponderCertificate(issuing, { commonName: 'SignX Test OCSP' });
  return { root, issuing, tsa, ocsp };
}

export { issueSignerCertificate };

/** A scratch directory with a writer for files. */
export function scratch(): {
  dir: string;
  write(name: string, data: Uint8Array | string): string;
  pem(name: string, der: Uint8Array): string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'pades-pki-'));
  const write = (name: string, data: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };
  return { dir, write, pem: (name, der) => write(name, toPem(der)) };
}

/** Runs openssl; returns status and combined output (never throws). */
export function openssl(args: string[], input?: Uint8Array): { status: number; out: string; stdout: Buffer } {
  const r = spawnSync('openssl', args, { input, timeout: 30_000 });
  return {
    status: r.status ?? -1,
    out: `${r.stdout?.toString('utf8') ?? ''}${r.stderr?.toString('utf8') ?? ''}`,
    stdout: r.stdout ?? Buffer.alloc(0),
  };
}

/** A loopback HTTP server whose handler gets the full request body; returns its base URL. */
export async function loopbackServer(
  handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens (bound then released). */
export async function closedPortUrl(): Promise<string> {
  const s = await loopbackServer(() => undefined);
  const url = s.url;
  await s.close();
  return url;
}
