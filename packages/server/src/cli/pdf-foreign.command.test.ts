import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runPdfCommand } from './pdf.command.js';
import { loadCliPki } from './pdf-platform-pki.js';

function io(dataDir: string, fetch?: typeof globalThis.fetch) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    dataDir,
    stdout: (s: string) => out.push(s),
    stderr: (s: string) => err.push(s),
    ...(fetch ? { fetch } : {}),
    out,
    err,
  };
}

describe('signx pdf sign over another party’s signature at B-LT/B-LTA', () => {
  it('asks the other signer’s responders through the given fetch and prints what could not be extended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-cli-foreign-'));
    const doc = await PDFDocument.create();
    doc.addPage([400, 400]).drawText('Signed by two companies', { x: 20, y: 300 });
    const input = join(dir, 'in.pdf');
    writeFileSync(input, await doc.save());
    // The other company signs with its own CA (another data dir, another root).
    const theirs = join(dir, 'theirs.pdf');
    expect(
      await runPdfCommand(['sign', input, '-o', theirs, '--name', 'Other Co'], io(join(dir, 'other'))),
    ).toBe(0);

    const asked: string[] = [];
    const offline: typeof fetch = async (url) => {
      asked.push(String(url));
      throw new Error('connect ECONNREFUSED');
    };
    for (const level of ['B-LT', 'B-LTA']) {
      const ours = join(dir, `ours-${level}.pdf`);
      const run = io(join(dir, 'ours'), offline);
      const code = await runPdfCommand(['sign', theirs, '-o', ours, '--level', level, '--name', 'Us'], run);
      expect(code, run.err.join('')).toBe(0);
      expect(run.out.join('')).toContain(`(PAdES ${level})`);
      const warning = run.err.join('');
      expect(warning).toMatch(/^warning: validation data incomplete for Signature1 \(.*Other Co.*\): /);
      expect(warning).toContain('gave no usable answer');
      expect(warning).not.toMatch(/incomplete for SignX|incomplete for Signature2/);
      // Our own signature is complete and reaches the level asked.
      const root = (await loadCliPki(join(dir, 'ours'), 'Us')).root.certificate;
      const report = await validate(readFileSync(ours), { trustAnchors: [root] });
      const mine = report.signatures.filter((s) => s.kind === 'signature').at(-1)!;
      expect(mine.isValid).toBe(true);
      expect(mine.level).toBe(level);
    }
    // The other signer's certificate names the responder the fetch was asked.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((u) => u.startsWith('http://localhost:3000/pki/'))).toBe(true);
  });
});
