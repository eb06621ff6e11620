import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { addVerificationQrPage } from './verification-qr.js';

const dir = mkdtempSync(join(tmpdir(), 'signx-qr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the certificate’s verification QR page', () => {
  it('draws each code module for module as the encoder made it, with the number and address in print', async () => {
    const url = 'https://signx.example/verify/SIG-2026-00042';
    const doc = await PDFDocument.create();
    await addVerificationQrPage(doc, [
      { label: 'SIG-2026-00042', url },
      { label: 'PDF upload', url: 'https://signx.example/verify' },
    ]);
    const file = join(dir, 'qr.pdf');
    writeFileSync(file, await doc.save());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('SIG-2026-00042');
    expect(text).toContain(url);
    // render at 288 dpi and read every module's centre back
    execFileSync('pdftoppm', ['-r', '288', '-gray', '-singlefile', file, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // binary PGM: "P5", width, height, max value, one byte per pixel after the header
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40));
    if (!header) throw new Error('pdftoppm did not write a PGM');
    const width = Number(header[1]);
    const pixels = pgm.subarray(header[0].length);
    const scale = 288 / 72;
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const cell = 118 / (modules.size + 8);
    const top = 841.89 - (800 - 24);
    let mismatches = 0;
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++) {
        const px = Math.round((48 + (col + 4.5) * cell) * scale);
        const py = Math.round((top + (row + 4.5) * cell) * scale);
        const dark = (pixels[py * width + px] ?? 255) < 128;
        if (dark !== (modules.get(row, col) === 1)) mismatches++;
      }
    expect(mismatches).toBe(0);
  });
});
