/**
 * Time zones by their current names. ICU (Node, Chrome) still canonicalizes
 * some zones to names IANA has since replaced (Asia/Calcutta for
 * Asia/Kolkata, Europe/Kiev for Europe/Kyiv, Asia/Saigon for
 * Asia/Ho_Chi_Minh): Intl.supportedValuesOf('timeZone') lists the old ones
 * and resolvedOptions() turns a current name back into its old one. These are
 * the renames (IANA's `backward` file, as TC39's canonical-tz proposal lists
 * them; not the zones IANA merged across countries, which keep their names).
 * Pure, so the admin app uses the same table.
 */
export const RENAMED_TIME_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current name of a zone ICU knows by an older one ("Asia/Calcutta" -> "Asia/Kolkata"); others as they are. */
export function currentZoneName(zone: string): string {
  return RENAMED_TIME_ZONES[zone] ?? zone;
}

/** The older names of a zone ("Asia/Kolkata" -> ["Asia/Calcutta"]), for a search that finds both. */
export function formerZoneNames(zone: string): string[] {
  return Object.entries(RENAMED_TIME_ZONES)
    .filter(([, current]) => current === zone)
    .map(([old]) => old);
}
