import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { sha256Hex } from './storage-key.js';
import { openVerified, readVerified } from './storage-verify.js';

const good = Buffer.from('the bytes that were signed');
const bad = Buffer.from('the bytes that were swapped');
const key = sha256Hex(good);

/** An opener that returns the given contents in turn, like a file changed between passes. */
const sequence = (...contents: Buffer[]) => {
  let call = 0;
  return async () => Readable.from([contents[Math.min(call++, contents.length - 1)] ?? Buffer.alloc(0)]);
};

describe('verified reads', () => {
  it('serves bytes that match their key', async () => {
    expect(await readVerified(key, sequence(good))).toEqual(good);
    const chunks: Buffer[] = [];
    for await (const chunk of await openVerified(key, sequence(good))) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(good);
  });

  it('refuses before streaming when the first pass does not match', async () => {
    await expect(openVerified(key, sequence(bad, good))).rejects.toMatchObject({ code: 'STORAGE_CORRUPTED' });
    await expect(readVerified(key, sequence(bad))).rejects.toBeInstanceOf(AppError);
  });

  it('fails the stream when the bytes change between the two passes', async () => {
    const stream = await openVerified(key, sequence(good, bad));
    const consume = async () => {
      for await (const _chunk of stream);
    };
    await expect(consume()).rejects.toMatchObject({ code: 'STORAGE_CORRUPTED' });
  });
});
