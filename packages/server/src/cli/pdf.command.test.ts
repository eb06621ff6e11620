import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runPdfCommand } from './pdf.command.js';

function io(dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { dataDir, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), out, err };
}

async function samplePdf(dir: string): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([400, 400]).drawText('CLI sample', { x: 20, y: 300 });
  const path = join(dir, 'in.pdf');
  writeFileSync(path, await doc.save());
  return path;
}

describe('signx pdf sign / verify', () => {
  it('signs with the platform CA created on first use (keys 0600) and verifies with exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-'));
    const input = await samplePdf(dir);
    const out = join(dir, 'out.pdf');
    const a = io(join(dir, 'data'));
    const args = [
      'sign',
      input,
      '-o',
      out,
      '--level',
      'B-LTA',
      '--visible',
      '--page',
      '1',
      '--rect',
      '20,20,200,80',
    ];
    expect(await runPdfCommand([...args, '--name', 'Cli Person', '--meaning', 'approval'], a)).toBe(0);
    expect(statSync(join(dir, 'data', 'pki', 'root.key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data', 'pki', 'signer.key.pem')).mode & 0o777).toBe(0o600);
    const v = io(join(dir, 'data'));
    expect(await runPdfCommand(['verify', out], v)).toBe(0);
    expect(v.out.join('')).toContain('ALL VALID');
    const j = io(join(dir, 'data'));
    expect(await runPdfCommand(['verify', out, '--json'], j)).toBe(0);
    const report = JSON.parse(j.out.join(''));
    expect(report.signatures[0].level).toBe('B-LTA');
  });

  it('exits non-zero with a readable summary for a tampered file, an unsigned file and a non-PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-'));
    const input = await samplePdf(dir);
    const out = join(dir, 'out.pdf');
    expect(await runPdfCommand(['sign', input, '-o', out], io(join(dir, 'data')))).toBe(0);
    const bytes = readFileSync(out);
    bytes[40] = bytes[40]! ^ 0x01;
    writeFileSync(join(dir, 'bad.pdf'), bytes);
    const bad = io(join(dir, 'data'));
    expect(await runPdfCommand(['verify', join(dir, 'bad.pdf')], bad)).toBe(1);
    expect(bad.out.join('')).toMatch(/INVALID/);
    const unsigned = io(join(dir, 'data'));
    expect(await runPdfCommand(['verify', input], unsigned)).toBe(1);
    expect(unsigned.out.join('')).toContain('no signatures found');
    writeFileSync(join(dir, 'note.txt'), 'not a pdf');
    const notPdf = io(join(dir, 'data'));
    expect(await runPdfCommand(['verify', join(dir, 'note.txt')], notPdf)).toBe(1);
    expect(notPdf.err.join('')).toContain('NOT_PDF');
  });

  it('signs with a PEM key and certificate given on the command line and verifies against --trust', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-'));
    const data = join(dir, 'data');
    const input = await samplePdf(dir);
    expect(await runPdfCommand(['sign', input, '-o', join(dir, 'first.pdf')], io(data))).toBe(0);
    const pki = join(data, 'pki');
    const certAndChain =
      readFileSync(join(pki, 'signer.pem'), 'utf8') + readFileSync(join(pki, 'signer.chain.pem'), 'utf8');
    writeFileSync(join(dir, 'cert.pem'), certAndChain);
    const out = join(dir, 'pem.pdf');
    const args = [
      'sign',
      input,
      '-o',
      out,
      '--key',
      join(pki, 'signer.key.pem'),
      '--cert',
      join(dir, 'cert.pem'),
    ];
    expect(await runPdfCommand(args, io(data))).toBe(0);
    const v = io(join(dir, 'elsewhere'));
    expect(await runPdfCommand(['verify', out, '--trust', join(pki, 'root.pem')], v)).toBe(0);
    expect(await runPdfCommand(['frobnicate'], io(data))).toBe(2);
  });

  it('names the signer from the certificate and shows /Name only as a labelled, unverified claim', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-'));
    const data = join(dir, 'data');
    const input = await samplePdf(dir);
    // The first run creates the platform signer "SignX CLI Signer"; --name later only sets /Name.
    expect(await runPdfCommand(['sign', input, '-o', join(dir, 'first.pdf')], io(data))).toBe(0);
    const out = join(dir, 'spoof.pdf');
    expect(await runPdfCommand(['sign', input, '-o', out, '--name', 'Mallory Spoof'], io(data))).toBe(0);
    const v = io(data);
    expect(await runPdfCommand(['verify', out], v)).toBe(0);
    const text = v.out.join('');
    expect(text).toMatch(/signed by \(certificate subject\): CN=SignX CLI Signer/);
    expect(text).toContain('declared name (/Name, not verified by the certificate): Mallory Spoof');
    expect(text).not.toMatch(/by Mallory Spoof/);
    const j = io(data);
    expect(await runPdfCommand(['verify', out, '--json'], j)).toBe(0);
    const report = JSON.parse(j.out.join(''));
    expect(report.signatures[0].signerName).toBe('SignX CLI Signer');
    expect(report.signatures[0].declaredName).toBe('Mallory Spoof');
  });

  it('reports a page that does not exist as a bad argument (INVALID_ARGUMENT), not a damaged PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-'));
    const input = await samplePdf(dir);
    const a = io(join(dir, 'data'));
    const args = ['sign', input, '-o', join(dir, 'out.pdf'), '--visible', '--page', '999'];
    expect(await runPdfCommand(args, a)).toBe(1);
    expect(a.err.join('')).toContain('error (INVALID_ARGUMENT): page 999 does not exist');
    expect(a.err.join('')).not.toContain('MALFORMED_PDF');
  });
});
