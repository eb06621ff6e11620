import { PadesError } from '../errors.js';
import { blankAppearance } from '../pdf/appearance/appearance-builder.js';
import { IncrementalUpdate } from '../pdf/incremental-writer.js';
import { PdfReader } from '../pdf/pdf-reader.js';
import {
  digestRanges,
  embedContents,
  fixByteRange,
  signatureDictionary,
} from '../pdf/signature-dictionary.js';
import { placeSignatureField } from '../pdf/signature-field-placer.js';
import type { Timestamper } from '../pki/pki.types.js';
import type { HashName, Signer } from '../pki/signer.js';
import { addDss } from './dss-extender.js';
import type { DssOptions } from './sign-options.js';

/** Options for a document time-stamp (SubFilter ETSI.RFC3161). */
export interface DocumentTimestampOptions {
  timestamper: Timestamper;
  hash?: HashName;
  /** Bytes reserved for the token (default 12 KiB). */
  contentsSize?: number;
}

/**
 * Appends a document time-stamp covering the whole file so far (ETSI.RFC3161). Over a DSS
 * this makes B-LTA; repeating it later (after refreshing the DSS) renews the archive time.
 */
export async function addDocumentTimestamp(
  pdf: Uint8Array,
  o: DocumentTimestampOptions,
): Promise<Uint8Array> {
  const reader = new PdfReader(pdf);
  const upd = new IncrementalUpdate(reader);
  const sigRef = upd.allocate();
  upd.set(sigRef, signatureDictionary({ subFilter: 'ETSI.RFC3161', contentsSize: o.contentsSize ?? 12_288 }));
  placeSignatureField(upd, sigRef, { pageIndex: 0, appearance: (w, h) => blankAppearance(upd, w, h) });
  const { bytes, offsets } = upd.write();
  const prepared = fixByteRange(bytes, offsets.get(sigRef.num)!);
  const hash = o.hash ?? 'SHA-256';
  let token: Uint8Array;
  try {
    token = await o.timestamper.timestamp(digestRanges(prepared, hash), hash);
  } catch (err) {
    if (err instanceof PadesError) throw err;
    throw new PadesError(
      'TSA_UNAVAILABLE',
      'No time-stamp authority answered; the document time-stamp was not added.',
      {
        cause: err,
      },
    );
  }
  return embedContents(prepared, token);
}

/**
 * Brings a signed PDF to B-LTA or renews its archive time-stamp: first validation data for
 * every signature and time-stamp (DSS), then a new document time-stamp over it.
 */
export async function extendToLta(
  pdf: Uint8Array,
  o: DocumentTimestampOptions & { revocation?: DssOptions; signer?: Signer },
): Promise<Uint8Array> {
  const withDss = await addDss(pdf, o.revocation ?? {});
  return addDocumentTimestamp(withDss, o);
}
