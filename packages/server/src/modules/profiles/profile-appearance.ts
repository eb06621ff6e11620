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
type Caption = keyof Omit<AppearanceLabels, 'meanings'>;
const CAPTIONS: Record<string, Record<Caption, string>> = {
  en: {
    signedBy: 'Signed by',
    meaning: 'Meaning',
    reason: 'Reason',
    time: 'Time',
    organisation: 'Organisation',
    location: 'Location',
    certificate: 'Certificate',
  },
  'zh-CN': {
    signedBy: '签署人',
    meaning: '含义',
    reason: '原因',
    time: '时间',
    organisation: '单位',
    location: '地点',
    certificate: '证书',
  },
  he: {
    signedBy: 'נחתם על ידי',
    meaning: 'משמעות',
    reason: 'סיבה',
    time: 'זמן',
    organisation: 'ארגון',
    location: 'מקום',
    certificate: 'תעודה',
  },
};
/** Profile field names the engine prints (every field the profile page offers). */
const DRAWN: Record<string, ManifestationField> = {
  name: 'name',
  date: 'date',
  reason: 'reason',
  meaning: 'meaning',
  organisation: 'organisation',
  location: 'location',
  certificate: 'certificate',
};

/**
 * The layouts (`appearance.template`): `standard` prints the chosen fields in display order
 * with captions in every listed language; `compact` only in the first language; `detailed`
 * in the order the profile lists them, the certificate with its issuer; `seal` like standard,
 * and on a seal the lines are printed under it (other layouts show a seal alone).
 */
export const APPEARANCE_TEMPLATES = ['standard', 'compact', 'detailed', 'seal'] as const;
export type AppearanceTemplate = (typeof APPEARANCE_TEMPLATES)[number];
const templateOf = (t: string): AppearanceTemplate =>
  (APPEARANCE_TEMPLATES as readonly string[]).includes(t) ? (t as AppearanceTemplate) : 'standard';

const refuse = (message: string) => domainError(profilesErrors.PROFILE_SETTING_REFUSED, message);

/** Save-time check: a known layout and fields, a font the engine embeds, caption languages it has, Hebrew only with a face that has it. */
export function checkAppearance(settings: ProfileSettings): void {
  const { font, languages, template, fields } = settings.appearance;
  if (!(APPEARANCE_TEMPLATES as readonly string[]).includes(template))
    throw refuse(`appearance.template "${template}" is not a layout (${APPEARANCE_TEMPLATES.join(', ')})`);
  const odd = fields.filter((f) => !DRAWN[f]);
  if (odd.length > 0)
    throw refuse(`appearance.fields: ${odd.join(', ')} cannot be printed (${Object.keys(DRAWN).join(', ')})`);
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
  template: AppearanceTemplate;
  fields: ManifestationField[];
  /** Print the fields in the order the profile lists them (`detailed`). */
  listedOrder: boolean;
  /** The certificate line names the issuer too (`detailed`). */
  certificateIssuer: boolean;
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
  const template = templateOf(profile.settings.appearance.template);
  const known = languages.filter((l) => CAPTIONS[l]);
  const langs = known.length === 0 ? ['en'] : template === 'compact' ? known.slice(0, 1) : known;
  const labels = Object.fromEntries(
    (Object.keys(CAPTIONS.en!) as Caption[]).map((key) => [
      key,
      langs.map((l) => CAPTIONS[l]![key]).join(' / '),
    ]),
  ) as Record<Caption, string>;
  const fonts = fontsOf(font);
  return {
    template,
    fields: fields.flatMap((f) => (DRAWN[f] ? [DRAWN[f]] : [])),
    listedOrder: template === 'detailed',
    certificateIssuer: template === 'detailed',
    labels,
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
