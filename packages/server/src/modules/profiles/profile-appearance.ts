import { existsSync, readFileSync } from 'node:fs';
import type { AppearanceFonts, AppearanceLabels, ManifestationField } from '@signx/pades';
import { domainError } from '../../platform/errors.js';
import { profilesErrors } from './profiles.errors.js';
import type { ResolvedProfile } from './profiles.service.js';
import type { ProfileSettings } from './profiles.settings.js';

/**
 * What a signing profile's appearance means for the engine: the printed lines (`fields`),
 * the captions in the profile's languages (in its order) and the font mapped onto a face
 * the engine embeds. Fonts the engine cannot embed are refused when the profile is saved.
 */

/** Profile font names → the text face embedded (absent: the engine's default DejaVu Sans). Chinese is always drawn with WenQuanYi Micro Hei (TrueType, subset). */
const SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';
const FONT_FACES: Record<string, { text?: string; hebrew: boolean }> = {
  'Noto Sans': { hebrew: true },
  'Noto Sans SC': { hebrew: true },
  'Noto Sans Hebrew': { hebrew: true },
  'DejaVu Sans': { hebrew: true },
  'Noto Serif': { text: SERIF, hebrew: false },
  'Noto Serif SC': { text: SERIF, hebrew: false },
  'DejaVu Serif': { text: SERIF, hebrew: false },
};
export const APPEARANCE_FONTS = Object.keys(FONT_FACES);

/** Captions per language (the language names the profile page offers). */
const CAPTIONS: Record<string, Omit<AppearanceLabels, 'meanings'>> = {
  en: { signedBy: 'Signed by', meaning: 'Meaning', reason: 'Reason', time: 'Time' },
  'zh-CN': { signedBy: '签署人', meaning: '含义', reason: '原因', time: '时间' },
  he: { signedBy: 'נחתם על ידי', meaning: 'משמעות', reason: 'סיבה', time: 'זמן' },
};
/** Profile field names the engine prints; others (organisation, location, certificate) are kept but not drawn. */
const DRAWN: Record<string, ManifestationField> = {
  name: 'name',
  date: 'date',
  reason: 'reason',
  meaning: 'meaning',
};

const refuse = (message: string) => domainError(profilesErrors.PROFILE_SETTING_REFUSED, message);

/** Save-time check: a font the engine embeds, caption languages it has, Hebrew only with a face that has it. */
export function checkAppearance(settings: ProfileSettings): void {
  const { font, languages } = settings.appearance;
  const face = FONT_FACES[font];
  if (!face)
    throw refuse(
      `appearance.font "${font}" is not a font the signing engine embeds (${APPEARANCE_FONTS.join(', ')})`,
    );
  const unknown = languages.filter((l) => !CAPTIONS[l]);
  if (unknown.length > 0)
    throw refuse(
      `appearance.languages: no captions for ${unknown.join(', ')} (${Object.keys(CAPTIONS).join(', ')})`,
    );
  if (languages.includes('he') && !face.hebrew)
    throw refuse(`appearance.font "${font}" has no Hebrew glyphs; pick a sans font for Hebrew captions`);
}

const fontCache = new Map<string, Uint8Array | undefined>();
function fontsOf(font: string): AppearanceFonts | undefined {
  const path = FONT_FACES[font]?.text;
  if (!path) return undefined;
  if (!fontCache.has(path))
    fontCache.set(path, existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined);
  const text = fontCache.get(path);
  return text ? { text } : undefined;
}

/** How a profile draws a visible signature (captions joined " / " in the listed languages). */
export interface ProfileAppearance {
  fields: ManifestationField[];
  labels: Partial<AppearanceLabels>;
  fonts?: AppearanceFonts;
}

/**
 * The appearance of a configured profile; undefined for the built-in platform default, whose
 * signatures keep the request language's captions and every line.
 */
export function profileAppearance(profile: ResolvedProfile): ProfileAppearance | undefined {
  if (profile.profile_id === null) return undefined;
  const { fields, languages, font } = profile.settings.appearance;
  const langs = languages.filter((l) => CAPTIONS[l]);
  const caption = (key: keyof Omit<AppearanceLabels, 'meanings'>) =>
    (langs.length > 0 ? langs : ['en']).map((l) => CAPTIONS[l]![key]).join(' / ');
  const fonts = fontsOf(font);
  return {
    fields: fields.flatMap((f) => (DRAWN[f] ? [DRAWN[f]] : [])),
    labels: {
      signedBy: caption('signedBy'),
      meaning: caption('meaning'),
      reason: caption('reason'),
      time: caption('time'),
    },
    ...(fonts ? { fonts } : {}),
  };
}

/**
 * The PDF /Reason under a profile: the signer's own when given (refused, 40022, when the
 * profile lists reasons and it is not one of them), else the profile's first reason.
 */
export function profileReason(settings: ProfileSettings, given: string | undefined): string | undefined {
  if (given === undefined) return settings.reasons[0];
  if (settings.reasons.length > 0 && !settings.reasons.includes(given))
    throw refuse(
      `reason "${given.slice(0, 200)}" is not one the signing profile allows (${settings.reasons.join('; ')})`,
    );
  return given;
}
