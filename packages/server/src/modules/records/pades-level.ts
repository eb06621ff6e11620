/**
 * PAdES baseline levels (ETSI EN 319 142-1) a signature policy can require of the PDF its
 * document signatures produce, lowest first: B-B (signature), B-T (+ signature time-stamp),
 * B-LT (+ validation data in a DSS), B-LTA (+ document time-stamp over it). No policy
 * level means B-T, the platform default.
 */
export const padesLevels = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export type PadesLevel = (typeof padesLevels)[number];
export const DEFAULT_PADES_LEVEL: PadesLevel = 'B-T';

/** The level a policy asks (its stored value, null = the default). */
export const requiredLevel = (stored: string | null | undefined): PadesLevel =>
  padesLevels.includes(stored as PadesLevel) ? (stored as PadesLevel) : DEFAULT_PADES_LEVEL;

/** Whether a level a validator reports (or 'none') is at least `required`. */
export const reaches = (reported: string, required: PadesLevel): boolean =>
  padesLevels.indexOf(reported as PadesLevel) >= padesLevels.indexOf(required);
