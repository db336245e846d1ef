/**
 * Mail domains that many people have, worldwide and in France first (the
 * desk's first users), then in neighbouring countries: the targets of the
 * "did you mean …?" hint of domain-suggestion.ts. Most used first: when two
 * are equally near a typo, the earlier one is suggested. A domain listed here
 * is never "corrected", so real domains near a popular one (gmx.net,
 * ymail.com, email.com, outlook.fr…) are listed too.
 */
export const COMMON_MAIL_DOMAINS: readonly string[] = [
  // Global
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'email.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'tutanota.com',
  'fastmail.com',
  // France
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'hotmail.fr',
  'live.fr',
  'outlook.fr',
  'yahoo.fr',
  'gmx.fr',
  'aliceadsl.fr',
  'club-internet.fr',
  'numericable.fr',
  // Neighbours
  'web.de',
  'gmx.de',
  't-online.de',
  'hotmail.de',
  'yahoo.de',
  'gmx.at',
  'gmx.ch',
  'bluewin.ch',
  'skynet.be',
  'telenet.be',
  'hotmail.be',
  'hotmail.co.uk',
  'yahoo.co.uk',
  'hotmail.it',
  'libero.it',
  'yahoo.it',
  'hotmail.es',
  'yahoo.es',
];

/**
 * Brands that have exactly one mail domain: the same name under another TLD
 * ("gmail.fr", "icloud.de") is a slip, never a real address, so it is
 * corrected even when the TLDs are far apart.
 */
export const SINGLE_DOMAIN_BRANDS: Readonly<Record<string, string>> = {
  gmail: 'gmail.com',
  googlemail: 'googlemail.com',
  icloud: 'icloud.com',
};
