import { deflateRawSync } from 'node:zlib';
import { attachDetails } from '../src/modules/identity/sessions/principal-details.js';
import type { Principal } from '../src/platform/http/access.js';
import type { ModuleDefinition } from '../src/platform/module.js';
import type { TestApp } from './test-app.js';

/**
 * Test helpers of the documents suites: an authenticator that also gives the caller a data
 * scope (own rows, or all with `x-test-scope: all`), multipart bodies, and small files of
 * every kind the sniffer must tell apart.
 */
export const scopedHeaderAuthModule: ModuleDefinition = {
  name: 'test-scoped-header-auth',
  install: async (app) => {
    app.setAuthenticator(async (request) => {
      const user = request.headers['x-test-user'];
      if (typeof user !== 'string') return null;
      const permissions = String(request.headers['x-test-permissions'] ?? '');
      const principal: Principal = {
        kind: 'user',
        id: user,
        userId: user,
        username: `user-${user.slice(-4)}`,
        permissions: new Set(permissions ? permissions.split(',') : []),
        sessionId: null,
        authMethod: 'password',
      };
      const all = request.headers['x-test-scope'] === 'all';
      return attachDetails(principal, {
        scope: all ? { all: true, userId: user } : { all: false, userId: user, departmentIds: [] },
        departmentId: null,
        roleCodes: [],
        mfaRequired: false,
        authzVersion: 0,
      });
    });
  },
};

export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----signx-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** POSTs a multipart upload to /api/v1/documents as `headers`' caller; the answer is the test's to check. */
export function postDocument(
  t: TestApp,
  headers: Record<string, string>,
  fields: Record<string, string>,
  file?: Parameters<typeof multipartBody>[1],
) {
  const body = multipartBody(fields, file);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

export const pdfBytes = (text = 'hello') =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
export const pngBytes = () =>
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A ZIP with the given entries (DEFLATE), optionally lying about an entry's unpacked size. */
export function zipBytes(entries: Record<string, string | Buffer>, declaredSize?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const size = declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
export const docxBytes = (extra: Record<string, string> = {}) =>
  zipBytes({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    'word/document.xml': '<w:document/>',
    ...extra,
  });
export const docmBytes = () =>
  zipBytes({
    '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'),
    'word/document.xml': '<w:document/>',
    'word/vbaProject.bin': 'Attribute VB_Name',
  });
