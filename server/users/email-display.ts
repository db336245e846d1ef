import { domainToUnicode } from 'node:url';

/** Shows a stored address (ASCII domain) with its domain in Unicode. */
export function displayEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  return `${address.slice(0, at + 1)}${domainToUnicode(domain) || domain}`;
}
