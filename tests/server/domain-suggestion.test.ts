import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMON_MAIL_DOMAINS, SINGLE_DOMAIN_BRANDS } from '../../server/mail/common-mail-domains.js';
import { suggestDomain, suggestEmail } from '../../server/mail/domain-suggestion.js';

/** "Did you mean gmail.com?" for mail domains (issue 12), without DNS. */

describe('suggestDomain', () => {
  it('corrects the common slips of the issue', () => {
    const slips: [string, string][] = [
      ['gmial.com', 'gmail.com'],
      ['hotmial.fr', 'hotmail.fr'],
      ['yaho.com', 'yahoo.com'],
      ['outlok.com', 'outlook.com'],
      ['gmail.con', 'gmail.com'],
    ];
    for (const [typo, meant] of slips) expect(suggestDomain(typo), typo).toBe(meant);
  });

  it('letters swapped, missing, doubled or wrong, in the name or the TLD', () => {
    const slips: [string, string][] = [
      ['gmai.com', 'gmail.com'],
      ['gnail.com', 'gmail.com'],
      ['gmaill.com', 'gmail.com'],
      ['gmailcom', 'gmail.com'],
      ['gmail.c', 'gmail.com'],
      ['gmail.co', 'gmail.com'],
      ['gmail.cm', 'gmail.com'],
      ['gmail.comm', 'gmail.com'],
      ['gmail.vom', 'gmail.com'],
      ['hotmal.com', 'hotmail.com'],
      ['homail.com', 'hotmail.com'],
      ['hotmail.cm', 'hotmail.com'],
      ['hotmail.frr', 'hotmail.fr'],
      ['yahooo.fr', 'yahoo.fr'],
      ['yahoo.fe', 'yahoo.fr'],
      ['outllok.fr', 'outlook.fr'],
      ['ornage.fr', 'orange.fr'],
      ['wanado.fr', 'wanadoo.fr'],
      ['lapost.net', 'laposte.net'],
      ['laposte.ent', 'laposte.net'],
      ['fre.fr', 'free.fr'],
      ['sfr.fe', 'sfr.fr'],
      ['aol.con', 'aol.com'],
      ['me.con', 'me.com'],
      ['liv.com', 'live.com'],
      ['protonmail.con', 'protonmail.com'],
      ['proton.mr', 'proton.me'],
      ['icloud.con', 'icloud.com'],
      ['iclod.com', 'icloud.com'],
    ];
    for (const [typo, meant] of slips) expect(suggestDomain(typo), typo).toBe(meant);
  });

  it('a single-domain brand under another TLD', () => {
    for (const typo of ['gmail.fr', 'gmail.de', 'gmail.co.uk', 'gmial.fr', 'gmal.fr']) expect(suggestDomain(typo), typo).toBe('gmail.com');
    expect(suggestDomain('icloud.fr')).toBe('icloud.com');
    expect(suggestDomain('googlemail.fr')).toBe('googlemail.com');
  });

  it('prefers the typed TLD between equally near domains', () => {
    expect(suggestDomain('hotmial.com')).toBe('hotmail.com');
    expect(suggestDomain('hotmial.de')).toBe('hotmail.de');
    expect(suggestDomain('yahou.it')).toBe('yahoo.it');
  });

  it('ignores case, spaces and a final dot', () => {
    expect(suggestDomain(' GMAIL.CON ')).toBe('gmail.com');
    expect(suggestDomain('gmial.com.')).toBe('gmail.com');
    expect(suggestDomain('gmaïl.com')).toBe('gmail.com');
  });

  it('never suggests for a listed domain, in any case', () => {
    for (const d of COMMON_MAIL_DOMAINS) {
      expect(suggestDomain(d), d).toBeNull();
      expect(suggestDomain(d.toUpperCase()), d).toBeNull();
    }
    for (const d of Object.values(SINGLE_DOMAIN_BRANDS)) expect(COMMON_MAIL_DOMAINS).toContain(d);
    expect(new Set(COMMON_MAIL_DOMAINS).size).toBe(COMMON_MAIL_DOMAINS.length);
    for (const d of COMMON_MAIL_DOMAINS) expect(domainToASCII(d), d).toBe(d);
  });

  it('leaves alone real domains that merely look alike', () => {
    for (const d of [
      'acme.io',
      'orange.com',
      'laposte.fr',
      'free.com',
      'mail.de',
      'email.fr',
      'ymail.fr',
      'be.com',
      'mo.com',
      'ge.com',
      'gmx.us.example',
      'edu.gmail.com',
      'mail.gmail.com',
      'example.com',
      'company.fr',
    ]) {
      expect(suggestDomain(d), d).toBeNull();
    }
  });

  it('answers null for nothing, nonsense and the very long', () => {
    for (const d of ['', ' ', '.', 'g', '123.com', '1.2.3.4', '@', 'x'.repeat(300), `${'gmail.'.repeat(20)}com`])
      expect(suggestDomain(d), d.slice(0, 20)).toBeNull();
  });
});

describe('suggestEmail', () => {
  it('keeps the local part and suggests the domain', () => {
    expect(suggestEmail('Jean.Dupont@gmial.com')).toBe('Jean.Dupont@gmail.com');
    expect(suggestEmail('a@b@hotmial.fr')).toBe('a@b@hotmail.fr');
    expect(suggestEmail('jean@gmail.com')).toBeNull();
    expect(suggestEmail('jean@acme.io')).toBeNull();
    expect(suggestEmail('gmial.com')).toBeNull();
    expect(suggestEmail('@gmial.com')).toBeNull();
  });
});
