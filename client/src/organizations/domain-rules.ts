// Domain names as people paste them: "@Acme.com", "https://acme.com/", " acme.com ".
// The server has the last word (IDN to ASCII, one organization per domain).

/** Spaces, commas and semicolons end a domain while typing or pasting. */
export const DOMAIN_SEPARATORS = /[\s,;]+/;

/** Lower case, without a leading "@", a scheme, a path or a trailing dot. */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}
