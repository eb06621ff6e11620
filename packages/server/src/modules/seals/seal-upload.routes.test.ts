import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit-kit.js';
import { createSealsApp, sealsCaller } from '../../../test/seals-kit.js';
import type { TestApp } from '../../../test/test-app.js';
import { decodePng } from './seal-image.js';
import { sealsErrors } from './seals.errors.js';

const adminId = '019a0000-0000-7000-8000-00000000a001';
let t: TestApp;
const post = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/seals', headers: sealsCaller(adminId), payload });
const sealCount = async () => (await t.database.db.selectFrom('seals').select('id').execute()).length;

beforeAll(async () => {
  t = await createSealsApp();
});
afterAll(() => t?.close());

/** A scan on white paper with a red ink block on the right, as JPEG. */
function jpegScan(width: number, height: number): string {
  const data = Buffer.alloc(width * height * 4, 255);
  for (let y = 0; y < height; y += 1)
    for (let x = width / 2 + 2; x < width; x += 1) data.set([210, 15, 15, 255], (y * width + x) * 4);
  return jpeg.encode({ width, height, data }, 95).data.toString('base64');
}

describe('uploading a seal scan', () => {
  it('accepts a JPEG, stores it as a transparent PNG and audits it', async () => {
    const res = await post({
      organisation: '示例公司',
      seal_type: 'finance',
      name: '财务专用章',
      image_base64: jpegScan(32, 16),
    });
    expect(res.statusCode, res.body).toBe(201);
    const seal = res.json().data as { id: string; source: string; image_png_base64: string };
    expect(seal.source).toBe('uploaded');
    const row = await t.database.db
      .selectFrom('seals')
      .select('image_png')
      .where('id', '=', seal.id)
      .executeTakeFirstOrThrow();
    const image = decodePng(Buffer.from(row.image_png!, 'base64'));
    expect([image.width, image.height]).toEqual([32, 16]);
    expect(image.pixels[3]).toBe(0); // the paper's corner
    expect(image.pixels[(8 * 32 + 30) * 4 + 3]).toBe(255); // the ink
    expect(await auditActions(t.database.db, 'seals.')).toContain('seals.seal.created');
  });

  it('refuses a PNG header on garbage and an oversize JPEG with a clear error, storing nothing', async () => {
    const before = await sealCount();
    const fakePng = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(4000, 0xee),
    ]);
    for (const [name, image] of [
      ['fake png', fakePng.toString('base64')],
      ['huge jpeg', jpegScan(2400, 2)],
    ] as const) {
      const res = await post({ organisation: '示例公司', seal_type: 'custom', name, image_base64: image });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().code).toBe(sealsErrors.SEAL_IMAGE_INVALID.api);
      expect(res.json().message).toMatch(/PNG|pixels/);
    }
    expect(await sealCount()).toBe(before);
  });
});
