// IANA time zones for the searchable picker: each by its current name (ICU
// still lists Asia/Calcutta, Europe/Kiev, Asia/Saigon: shown as Kolkata, Kyiv,
// Ho Chi Minh), with its current offset from UTC ("UTC+05:30 Kolkata"), its
// region and Intl's name of the zone in the reader's language ("heure de
// l’Inde"), found by city, region, either name or offset ("+05:30", "+5:30").
import { currentZoneName, formerZoneNames } from '../../../server/users/time-zone-names';
import { foldText } from '../ui/highlight';

export const REGIONS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific'] as const;
export type Region = (typeof REGIONS)[number];

export interface TimeZoneChoice {
  /** The current IANA name, what is saved. */
  id: string;
  /** "Kolkata", "Buenos Aires, Argentina"; "UTC" for UTC. */
  city: string;
  region: Region | null;
  /** "UTC+05:30" now. */
  offset: string;
  /** Minutes east of UTC now, to sort by. */
  minutes: number;
  /** "UTC+05:30 Kolkata". */
  label: string;
  /** Intl's name of the zone in the reader's language ("heure de l’Inde"), '' when it has none. */
  zoneName: string;
  /** Older names of the zone ("Asia/Calcutta"). */
  former: string[];
  /** Folded words to search in. */
  haystack: string;
}

export function supportedTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "UTC+01:00", "UTC-03:30", "UTC+00:00" for the zone at the given moment; '' for an unknown zone. */
export function utcOffset(zone: string, at: Date = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (!name || name === 'GMT') return 'UTC+00:00';
    return name.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

function offsetMinutes(offset: string): number {
  const match = /^UTC([+-])(\d{2}):(\d{2})$/u.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** "America/Argentina/Buenos_Aires" -> "Buenos Aires, Argentina". */
export function cityName(zone: string): string {
  const parts = zone
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('_', ' '));
  const city = parts.pop();
  if (!city) return zone;
  return parts.length > 0 ? `${city}, ${parts.join(', ')}` : city;
}

function zoneName(zone: string, locale: string): string {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    // Zones without a name of their own come back as an offset ("GMT+05:30"): nothing to add.
    return name && !/^(GMT|UTC)([+-−]|$)/u.test(name) ? name : '';
  } catch {
    return '';
  }
}

function isRegion(value: string | undefined): value is Region {
  return (REGIONS as readonly string[]).includes(value ?? '');
}

function choiceOf(id: string, locale: string, regionName: (region: Region) => string, now: Date): TimeZoneChoice {
  const region = id.split('/')[0];
  const offset = utcOffset(id, now) || 'UTC+00:00';
  const city = id === 'UTC' ? 'UTC' : cityName(id);
  const name = id === 'UTC' ? '' : zoneName(id, locale);
  const former = formerZoneNames(id);
  const regionLabel = isRegion(region) ? regionName(region) : '';
  const words = [id.replaceAll('_', ' '), city, name, regionLabel, region ?? '', ...former.map((f) => f.replaceAll('_', ' '))];
  return {
    id,
    city,
    region: isRegion(region) ? region : null,
    offset,
    minutes: offsetMinutes(offset),
    label: `${offset} ${city}`,
    zoneName: name,
    former,
    haystack: foldText(words.join(' ')),
  };
}

const cache = new Map<string, TimeZoneChoice[]>();

/**
 * Every zone of a region (and UTC) by its current name, sorted by offset then
 * city; `regionName` says a region in the reader's language.
 */
export function timeZoneChoices(locale: string, regionName: (region: Region) => string): TimeZoneChoice[] {
  const key = `${locale}:${regionName('Europe' as Region)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const now = new Date();
  const ids = new Set(['UTC']);
  for (const zone of supportedTimeZones()) {
    const id = currentZoneName(zone);
    if (isRegion(id.split('/')[0])) ids.add(id);
  }
  const collator = new Intl.Collator(locale);
  const choices = [...ids]
    .map((id) => choiceOf(id, locale, regionName, now))
    .sort((a, b) => a.minutes - b.minutes || collator.compare(a.city, b.city));
  cache.set(key, choices);
  return choices;
}

/** The choice for a saved value, an old name found by its current one; null for a zone the list lacks. */
export function findTimeZone(choices: readonly TimeZoneChoice[], value: string): TimeZoneChoice | null {
  if (!value) return null;
  const id = currentZoneName(value);
  return choices.find((choice) => choice.id === id || choice.id.toLowerCase() === id.toLowerCase()) ?? null;
}

/** "+05:30", "+5:30", "UTC+5", "-3", "+0530": an offset (sign optional), else null. */
function offsetQuery(query: string): { sign: 1 | -1 | null; hours: number; minutes: number | null } | null {
  const match = /^(?:utc|gmt)?\s*([+\-−])?\s*(\d{1,2})(?::?(\d{2}))?$/iu.exec(query.trim());
  if (!match || (!match[1] && !/^(utc|gmt)/iu.test(query.trim()) && !match[3])) return null;
  const sign = match[1] ? (match[1] === '+' ? 1 : -1) : null;
  return { sign, hours: Number(match[2]), minutes: match[3] ? Number(match[3]) : null };
}

/** The zones a query finds: by offset, or by every word (city, region, names old and new, Intl's name). */
export function searchTimeZones(choices: readonly TimeZoneChoice[], query: string): TimeZoneChoice[] {
  const text = query.trim();
  if (text === '') return [...choices];
  const offset = offsetQuery(text);
  if (offset) {
    return choices.filter((choice) => {
      const abs = Math.abs(choice.minutes);
      const sign = choice.minutes < 0 ? -1 : 1;
      if (offset.sign !== null && choice.minutes !== 0 && sign !== offset.sign) return false;
      if (Math.floor(abs / 60) !== offset.hours) return false;
      return offset.minutes === null || abs % 60 === offset.minutes;
    });
  }
  const words = foldText(text)
    .split(/[\s/,_-]+/u)
    .filter(Boolean);
  const found = choices.filter((choice) => words.every((word) => choice.haystack.includes(word)));
  // Cities that start with what was typed come first.
  const first = words[0] ?? '';
  const starts = (choice: TimeZoneChoice) => (foldText(choice.city).startsWith(first) ? 0 : 1);
  return found.sort((a, b) => starts(a) - starts(b));
}
