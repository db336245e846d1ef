import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, fr } from '../../server/i18n/catalog.js';
import { msg, type MessageCode } from '../../server/i18n/message.js';

/** The parameters a template reads, found by handing it a recording object. */
function paramsRead(template: (p: never, n: (x: number) => string) => string): string[] {
  const read = new Set<string>();
  const p = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? (read.add(key), `<${key}>`) : undefined) });
  template(p as never, (x) => String(x));
  return [...read].sort();
}

const SERVER = join(import.meta.dirname, '../../server');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the server message catalog', () => {
  const codes = Object.keys(en) as MessageCode[];

  it('has every code in English and in French, each language reading the same parameters', () => {
    expect(codes.length).toBeGreaterThan(150);
    expect(Object.keys(fr).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect({ code, params: paramsRead(fr[code] as never) }).toEqual({ code, params: paramsRead(en[code] as never) });
    }
  });

  it('has French that is written in French: no message is left as its English text', () => {
    // Words that are the same in both languages.
    const SAME = ['labels.alias', 'labels.notes', 'labels.message', 'labels.description'];
    const fill = new Proxy({}, { get: (_t, key) => `<${String(key)}>` });
    const say = (t: unknown) => (t as (p: unknown, n: unknown) => string)(fill, String);
    // Messages that are only their parameters ("<label> <reason>") have no words to translate.
    const words = (code: MessageCode) => /[a-z]{2}/i.test(say(en[code]).replace(/<[^>]*>/g, ''));
    expect(codes.filter((code) => words(code) && !SAME.includes(code) && say(en[code]) === say(fr[code]))).toEqual([]);
  });

  it('sets French punctuation the French way: a no-break space before : ; ! ? and inside « », never a plain one', () => {
    const fill = new Proxy({}, { get: (_t, key) => `<${String(key)}>` });
    const say = (t: unknown) => (t as (p: unknown, n: unknown) => string)(fill, String);
    expect(codes.filter((code) => /« | »| [:;!?]/.test(say(fr[code])))).toEqual([]);
  });

  it('formats numbers and nested messages per language', () => {
    const m = msg('users.atMostInputsPer', { bulkMax: 10000 });
    expect(m.render('en')).toBe('At most 10,000 inputs per call.');
    expect(m.render('fr')).toMatch(/^Au plus 10\u202f000 /);
    expect(String(m)).toBe(m.render('en'));
  });

  it('leaves no literal message in an error: every one comes from the catalog', () => {
    const literal = [
      /new (?:ForbiddenError|NotFoundError|UnauthenticatedError)\(\s*['"`]/,
      /new (?:UserInputError|RateLimitedError)\(\s*[^,()]+,\s*['"`]/,
      /rule\(\{[^}]*message:\s*['"`]/,
      /problems\.push\(\{\s*field[^}]*message:\s*['"`]/,
    ];
    const found = sources(SERVER)
      .filter((f) => !f.includes(`${join(SERVER, 'i18n')}`))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8').replace(/\s*\n\s*/g, ' ');
        return literal.filter((re) => re.test(text)).map((re) => `${relative(SERVER, f)}: ${re.source}`);
      });
    expect(found).toEqual([]);
  });
});
