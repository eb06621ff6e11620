/**
 * The time windows and network ranges of a signature policy as the policy form edits them:
 * one window per line, `mon,tue,wed 08:00-18:00`; one CIDR range per line (or separated by
 * commas). The server validates them again (ranges, zones, start before end) and refuses
 * with its own message; this only turns text into the API's shape and back.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export interface TimeWindow {
  days: Weekday[];
  start: string;
  end: string;
}

const windowLine = /^([a-z]{3}(?:\s*,\s*[a-z]{3})*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/i;

export function formatWindows(windows: readonly TimeWindow[] | null | undefined): string {
  return (windows ?? []).map((w) => `${w.days.join(',')} ${w.start}-${w.end}`).join('\n');
}

/** The windows of the text (null when empty: any time), or the number of the first bad line. */
export function parseWindows(text: string): { windows: TimeWindow[] | null } | { badLine: number } {
  const lines = text.split('\n').map((l) => l.trim());
  const windows: TimeWindow[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line) continue;
    const match = windowLine.exec(line);
    const days = match?.[1]?.split(',').map((d) => d.trim().toLowerCase()) ?? [];
    if (!match || !days.every((d): d is Weekday => (weekdays as readonly string[]).includes(d)))
      return { badLine: index + 1 };
    windows.push({ days: [...new Set(days)] as Weekday[], start: match[2] ?? '', end: match[3] ?? '' });
  }
  return { windows: windows.length ? windows : null };
}

export function formatNetworks(networks: readonly string[] | null | undefined): string {
  return (networks ?? []).join('\n');
}

/** The ranges of the text (null when empty: any network). */
export function parseNetworks(text: string): string[] | null {
  const ranges = text
    .split(/[\s,，]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return ranges.length ? ranges : null;
}
