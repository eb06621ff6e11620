import type {
  AppearanceLabels,
  ManifestationField,
  SignatureMeaning,
} from '../pdf/appearance/appearance-text.js';
import type { AppearanceFonts } from '../pdf/appearance/font-loader.js';
import type { SanitizeOptions } from '../pdf/sanitizer.js';
import type { SealAppearanceContent } from '../pdf/seal/seal-appearance.js';
import type { Timestamper } from '../pki/pki.types.js';
import type { CollectRevocationOptions } from '../pki/revocation-collector.js';
import type { Signer } from '../pki/signer.js';
import type { DssReport } from './dss-extender.js';

/** PAdES baseline levels (ETSI EN 319 142-1). */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

/** A visible signature widget and what it shows (21 CFR Part 11 §11.50). */
export interface VisibleSignature {
  /** 1-based page number (default 1). Ignored when signing into an existing field. */
  page?: number;
  /** [x, y, width, height] in PDF points from the page's lower-left corner. */
  rect?: readonly [number, number, number, number];
  /** Drawn or uploaded signature image (PNG or JPEG, by content). */
  image?: Uint8Array;
  /** Typed signature, rendered in a handwriting-style font. */
  typedName?: string;
  fonts?: AppearanceFonts;
  labels?: Partial<AppearanceLabels>;
  /**
   * Which text lines to print (name, meaning, reason, date, organisation, location,
   * certificate; default the first four): /Reason and /Location are written regardless.
   */
  fields?: readonly ManifestationField[];
  /** Print `fields` in the order listed rather than in the display order. */
  listedOrder?: boolean;
  /** The organisation line (default: the signing certificate's O, e.g. an organisation's legal name). */
  organisation?: string;
  /** The certificate line: subject CN and serial; with `issuer`, the issuer's CN too. */
  certificate?: { issuer?: boolean };
  /**
   * What the signer filled in elsewhere on the pages (field values, initials), drawn as
   * further widgets of this signature field: part of what this signature shows, added in its
   * own revision, so earlier signatures stay valid and later changes are detectable.
   */
  stamps?: readonly FieldStamp[];
  /**
   * An organisation seal (generated drawing or uploaded picture) shown instead of the image,
   * name and text lines; with `slice`, this widget shows one vertical slice of it (骑缝章).
   */
  seal?: SealAppearanceContent;
  /**
   * With a whole `seal`: the bottom `sealCaption` points of the rect print the text lines
   * (`fields`, captions) under the seal, which fills the rest. Ignored for a cross-page slice.
   */
  sealCaption?: number;
}

/** One filled-in field: where (like `rect`, in points from the page's lower-left) and what. */
export interface FieldStamp {
  /** 1-based page. */
  page: number;
  rect: readonly [number, number, number, number];
  text?: string;
  checked?: boolean;
  /** A picture (PNG), e.g. drawn initials. */
  image?: Uint8Array;
  /** Text drawn in the handwriting font (typed initials). */
  typedName?: string;
  /** Cross-page seal: this widget shows slice `index` of `count` of the signature's `seal`. */
  sealSlice?: { index: number; count: number };
}

/** Where B-LT validation data comes from: fetched/answered by the PKI layer plus any given. */
export interface DssOptions extends CollectRevocationOptions {
  /** Extra OCSP responses, CRLs and certificates to embed as they are. */
  ocspResponses?: Uint8Array[];
  crls?: Uint8Array[];
  certificates?: Uint8Array[];
  /**
   * Signatures (by field name) whose validation data must be complete, else the call fails
   * with REVOCATION_UNAVAILABLE; default 'all'. signPdf requires only the signature it makes:
   * other signers' data is added as far as it can be obtained and the rest reported.
   */
  required?: 'all' | readonly string[];
  /** Receives which signatures were extended and which could not be (and why). */
  onReport?: (report: DssReport) => void;
}

/** Everything signPdf accepts; only `signer` is required. */
export interface SignPdfOptions {
  signer: Signer;
  /** Default B-B; B-T and above need `timestamper`; B-LT and above gather revocation data. */
  level?: PadesLevel;
  timestamper?: Timestamper;
  /** Claimed signing time written to /M (default: now). */
  signingTime?: Date;
  /** IANA zone for /M and the visible time (default UTC). */
  timeZone?: string;
  /** Existing empty signature field to sign, or name for the new one. */
  fieldName?: string;
  /** Printed name (default: the certificate's common name). */
  name?: string;
  /** A §11.50 meaning code; the records module's own codes (e.g. "confirmation") are allowed. */
  meaning?: SignatureMeaning | (string & {});
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Omit for an invisible signature. */
  visible?: VisibleSignature;
  /** Certification signature with DocMDP permissions (first signature only). */
  certify?: 1 | 2 | 3;
  /** Bytes reserved for the CMS (default: estimated from the signer, with headroom). */
  contentsSize?: number;
  /** Run the sanitizer first (only allowed before the first signature). */
  sanitize?: boolean | SanitizeOptions;
  /** Revocation sources for B-LT/B-LTA. */
  revocation?: DssOptions;
}
