import { DEFAULT_FONT_PATHS } from '@signx/pades';
import type { PDFDocument } from 'pdf-lib';
import { type AppError, domainError } from '../../../platform/errors.js';
import {
  embedUnicodeFonts,
  MissingFontsError,
  type UnicodeFontKind,
  type UnicodeFontSource,
  type UnicodeFonts,
} from '../../../platform/pdf/unicode-fonts.js';
import { auditErrors } from '../audit.errors.js';

/** The two system fonts the report draws with: DejaVu Sans (Latin, Hebrew, …) and a CJK font. */
export type ReportFontKind = UnicodeFontKind;
export type ReportFontSource = UnicodeFontSource;
export type ReportFonts = UnicodeFonts;

const FONT_NAMES: Record<ReportFontKind, string> = {
  text: 'DejaVu Sans (Latin, Hebrew)',
  cjk: 'WenQuanYi Micro Hei (Chinese)',
};

/**
 * The report's fonts (platform/pdf/unicode-fonts.ts); a missing font is the audit module's
 * REPORT_FONTS_MISSING, naming the Debian packages to install.
 */
export async function embedReportFonts(pdf: PDFDocument, source?: ReportFontSource): Promise<ReportFonts> {
  try {
    return await embedUnicodeFonts(pdf, source);
  } catch (error) {
    if (error instanceof MissingFontsError) throw missingFonts(error.kinds);
    throw error;
  }
}

function missingFonts(kinds: ReportFontKind[]): AppError {
  const list = kinds.map((k) => `${FONT_NAMES[k]} at ${DEFAULT_FONT_PATHS[k].join(' or ')}`);
  return domainError(
    auditErrors.REPORT_FONTS_MISSING,
    `The audit PDF report cannot be generated: font(s) not installed: ${list.join('; ')}. ` +
      'Run scripts/system-deps.sh on the server (Debian packages fonts-dejavu-core, fonts-wqy-microhei).',
    { details: { missing_fonts: kinds } },
  );
}
