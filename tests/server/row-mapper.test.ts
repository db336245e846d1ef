import { describe, expect, it } from 'vitest';
import { Message } from '../../server/i18n/message.js';
import { checkHeader, type CsvHeader } from '../../server/imports/csv-header.js';
import { readCsv } from '../../server/imports/csv-reader.js';
import { mapRow, splitList, splitTags, type MappedRow, type RowMapperOptions } from '../../server/imports/row-mapper.js';
import { USER_COLUMNS, userColumns } from '../../server/imports/user-columns.js';

/** A CSV row -> the user service's input (issue 11), without a database. */

const COLUMNS = userColumns(['plan', 'vip_level']);
const headerOf = (...names: string[]): CsvHeader => {
  const { header, problems } = checkHeader(names, COLUMNS);
  expect(problems).toEqual([]);
  return header;
};
/** Map one row given as header names and cells. */
const map = (cells: Record<string, string>, options?: RowMapperOptions, spelled?: string[]): MappedRow => {
  const header = headerOf(...(spelled ?? Object.keys(cells)));
  const byColumn = Object.fromEntries(header.columns.map((c, i) => [c, Object.values(cells)[i]]));
  return mapRow({ line: 7, cells: byColumn }, header, options);
};

describe('mapRow: fields', () => {
  it('maps every column, trimmed', () => {
    const { user, errors } = map({
      name: '  Grace Hopper ',
      email: ' grace@acme.io ',
      emails: 'g.hopper@navy.mil | GRACE@acme.io|',
      external_id: ' CRM-42 ',
      phone: '+33 6 12 34 56 78',
      phones: '+1 415 555 2671|+33 6 12 34 56 78',
      role: 'Agent',
      organization: ' Acme ',
      tags: 'vip, navy  gold,,',
      time_zone: 'Europe/Paris',
      locale: 'fr-FR',
      alias: 'Amazing Grace',
      details: 'line 1\nline 2 ',
      notes: 'n',
      verified: 'Yes',
      suspended: '0',
      'custom_fields.plan': ' gold ',
      'custom_fields.vip_level': '3',
    });
    expect(errors).toEqual([]);
    expect(user).toEqual({
      name: 'Grace Hopper',
      emails: ['grace@acme.io', 'g.hopper@navy.mil'],
      externalId: 'CRM-42',
      phones: ['+33 6 12 34 56 78', '+1 415 555 2671'],
      role: 'AGENT',
      organization: 'Acme',
      tags: ['vip', 'navy', 'gold'],
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
      alias: 'Amazing Grace',
      details: 'line 1\nline 2',
      notes: 'n',
      verified: true,
      suspended: false,
      fields: [
        { key: 'plan', value: 'gold' },
        { key: 'vip_level', value: '3' },
      ],
    });
  });

  it('reads roles as Zendesk writes them or as enum names, in any case', () => {
    const roles: [string, string][] = [
      ['end-user', 'END_USER'],
      ['End-User', 'END_USER'],
      ['END_USER', 'END_USER'],
      ['end user', 'END_USER'],
      ['enduser', 'END_USER'],
      ['agent', 'AGENT'],
      ['AGENT', 'AGENT'],
      ['admin', 'ADMIN'],
      [' Admin ', 'ADMIN'],
    ];
    for (const [cell, role] of roles) expect(map({ role: cell }).user.role, cell).toBe(role);
  });

  it('reads yes/no cells in English and French, in any case', () => {
    for (const yes of ['true', 'TRUE', 'yes', 'YES', '1', 'vrai', 'VRAI', 'oui']) expect(map({ verified: yes }).user.verified, yes).toBe(true);
    for (const no of ['false', 'FALSE', 'no', 'No', '0', 'faux', 'FAUX', 'non']) expect(map({ suspended: no }).user.suspended, no).toBe(false);
  });

  it('a two-column file fills only its fields', () => {
    expect(map({ name: 'Ada', email: 'ada@acme.io' }).user).toEqual({ name: 'Ada', emails: ['ada@acme.io'] });
  });

  it('lists: | between addresses and phones, spaces or commas between tags', () => {
    expect(splitList(' a@x.io ||b@y.io | ')).toEqual(['a@x.io', 'b@y.io']);
    expect(splitList('')).toEqual([]);
    expect(splitTags(' a,b  c ,, d\te ')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(map({ emails: 'a@x.io|b@x.io' }).user.emails).toEqual(['a@x.io', 'b@x.io']);
    expect(map({ email: 'A@x.io', emails: 'a@X.io|b@x.io' }).user.emails).toEqual(['A@x.io', 'b@x.io']);
  });
});

describe('mapRow: errors', () => {
  it('names the row and the column as the header spells it, and lists every bad cell', () => {
    const { errors, user } = map({ a: 'Ada', b: 'boss', c: 'maybe', d: 'sometimes' }, {}, ['Name', 'ROLE', 'Verified', 'suspended']);
    expect(user).toEqual({ name: 'Ada' });
    expect(errors).toEqual([
      { line: 7, column: 'ROLE', code: 'INVALID_ROLE', message: '"boss" is not a role: use end-user, agent or admin.', text: expect.any(Message) },
      {
        line: 7,
        column: 'Verified',
        code: 'INVALID_BOOLEAN',
        message: '"maybe" is not yes or no: use true/false, yes/no or 1/0.',
        text: expect.any(Message),
      },
      {
        line: 7,
        column: 'suspended',
        code: 'INVALID_BOOLEAN',
        message: '"sometimes" is not yes or no: use true/false, yes/no or 1/0.',
        text: expect.any(Message),
      },
    ]);
    expect(errors.map((e) => e.text.render('fr'))).toEqual([
      '"boss" n’est pas un rôle\u00a0: utilisez end-user, agent ou admin.',
      '"maybe" n’est ni oui ni non\u00a0: utilisez true/false, yes/no, 1/0 ou oui/non.',
      '"sometimes" n’est ni oui ni non\u00a0: utilisez true/false, yes/no, 1/0 ou oui/non.',
    ]);
  });

  it('refuses roles that only look like one, and odd values', () => {
    for (const bad of ['constructor', '__proto__', 'toString', 'owner', 'end--user', 'AGENTS', 'admin,agent', '1']) {
      const { user, errors } = map({ role: bad });
      expect(user.role, bad).toBeUndefined();
      expect(
        errors.map((e) => e.code),
        bad,
      ).toEqual(['INVALID_ROLE']);
    }
    for (const bad of ['2', 'yess', 'on', 'null', 'tru e'])
      expect(
        map({ verified: bad }).errors.map((e) => e.code),
        bad,
      ).toEqual(['INVALID_BOOLEAN']);
  });

  it('shortens a long bad cell in the message', () => {
    const [error] = map({ role: 'x'.repeat(500) }).errors;
    expect(error.message.length).toBeLessThan(120);
  });
});

describe('mapRow: blank cells', () => {
  const all = Object.fromEntries([...USER_COLUMNS, 'custom_fields.plan'].map((c) => [c, '  ']));

  it('leave (the default): blank cells leave fields out, so an update keeps them', () => {
    expect(map(all)).toEqual({ line: 7, user: {}, errors: [] });
    expect(map(all, { blankCells: 'leave' }).user).toEqual({});
  });

  it('clear: blank cells clear what can be cleared; never the name, addresses, role or flags', () => {
    expect(map(all, { blankCells: 'clear' }).user).toEqual({
      phones: [],
      tags: [],
      organization: null,
      timeZone: null,
      locale: null,
      alias: null,
      details: null,
      notes: null,
      externalId: null,
      fields: [{ key: 'plan', value: null }],
    });
  });

  it('clear leaves alone the columns the file does not have', () => {
    expect(map({ name: 'Ada', tags: '' }, { blankCells: 'clear' }).user).toEqual({ name: 'Ada', tags: [] });
  });
});

describe('reader and mapper together', () => {
  it('an export-shaped file maps row by row, with errors by row and column', async () => {
    const file =
      '\ufeffName,Email,Emails,Role,Tags,Verified,custom_fields.plan\r\n' +
      '"Hopper, Grace",grace@acme.io,"g@navy.mil|x@acme.io",admin,"vip,navy",true,gold\r\n' +
      '\r\n' +
      'Bob,bob@acme.io,,chief,,perhaps,\r\n' +
      'Carol\r\n';
    const out: unknown[] = [];
    let header: CsvHeader | null = null;
    for await (const item of readCsv([file], { columns: COLUMNS })) {
      if (item.kind === 'header') header = item.header;
      else if (item.kind === 'row') out.push(mapRow(item, header!, { blankCells: 'clear' }));
      else out.push(item);
    }
    expect(out).toEqual([
      {
        line: 2,
        user: {
          name: 'Hopper, Grace',
          emails: ['grace@acme.io', 'g@navy.mil', 'x@acme.io'],
          role: 'ADMIN',
          tags: ['vip', 'navy'],
          verified: true,
          fields: [{ key: 'plan', value: 'gold' }],
        },
        errors: [],
      },
      {
        line: 4,
        user: { name: 'Bob', emails: ['bob@acme.io'], tags: [], fields: [{ key: 'plan', value: null }] },
        errors: [
          {
            line: 4,
            column: 'Role',
            code: 'INVALID_ROLE',
            message: '"chief" is not a role: use end-user, agent or admin.',
            text: expect.any(Message),
          },
          {
            line: 4,
            column: 'Verified',
            code: 'INVALID_BOOLEAN',
            message: '"perhaps" is not yes or no: use true/false, yes/no or 1/0.',
            text: expect.any(Message),
          },
        ],
      },
      { kind: 'error', line: 5, code: 'RAGGED_ROW', message: 'Row 5 has 1 cell where the header has 7 columns.', text: expect.any(Message) },
    ]);
  });
});

describe('mapRow: decimals written with a comma', () => {
  it('reads "12,5" with a point in the DECIMAL fields it is given, and leaves every other cell as it is', () => {
    const options: RowMapperOptions = { decimalComma: new Set(['vip_level']) };
    const value = (cell: string, opts = options) =>
      map({ name: 'N', email: 'n@acme.io', 'custom_fields.vip_level': cell, 'custom_fields.plan': cell }, opts).user.fields;
    expect(value('12,5')).toEqual([
      { key: 'vip_level', value: '12.5' },
      { key: 'plan', value: '12,5' },
    ]);
    expect(value('-0,25')?.find((f) => f.key === 'vip_level')?.value).toBe('-0.25');
    expect(value(',5')?.find((f) => f.key === 'vip_level')?.value).toBe('.5');
    // Not a number with one comma: left for the user service to judge (and refuse).
    for (const odd of ['1,234,5', '12,', 'a,5', '1.5,2', '12.5']) expect(value(odd)?.find((f) => f.key === 'vip_level')?.value).toBe(odd);
    // Without the option (a file separated by commas or tabs), nothing is read differently.
    expect(value('12,5', {})?.find((f) => f.key === 'vip_level')?.value).toBe('12,5');
  });
});
