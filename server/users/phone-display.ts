import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Shows a stored number (E.164) the way people read it: in international
 * format, +44 20 7946 0958 (libphonenumber); as stored when it does not parse.
 * The one form for identities' displayValue, history lines and warnings.
 */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
