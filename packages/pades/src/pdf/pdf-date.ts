/**
 * PDF dates (ISO 32000-1 §7.9.4) carrying the local offset, so `/M` shows the claimed time
 * with its time zone as 21 CFR Part 11 §11.50 wants the signing time displayed.
 */
export function formatPdfDate(date: Date, offsetMinutes = 0): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  const body =
    `${p(local.getUTCFullYear(), 4)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}` +
    `${p(local.getUTCHours())}${p(local.getUTCMinutes())}${p(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `D:${body}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `D:${body}${sign}${p(Math.floor(abs / 60))}'${p(abs % 60)}'`;
}

/** Parses a PDF date string; returns undefined when it is not one. */
export function parsePdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [
    m[1],
    m[2] ?? '01',
    m[3] ?? '01',
    m[4] ?? '00',
    m[5] ?? '00',
    m[6] ?? '00',
  ].map(Number);
  let t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (m[7] === '+' || m[7] === '-') {
    const off = Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0);
    t -= (m[7] === '+' ? 1 : -1) * off * 60_000;
  }
  return new Date(t);
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat loads the zone's data and cost about
 * 1 ms, twice per signature (the /M date and the visible time); formatting with it is cheap.
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Offset of an IANA time zone from UTC at `date`, in minutes (east positive). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  // UTC has no offset and no rules: skip formatToParts, a tenth of a millisecond per signature.
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = zoneFormat(timeZone).formatToParts(date);
  const get = (t: string) => Number(parts.find((x) => x.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}
