import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { cleanText, fitKey, foldCase, quoteInput, shortenEchoes, strayInvisible, visibleCount } from '../../server/text/text-rules.js';
import { emailKey, parseEmail } from '../../server/users/email-address.js';
import { externalIdKey, LIMITS, normalizeName, normalizeTag, searchKey } from '../../server/users/profile-rules.js';
import { comparisonKey, normalizeOptions, normalizeTitle } from '../../server/fields/field-rules.js';

/** The pure text rules, without a server. */
const chars = (s: string) => [...s].length;
const reason = (value: string, kind: 'line' | 'name' | 'multiline') => {
  const r = cleanText(value, kind);
  return r.ok ? null : String(r.reason);
};

describe('cleanText', () => {
  it('stores NFC, trimmed, with \\n line breaks in multi-line text', () => {
    expect(cleanText('  Rene\u0301  ', 'name')).toEqual({ ok: true, text: 'Ren\u00e9' });
    expect(cleanText('a\r\nb\rc', 'multiline')).toEqual({ ok: true, text: 'a\nb\nc' });
    expect(cleanText('', 'name')).toEqual({ ok: true, text: '' });
  });

  it('refuses lone surrogates, high or low, anywhere', () => {
    for (const s of ['\ud800', 'a\udbff', '\udc00b', 'x\udfffy', '\ud83d']) {
      for (const kind of ['line', 'name', 'multiline'] as const) expect(reason(s, kind), `${kind} ${escape(s)}`).toMatch(/surrogate/);
    }
    expect(reason('😀', 'name')).toBeNull();
  });

  it('refuses every bidi control in every kind of text', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      for (const kind of ['line', 'name', 'multiline'] as const) expect(reason(`abc${c}def`, kind)).toMatch(/bidirectional/);
    }
  });

  it('keeps control rules: tabs and breaks only in multi-line text', () => {
    expect(reason('a\tb', 'line')).toMatch(/line breaks/);
    expect(reason('a\nb', 'name')).toMatch(/line breaks/);
    expect(reason('a\tb\nc', 'multiline')).toBeNull();
    expect(reason('a\u0007b', 'multiline')).toMatch(/control/);
  });

  it('needs a visible character in a name, not in other text', () => {
    for (const s of ['\u200b', '\u2800\u2800', '\u3164', '\u115f', '\u1160', '\uffa0', '\u0301', '\u00ad', '\ufe0f', '\u{1D159}']) {
      expect(reason(s, 'name'), escape(s)).toMatch(/visible|invisible/);
    }
    expect(reason('\u2800', 'line')).toBeNull();
    expect(reason('\u200b', 'multiline')).toBeNull();
  });

  it('keeps joiners and selectors where scripts and emoji need them, and nowhere else', () => {
    for (const s of [
      'क्\u200dष',
      'می\u200cخواهم',
      '👨\u200d👩\u200d👧',
      '❤\ufe0f\u200d🔥',
      '1\ufe0f\u20e3',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      '\u1100\u1160',
      '葛\u{E0100}',
    ]) {
      expect(strayInvisible(s), escape(s)).toBeNull();
      expect(reason(s, 'name')).toBeNull();
    }
    for (const s of ['\u200dab', 'ab\u200d', 'a\u200d\u200db', 'a\u200bb', 'a\u2060b', '\ufe0fa', 'a\u{E0067}', 'a\u3164b', 'a\u115fb', 'a\ufeffb']) {
      expect(strayInvisible(s), escape(s)).not.toBeNull();
    }
  });

  it('counts visible characters', () => {
    expect(visibleCount(' '.repeat(12))).toBe(0);
    expect(visibleCount('\u0000'.repeat(12))).toBe(0);
    expect(visibleCount('\u200b'.repeat(12))).toBe(0);
    expect(visibleCount('a b\u200bc😀')).toBe(4);
  });
});

describe('foldCase', () => {
  it.each([
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδος', 'ΟΔΟΣ'],
    ['straße', 'STRASSE'],
    ['STRAẞE', 'strasse'],
    ['ﬃ', 'FFI'],
    ['ſ', 's'],
    ['rene\u0301', 'RENÉ'],
    ['a\u0323\u0301', 'a\u0301\u0323'],
    ['µ', 'μ'],
    ['ΐ', 'Ϊ́'],
  ])('%s and %s fold alike', (a, b) => {
    expect(foldCase(a)).toBe(foldCase(b));
  });

  it('leaves ASCII lower-cased as before, and is stable', () => {
    const ascii = 'John.Doe+Tag_1!#$%&*/=?^`{|}~-';
    expect(foldCase(ascii)).toBe(ascii.toLowerCase());
    for (const s of ['ΟΔΟΣ', 'straße', 'İstanbul', 'ΐ', 'ǅ', 'Ꭰꭰ']) expect(foldCase(foldCase(s))).toBe(foldCase(s));
  });
});

describe('keys fit their columns', () => {
  it('fitKey keeps short keys and hashes long ones to the column size', () => {
    expect(fitKey('abc', 255)).toBe('abc');
    const long = 'ﷺ'.repeat(300);
    const key = fitKey(long, 255);
    expect(chars(key)).toBeLessThanOrEqual(255);
    expect(key.startsWith('ﷺ'.repeat(190))).toBe(true);
    expect(fitKey(long, 255)).toBe(key);
    expect(fitKey(`${long}x`, 255)).not.toBe(key);
  });

  it.each([
    ['20 × ﷺ', 'ﷺ'.repeat(20)],
    ['200 × ﬃ', 'ﬃ'.repeat(200)],
    ['255 × ﷺ', 'ﷺ'.repeat(255)],
    ['255 × ㍿', '㍿'.repeat(255)],
  ])('a name of %s has a search key of at most 255 characters', (_label, name) => {
    expect(chars(normalizeName(name))).toBeLessThanOrEqual(LIMITS.name);
    expect(chars(searchKey(name))).toBeLessThanOrEqual(255);
    expect(searchKey(name)).toBe(searchKey(name.toUpperCase()));
  });

  it('an external id key is case-insensitive and fits', () => {
    expect(chars(externalIdKey('İ'.repeat(255)))).toBeLessThanOrEqual(255);
    expect(externalIdKey(`EXT${'İ'.repeat(252)}`)).toBe(externalIdKey(`ext${'İ'.repeat(252)}`));
    expect(externalIdKey('ABC-1')).toBe('abc-1');
  });

  it('a tag is measured once lower-cased', () => {
    expect(() => normalizeTag('İ'.repeat(80))).toThrow(/80 characters/);
    expect(chars(normalizeTag('İ'.repeat(40)))).toBe(80);
    expect(normalizeTag(' VIP Customer ')).toBe('vip_customer');
  });

  it('custom field keys stay as they were (existing rows keep matching)', () => {
    expect(comparisonKey('Hello')).toBe('hello');
    const long = 'L'.repeat(300);
    expect(comparisonKey(long)).toMatch(new RegExp(`^${'l'.repeat(120)}~[0-9a-f]{64}$`));
    expect(chars(comparisonKey('İ'.repeat(65_536)))).toBeLessThanOrEqual(190);
  });

  it('field titles and options are measured in NFC', () => {
    expect(() => normalizeTitle('\ufb2c'.repeat(100))).toThrow(/255/);
    expect(() => normalizeOptions([{ title: 'A', value: '\ufb2c'.repeat(100) }])).toThrow(/255/);
    expect(() => normalizeTitle('\u200b')).toThrow(/invisible/);
  });
});

describe('email addresses', () => {
  it('normalizes with NFC and a full case fold, ASCII as before', () => {
    expect(emailKey('John.Doe@Example.ORG')).toBe('john.doe@example.org');
    expect(emailKey('ΟΔΟΣ@acme.io')).toBe(emailKey('οδοσ@acme.io'));
    expect(emailKey('rene\u0301@acme.io')).toBe(emailKey('ren\u00e9@acme.io'));
    expect(emailKey('straße@acme.io')).toBe(emailKey('STRASSE@acme.io'));
    const r = parseEmail('rene\u0301@acme.io');
    expect(r.ok && r.email.address).toBe('ren\u00e9@acme.io');
  });

  it('refuses default-ignorable characters and lone surrogates', () => {
    for (const s of [
      'ada\u034f@acme.io',
      'ada\ufe0f@acme.io',
      'a\u00adda@acme.io',
      'a\u2060da@acme.io',
      'ada\u3164@acme.io',
      'a\u200dda@acme.io',
      'ada\ud800@acme.io',
    ]) {
      expect(parseEmail(s).ok, escape(s)).toBe(false);
    }
  });

  it('keeps normalized keys within the 320-character column', () => {
    const r = parseEmail(`${'ΐ'.repeat(32)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(50)}.org`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(chars(r.email.normalized)).toBeLessThanOrEqual(320);
  });
});

describe('quoteInput', () => {
  it('quotes short input whole and shortens long input with an ellipsis', () => {
    expect(quoteInput('abc')).toBe('"abc"');
    expect(quoteInput('x'.repeat(10_000))).toBe(`"${'x'.repeat(60)}…"`);
    expect(chars(quoteInput('😀'.repeat(100)))).toBe(63);
    expect(quoteInput('\ud800')).toBe('"\ufffd"');
  });
});

describe('shortenEchoes', () => {
  it('shortens long quoted strings and long unbroken runs, and leaves short messages alone', () => {
    const msg = `Variable "$i" got invalid value { name: "a", ${'K'.repeat(100)}: 1, x: "${'v'.repeat(100)}" }`;
    expect(shortenEchoes(msg)).toBe(`Variable "$i" got invalid value { name: "a", ${'K'.repeat(60)}…: 1, x: "${'v'.repeat(60)}…" }`);
    expect(shortenEchoes('Value "ADMN" does not exist in "Role" enum.')).toBe('Value "ADMN" does not exist in "Role" enum.');
    expect(shortenEchoes(`"${'a\\"'.repeat(50)}"`).length).toBeLessThan(70);
  });
});
