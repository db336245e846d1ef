import { describe, expect, it } from 'vitest';
import { candidateRange, oneEditAway } from '../../server/search/did-you-mean.js';
import { damerauLevenshtein, levenshtein } from '../../server/search/edit-distance.js';
import { foldForSearch } from '../../server/search/fold.js';
import {
  matchesWords,
  queryPhoneDigits,
  queryWords,
  userSearchWords,
  wholeQueryKey,
  type SearchableUser,
  type SearchWord,
} from '../../server/search/search-words.js';
import { MAX_WORD } from '../../server/search/word-split.js';

/** The pure word search of issue 9, without a database. */

const words = (user: SearchableUser, kind?: SearchWord['kind']) =>
  userSearchWords(user)
    .filter((w) => !kind || w.kind === kind)
    .map((w) => w.word);
const finds = (query: string, user: SearchableUser) => matchesWords(queryWords(query), userSearchWords(user));

const grace: SearchableUser = {
  name: 'Grace Hopper',
  emails: ['grace@acme.io', 'G.Hopper@mail.navy.mil'],
  phones: ['+33612345678'],
  externalId: 'CRM-0042',
  organizationName: 'Acme Corporation',
  tags: ['vip_gold', 'navy'],
};
const picard: SearchableUser = { name: 'Jean-Luc Picard', alias: 'Locutus', emails: ['picard@starfleet.org'] };
const sean: SearchableUser = { name: "Seán O'Brien", emails: ['sean@example.ie'] };
const zoe: SearchableUser = { name: 'Zoë Ødegaard', emails: ['zoe@fjord.no'] };
const wang: SearchableUser = { name: '王小明', emails: ['xiaoming@example.cn'] };

describe('foldForSearch', () => {
  it('ignores case and accents, and spells out the letters that are not accented ones', () => {
    const cases: [string, string][] = [
      ['Zoë', 'zoe'],
      ['SEÁN', 'sean'],
      ['Straße', 'strasse'],
      ['STRASSE', 'strasse'],
      ['ẞ', 'ss'],
      ['Ødegaard', 'odegaard'],
      ['Æsir', 'aesir'],
      ['Œuvre', 'oeuvre'],
      ['Łódź', 'lodz'],
      ['Đorđe', 'dorde'],
      ['İstanbul', 'istanbul'],
      ['ıstanbul', 'istanbul'],
      ['Þór', 'thor'],
      ['Çağrı', 'cagri'],
      ['ﬁne', 'fine'],
      ['Ｚｏë', 'zoe'],
    ];
    for (const [input, folded] of cases) expect(foldForSearch(input), input).toBe(folded);
  });

  it('folds Greek case and accents, final sigma included', () => {
    expect(foldForSearch('ὈΔΥΣΣΕΎΣ')).toBe(foldForSearch('ὀδυσσεύς'));
    expect(foldForSearch('Ά')).toBe('α');
  });

  it('keeps the marks that other scripts spell with, and recomposes Hangul', () => {
    expect(foldForSearch('が')).toBe('が');
    expect(foldForSearch('क्षत्रिय')).toBe('क्षत्रिय');
    expect(foldForSearch('한국어')).toBe('한국어');
    expect(foldForSearch('Йошкар')).toBe('йошкар');
    expect(foldForSearch('Ёлка')).toBe('елка');
  });

  it('survives odd input', () => {
    expect(foldForSearch('')).toBe('');
    expect(foldForSearch('\ud800x')).toBe('\ud800x');
    expect(foldForSearch('\u0301')).toBe('\u0301');
  });
});

describe('queryWords', () => {
  it('cuts at spaces, apostrophes, hyphens and dots, folding case and accents', () => {
    expect(queryWords("Seán O'Brien")).toEqual(['sean', 'o', 'brien']);
    expect(queryWords('Seán O’Brien')).toEqual(['sean', 'o', 'brien']);
    expect(queryWords('Jean-Luc Picard')).toEqual(['jean', 'luc', 'picard']);
    expect(queryWords('Jean–Luc')).toEqual(['jean', 'luc']);
    expect(queryWords('  ZOË   ødegaard ')).toEqual(['zoe', 'odegaard']);
    expect(queryWords('Hopper, Grace')).toEqual(['hopper', 'grace']);
    expect(queryWords('J.R.R. Tolkien')).toEqual(['j', 'r', 'tolkien']);
    expect(queryWords('STRASSE')).toEqual(queryWords('Straße'));
    expect(queryWords('İSTANBUL')).toEqual(['istanbul']);
  });

  it('keeps addresses and domains whole, without a leading @', () => {
    expect(queryWords('@acme.io')).toEqual(['acme.io']);
    expect(queryWords('acme.io')).toEqual(['acme.io']);
    expect(queryWords('Grace@ACME.io')).toEqual(['grace@acme.io']);
    expect(queryWords('grace@')).toEqual(['grace@']);
    expect(queryWords('@acme')).toEqual(['acme']);
    expect(queryWords('@')).toEqual([]);
    expect(queryWords('@@')).toEqual([]);
  });

  it('turns phone numbers into their digits, however they are spaced', () => {
    expect(queryWords('+33 6 12 34 56 78')).toEqual(['33612345678']);
    expect(queryWords('06 12 34 56 78')).toEqual(['0612345678']);
    expect(queryWords('06.12.34.56.78')).toEqual(['0612345678']);
    expect(queryWords('0612')).toEqual(['0612']);
    expect(queryWords('(415) 555-2671')).toEqual(['4155552671']);
    expect(queryWords('grace 06 12')).toEqual(['grace', '0612']);
    expect(queryPhoneDigits(' +33 6 12 ')).toBe('33612');
    expect(queryPhoneDigits('grace')).toBeNull();
    expect(queryPhoneDigits('+')).toBeNull();
  });

  it('keeps a CJK run whole and cuts it from Latin letters next to it', () => {
    expect(queryWords('王小明')).toEqual(['王小明']);
    expect(queryWords('abc王小明def')).toEqual(['abc', '王小明', 'def']);
    expect(queryWords('山田 太郎')).toEqual(['山田', '太郎']);
  });

  it('drops duplicates and words that another query word already implies', () => {
    expect(queryWords('grace hop gr GRACE')).toEqual(['grace', 'hop']);
  });

  it('gives nothing for nothing, and never throws on odd input', () => {
    for (const q of ['', '   ', '---', "'", '...', ',;', '\u0000\u0007', '\ud800', '+', '()']) expect(queryWords(q), JSON.stringify(q)).toEqual([]);
    expect(queryWords('a\tb\nc')).toEqual(['a', 'b', 'c']);
  });

  it('cuts every word to the index column', () => {
    const long = 'x'.repeat(300);
    expect(queryWords(long)).toEqual(['x'.repeat(MAX_WORD)]);
    expect(queryWords(`${long}@acme.io`)[0]).toHaveLength(MAX_WORD);
    expect([...queryWords('😀'.repeat(100) + 'a')[0]]).toHaveLength(1);
  });

  it('whole-query key for ranking exact matches', () => {
    expect(wholeQueryKey(' @Grace@ACME.io ')).toBe('grace@acme.io');
    expect(wholeQueryKey('CRM-0042')).toBe('crm-0042');
  });
});

describe('userSearchWords', () => {
  it('indexes every word of the name and the alias, with joined forms', () => {
    expect(words(sean, 'name')).toEqual(['sean', 'o', 'brien', 'obrien']);
    expect(words(picard, 'name')).toEqual(['jean', 'luc', 'jeanluc', 'picard']);
    expect(words(picard, 'alias')).toEqual(['locutus']);
    expect(words(zoe, 'name')).toEqual(['zoe', 'odegaard']);
  });

  it('indexes every suffix of a CJK name', () => {
    expect(words(wang, 'name')).toEqual(['王小明', '小明', '明']);
  });

  it('indexes each address whole, its local part, its domain and parent domains (never a bare TLD)', () => {
    expect(words(grace, 'email')).toEqual(['grace@acme.io', 'g.hopper@mail.navy.mil']);
    expect(words(grace, 'email_local')).toEqual(['grace', 'g.hopper', 'g', 'hopper', 'ghopper']);
    expect(words(grace, 'email_domain')).toEqual(['acme.io', 'mail.navy.mil', 'navy.mil']);
  });

  it('indexes an IDN domain in Unicode (folded) and ASCII forms', () => {
    const u = { name: 'Hans', emails: ['hans@xn--bcher-kva.de'] };
    expect(words(u, 'email')).toEqual(['hans@bucher.de', 'hans@xn--bcher-kva.de']);
    expect(words(u, 'email_domain')).toEqual(['bucher.de', 'xn--bcher-kva.de']);
  });

  it('indexes phones in international and national digits', () => {
    expect(words(grace, 'phone')).toEqual(['33612345678', '0612345678']);
    expect(words({ name: 'x', phones: ['+14155552671'] }, 'phone')).toEqual(['14155552671', '4155552671']);
    expect(words({ name: 'x', phones: ['+442079460958'] }, 'phone')).toEqual(['442079460958', '02079460958']);
    expect(words({ name: 'x', phones: ['not a phone'] }, 'phone')).toEqual([]);
  });

  it('indexes the external id, the organization and the tags, whole and by word', () => {
    expect(words(grace, 'external_id')).toEqual(['crm-0042', 'crm', '0042', 'crm0042']);
    expect(words(grace, 'organization')).toEqual(['acme', 'corporation']);
    expect(words(grace, 'tag')).toEqual(['vip_gold', 'vip', 'gold', 'navy']);
  });

  it('cuts every word to the index column and never repeats a pair', () => {
    const u: SearchableUser = {
      name: `${'n'.repeat(200)} dup dup`,
      emails: [`${'l'.repeat(64)}@${'d'.repeat(60)}.example.com`],
      externalId: 'e'.repeat(255),
      tags: ['dup', 'dup'],
    };
    const all = userSearchWords(u);
    for (const w of all) expect([...w.word].length).toBeLessThanOrEqual(MAX_WORD);
    const keys = all.map((w) => `${w.kind}:${w.word}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(words(u, 'name')).toEqual(['n'.repeat(MAX_WORD), 'dup']);
  });

  it('indexes nothing for what is missing or empty', () => {
    expect(userSearchWords({ name: '' })).toEqual([]);
    expect(userSearchWords({ name: '---', alias: null, emails: [], phones: [], externalId: null, organizationName: null, tags: [] })).toEqual([]);
    expect(userSearchWords({ name: 'x', emails: ['broken', '@', 'a@'] }).every((w) => w.word !== '')).toBe(true);
  });
});

describe('a query finds a user when every word starts one of their words', () => {
  it('by any word of the name, in any case and accent, with AND', () => {
    expect(finds('hopper', grace)).toBe(true);
    expect(finds('grace hop', grace)).toBe(true);
    expect(finds('GRACE', grace)).toBe(true);
    expect(finds('grace picard', grace)).toBe(false);
    expect(finds('grace picard', picard)).toBe(false);
    expect(finds('picard', picard)).toBe(true);
    expect(finds('jean-luc', picard)).toBe(true);
    expect(finds('jeanluc', picard)).toBe(true);
    expect(finds('luc', picard)).toBe(true);
    expect(finds('locut', picard)).toBe(true);
  });

  it('in several scripts', () => {
    for (const q of ['zoe', 'ZOË', 'Zoë', 'odegaard', 'Ødegaard', 'ØDEGAARD', 'oDeG']) expect(finds(q, zoe), q).toBe(true);
    for (const q of ["o'brien", 'O’Brien', 'obrien', 'brien', 'sean', 'SEAN', 'seán o']) expect(finds(q, sean), q).toBe(true);
    for (const q of ['王', '小明', '王小明', '明', '王小']) expect(finds(q, wang), q).toBe(true);
    for (const q of ['明王', '小王', '王明']) expect(finds(q, wang), q).toBe(false);
    const strasse = { name: 'Hans Straße' };
    for (const q of ['strasse', 'STRASSE', 'straße', 'stras']) expect(finds(q, strasse), q).toBe(true);
    const istanbul = { name: 'İstanbul Kebap' };
    for (const q of ['istanbul', 'İstanbul', 'ISTANBUL', 'ıstanbul']) expect(finds(q, istanbul), q).toBe(true);
  });

  it('by address, local part, domain or "@domain"', () => {
    for (const q of [
      'grace@acme.io',
      'grace@acme',
      'grace@',
      'acme',
      'acme.io',
      '@acme.io',
      '@ACME.IO',
      'navy.mil',
      'mail.navy',
      'g.hopper',
      'g.hopper@mail.navy.mil',
    ]) {
      expect(finds(q, grace), q).toBe(true);
    }
    for (const q of ['io', '@io', 'grace@navy.mil', 'hopper@acme.io']) expect(finds(q, grace), q).toBe(false);
  });

  it('by phone in international or national form', () => {
    for (const q of ['+33 6 12 34 56 78', '+33 6 12', '+33612', '06 12 34 56 78', '0612', '06.12.34', '33 6 12'])
      expect(finds(q, grace), q).toBe(true);
    for (const q of ['+33 7', '0712', '612345678']) expect(finds(q, grace), q).toBe(false);
  });

  it('by external id, organization word and tag', () => {
    for (const q of ['CRM-0042', 'crm', '0042', 'crm0042', 'corporation', 'acme corp', 'vip', 'vip_gold', 'gold', 'navy'])
      expect(finds(q, grace), q).toBe(true);
    expect(finds('crm-0043', grace)).toBe(false);
  });

  it('never for an empty query', () => {
    expect(finds('', grace)).toBe(false);
    expect(finds('   ', grace)).toBe(false);
  });
});

describe('edit distances', () => {
  it('Levenshtein counts insertions, deletions and substitutions in code points', () => {
    expect(levenshtein('dupont', 'dupond')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
    expect(levenshtein('gmial', 'gmail')).toBe(2);
    expect(levenshtein('😀a', '😁a')).toBe(1);
  });

  it('Damerau–Levenshtein also counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('gmial', 'gmail')).toBe(1);
    expect(damerauLevenshtein('hotmial', 'hotmail')).toBe(1);
    expect(damerauLevenshtein('ca', 'abc')).toBe(3);
    expect(damerauLevenshtein('abcdef', 'badcfe')).toBe(3);
  });

  it('stop at the bound and answer bound + 1', () => {
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(levenshtein('a', 'abcdefgh', 1)).toBe(2);
    expect(damerauLevenshtein('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(levenshtein('dupont', 'dupond', 1)).toBe(1);
    expect(levenshtein('x'.repeat(10_000), 'y'.repeat(10_000), 1)).toBe(2);
  });
});

describe('Did you mean', () => {
  it('candidates share the first two characters and are at most one longer or shorter', () => {
    expect(candidateRange('dupond')).toEqual({ prefix: 'du', minLength: 5, maxLength: 7 });
    expect(candidateRange('王小明')).toEqual({ prefix: '王小', minLength: 2, maxLength: 4 });
    expect(candidateRange('ab')).toBeNull();
    expect(candidateRange('')).toBeNull();
  });

  it('keeps the candidates one edit away, not the word itself, without duplicates', () => {
    expect(oneEditAway('dupond', ['dupont', 'dupond', 'dupont', 'dupuis', 'dupon', 'duponds', 'durand'])).toEqual(['dupont', 'dupon', 'duponds']);
    expect(oneEditAway('dupond', [])).toEqual([]);
    expect(oneEditAway('hopper', new Set(['hoper', 'hopperr', 'hipper', 'topper']))).toEqual(['hoper', 'hopperr', 'hipper', 'topper']);
  });
});
