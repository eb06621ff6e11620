import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/access.js';
import { withIntegrityAlert } from './content.routes.js';
import { openVersion, type Servable } from './content.service.js';
import type { DocumentsDeps } from './documents.deps.js';
import * as docs from './documents.repository.js';
import { getDocument } from './documents.service.js';
import { contentDisposition } from './file-names.js';
import { needsWatermark, sendWatermarked, watermarkedCopy } from './watermark.service.js';

/**
 * Sends a document's current version to someone another module has authorized on its own
 * record (an approval's participants for its attachments), with the same handling as
 * `GET /documents/{id}/versions/{n}/content`: the category's viewer watermark, the SHA-256
 * check on read (a mismatch is audited and alerted, never served) and an RFC 6266 name.
 * A trashed or unknown document is 404: the trash takes it out of every record that cites it.
 */
export async function sendCurrentVersion(
  deps: DocumentsDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<FastifyReply> {
  const document = await getDocument(deps.db, null, id);
  if (document.state !== 'active') throw notFound('Document');
  const version = await docs.findVersion(deps.db, id, document.current_version);
  if (!version) throw notFound('Document version');
  const servable: Servable = { document, version };
  if (await needsWatermark(deps, servable)) {
    const copy = await withIntegrityAlert(request, deps, () =>
      watermarkedCopy(deps, servable, actorOf(request), 'download'),
    );
    return sendWatermarked(reply, copy, 'attachment');
  }
  const body = await withIntegrityAlert(request, deps, () => openVersion(deps, servable));
  return reply
    .type(version.media_type)
    .header('content-disposition', contentDisposition('attachment', version.file_name))
    .header('content-length', Number(version.size))
    .header('cache-control', 'private, no-store')
    .send(body);
}
