import { describe, expect, it } from 'vitest';
import { columnText, type ListUser } from '../../client/src/lists/list-columns';
import { formatDate } from '../../client/src/ui/format/dates';
import { formatNumber, parseNumber, reformatNumber } from '../../client/src/ui/format/numbers';

// Issue 13: numbers typed and shown the French way in French, the English way in English; dates per
// locale, French on a 24-hour clock. The server reads and answers plain decimal strings.

const NNBSP = '\u202f';

describe('parseNumber', () => {
  it.each([
    ['1 234,5', '1234.5'],
    [`1${NNBSP}234,5`, '1234.5'],
    ['1\u00a0234\u00a0567', '1234567'],
    ['1234,5', '1234.5'],
    ['-0,5', '-0.5'],
    ['\u22123,25', '-3.25'],
    ['+12', '12'],
    [',5', '0.5'],
    ['012,50', '12.5'],
    ['  42  ', '42'],
    ['0,000', '0'],
    ['123456789012,123456', '123456789012.123456'],
    ['', ''],
  ])('reads French %j as %j', (typed, value) => {
    expect(parseNumber(typed, 'fr')).toEqual({ ok: true, value });
  });

  it.each([
    ['1,234.5', '1234.5'],
    ['1234.5', '1234.5'],
    ['1 234.5', '1234.5'],
    ['1,234,567', '1234567'],
    ['-1,000', '-1000'],
    ['.25', '0.25'],
  ])('reads English %j as %j', (typed, value) => {
    expect(parseNumber(typed, 'en')).toEqual({ ok: true, value });
  });

  it.each([
    ['fr', '1.234', 'ambiguous'],
    ['fr', '12.5', 'ambiguous'],
    ['fr', '1,2,3', 'invalid'],
    ['fr', '12 34', 'invalid'],
    ['fr', 'douze', 'invalid'],
    ['fr', '12€', 'invalid'],
    ['fr', '1e5', 'invalid'],
    ['fr', '-', 'invalid'],
    ['fr', '12,', 'invalid'],
    ['en', '12,5', 'ambiguous'],
    ['en', '1234,5', 'ambiguous'],
    ['en', '1.2.3', 'ambiguous'],
    ['en', '1,23.4', 'ambiguous'],
    ['en', '0x1F', 'invalid'],
    ['en', 'Infinity', 'invalid'],
  ])('refuses %s %j as %s', (locale, typed, problem) => {
    expect(parseNumber(typed, locale)).toEqual({ ok: false, problem });
  });

  it('asks for a whole number where one is expected', () => {
    expect(parseNumber('12,5', 'fr', { integer: true })).toEqual({ ok: false, problem: 'notInteger' });
    expect(parseNumber('1 200', 'fr', { integer: true })).toEqual({ ok: true, value: '1200' });
    expect(parseNumber('12,00', 'fr', { integer: true })).toEqual({ ok: true, value: '12' });
    // Not a number at all: the example is a whole number too.
    expect(parseNumber('12a', 'en', { integer: true })).toEqual({ ok: false, problem: 'invalidInteger' });
    expect(parseNumber('12a', 'en')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('formatNumber', () => {
  it('writes French with a decimal comma and narrow no-break spaces, English with a point and commas', () => {
    expect(formatNumber('1234567.5', 'fr')).toBe(`1${NNBSP}234${NNBSP}567,5`);
    expect(formatNumber('1234567.5', 'en')).toBe('1,234,567.5');
    expect(formatNumber(2500, 'fr')).toBe(`2${NNBSP}500`);
    expect(formatNumber(2500, 'en')).toBe('2,500');
    expect(formatNumber('-0.50', 'fr')).toBe('-0,50');
  });

  it('keeps every digit of a decimal string (no float in between)', () => {
    expect(formatNumber('123456789012.123456', 'en')).toBe('123,456,789,012.123456');
    expect(formatNumber('0.1', 'fr')).toBe('0,1');
  });

  it('leaves what is not a number, and nothing, alone', () => {
    expect(formatNumber('n/a', 'fr')).toBe('n/a');
    expect(formatNumber(null, 'fr')).toBe('');
    expect(formatNumber('', 'en')).toBe('');
  });

  it('round-trips and rewrites between languages', () => {
    expect(parseNumber(formatNumber('9876543.21', 'fr'), 'fr')).toEqual({ ok: true, value: '9876543.21' });
    expect(parseNumber(formatNumber('9876543.21', 'en'), 'en')).toEqual({ ok: true, value: '9876543.21' });
    expect(reformatNumber('1 234,5', 'fr', 'en')).toBe('1,234.5');
    expect(reformatNumber('oops', 'fr', 'en')).toBe('oops');
  });
});

describe('formatDate', () => {
  const evening = '2026-01-05T21:07:00.000Z';

  it('uses a 24-hour clock in French and the 12-hour clock in English', () => {
    // The tests run in UTC (TZ of the process); the moment is read in the reader's time zone.
    const fr = formatDate(evening, 'fr', 'dateTime');
    const en = formatDate(evening, 'en', 'dateTime');
    const hour = new Date(evening).getHours();
    expect(fr).toContain(`${String(hour).padStart(2, '0')}:07`);
    expect(fr).not.toMatch(/AM|PM/);
    expect(fr).toMatch(/janv\. 2026/);
    expect(en).toMatch(/Jan \d+, 2026, \d{1,2}:07\s[AP]M/);
    expect(formatDate(evening, 'fr', 'time')).toBe(`${String(hour).padStart(2, '0')}:07`);
  });

  it('keeps a calendar date on its day wherever the reader is', () => {
    expect(formatDate('2026-03-05', 'fr')).toBe('5 mars 2026');
    expect(formatDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDate('soon', 'fr')).toBe('soon');
  });
});

describe('list columns of custom fields', () => {
  const say = (locale: string) => ({
    yesNo: (v: boolean) => (v ? 'oui' : 'non'),
    date: (iso: string) => formatDate(iso, locale, 'date'),
    number: (decimal: string) => formatNumber(decimal, locale),
    timeZone: (zone: string) => zone,
    language: (code: string) => code,
    optionTitle: (key: string, value: string) => ({ pro: 'Pro', team: 'Team' })[value] ?? `${key}:${value}`,
  });
  const user = {
    fields: [
      { key: 'seats', type: 'DECIMAL', text: null, number: '1234.5', boolean: null, date: null, options: null },
      { key: 'renewal', type: 'DATE', text: null, number: null, boolean: null, date: '2026-03-05', options: null },
      { key: 'plan', type: 'MULTISELECT', text: null, number: null, boolean: null, date: null, value: 'pro, team, gone' },
    ],
  } as unknown as ListUser;

  it('shows numbers and dates the reader’s way, options by title', () => {
    expect(columnText(user, 'custom_fields.seats', say('fr'))).toBe(`1${NNBSP}234,5`);
    expect(columnText(user, 'custom_fields.seats', say('en'))).toBe('1,234.5');
    expect(columnText(user, 'custom_fields.renewal', say('fr'))).toBe('5 mars 2026');
    // Options by title from the field's definition; one it no longer has, by its value.
    expect(columnText(user, 'custom_fields.plan', say('en'))).toBe('Pro, Team, plan:gone');
    expect(columnText(user, 'custom_fields.missing', say('en'))).toBe('');
  });
});
