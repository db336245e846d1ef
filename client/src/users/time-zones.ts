// IANA time zones from Intl, grouped by region for a <select>, each labelled
// with its city and its current offset from UTC.

export const REGIONS = ['Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific'] as const;
export type Region = (typeof REGIONS)[number];

export interface TimeZoneOption {
  id: string;
  label: string;
}

export interface TimeZoneGroup {
  region: Region;
  zones: TimeZoneOption[];
}

export function supportedTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "UTC+01:00", "UTC-03:30", "UTC+00:00" for the zone at the given moment. */
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

function isRegion(value: string | undefined): value is Region {
  return (REGIONS as readonly string[]).includes(value ?? '');
}

let cached: TimeZoneGroup[] | null = null;

/** Zones grouped by region, sorted by city name; zones outside a region are left out. */
export function timeZoneGroups(): TimeZoneGroup[] {
  if (cached) return cached;
  const now = new Date();
  const groups = new Map<Region, TimeZoneOption[]>();
  for (const id of supportedTimeZones()) {
    const region = id.split('/')[0];
    if (!isRegion(region)) continue;
    const offset = utcOffset(id, now);
    const label = offset ? `${cityName(id)} (${offset})` : cityName(id);
    const zones = groups.get(region) ?? [];
    zones.push({ id, label });
    groups.set(region, zones);
  }
  cached = REGIONS.filter((region) => groups.has(region)).map((region) => ({
    region,
    zones: (groups.get(region) ?? []).sort((a, b) => a.label.localeCompare(b.label)),
  }));
  return cached;
}

/** Every value the picker lists, "UTC" included. */
export function listedTimeZones(): Set<string> {
  return new Set(['UTC', ...timeZoneGroups().flatMap((group) => group.zones.map((zone) => zone.id))]);
}
