import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Message } from '../../server/i18n/message.js';
import { checkHeader, columnLetters } from '../../server/imports/csv-header.js';
import { CsvFileError, readCsv, type CsvItem, type CsvReaderOptions } from '../../server/imports/csv-reader.js';
import { detectDelimiter, splitHeader } from '../../server/imports/csv-delimiter.js';
import { CsvTextDecoder, utf8Extent } from '../../server/imports/csv-text-decoder.js';
import { userColumns } from '../../server/imports/user-columns.js';
import { generatedUsersCsv } from '../helpers/generated-csv.js';

/** The streaming CSV reader of the users import (issue 11), without a database. */

const COLUMNS = userColumns(['plan', 'vip_level']);
const read = async (input: string | Buffer | (string | Buffer)[], options: Partial<CsvReaderOptions> = {}): Promise<CsvItem[]> => {
  const items: CsvItem[] = [];
  for await (const item of readCsv(Array.isArray(input) ? input : [input], { columns: COLUMNS, ...options })) items.push(item);
  return items;
};
const rows = async (input: Parameters<typeof read>[0], options: Partial<CsvReaderOptions> = {}) =>
  (await read(input, options)).filter((i) => i.kind !== 'header');
const failure = async (input: Parameters<typeof read>[0], options: Partial<CsvReaderOptions> = {}): Promise<CsvFileError> => {
  const err = await read(input, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CsvFileError);
  return err as CsvFileError;
};
/** The same bytes, one at a time: every chunk boundary is tried. */
const byteByByte = (s: string | Buffer) => [...(typeof s === 'string' ? Buffer.from(s) : s)].map((b) => Buffer.from([b]));

describe('readCsv: the format', () => {
  it('reads the header and rows, cells by column name, in any order and letter case', async () => {
    const items = await read('Email, NAME ,Custom_Fields.Plan\r\ngrace@acme.io,Grace Hopper,gold\r\n');
    expect(items).toEqual([
      {
        kind: 'header',
        header: {
          columns: ['email', 'name', 'custom_fields.plan'],
          spelled: { email: 'Email', name: 'NAME', 'custom_fields.plan': 'Custom_Fields.Plan' },
        },
        delimiter: ',',
      },
      { kind: 'row', line: 2, cells: { email: 'grace@acme.io', name: 'Grace Hopper', 'custom_fields.plan': 'gold' } },
    ]);
  });

  it('a UTF-8 byte-order mark is dropped, split across chunks or not', async () => {
    const file = '\ufeffname,email\nZoë,zoe@fjord.no\n';
    const expected = [{ kind: 'row', line: 2, cells: { name: 'Zoë', email: 'zoe@fjord.no' } }];
    expect(await rows(file)).toEqual(expected);
    expect(await rows(byteByByte(file))).toEqual(expected);
    expect(await rows(file.slice(1))).toEqual(expected);
  });

  it('RFC 4180 quoting: commas, doubled quotes and line breaks in cells; semicolons are plain text', async () => {
    const file = 'name,notes,tags\n"Hopper, Grace","She said ""hi""\r\nand left","a;b;c"\nO\'Brien,x"y,plain\n';
    expect(await rows(file)).toEqual([
      { kind: 'row', line: 2, cells: { name: 'Hopper, Grace', notes: 'She said "hi"\r\nand left', tags: 'a;b;c' } },
      { kind: 'row', line: 3, cells: { name: "O'Brien", notes: 'x"y', tags: 'plain' } },
    ]);
  });

  it('numbers rows as a spreadsheet does: header 1, quoted line breaks stay in their row, empty lines count', async () => {
    const file = 'name,notes\n\n"Ada","line 1\nline 2\nline 3"\n\n\nBob,x\n,\n   ,  \nCarol,y';
    const got = await rows(file);
    expect(got.map((r) => r.line)).toEqual([3, 6, 9]);
    expect(await rows(byteByByte(file))).toEqual(got);
  });

  it('keeps cells as written (the mapper trims), and trims header names', async () => {
    expect(await rows('  name  ,\temail \nGrace  ,  g@acme.io\t\n')).toEqual([
      { kind: 'row', line: 2, cells: { name: 'Grace  ', email: '  g@acme.io\t' } },
    ]);
  });

  it("takes off the ' the export puts before a formula (one), and keeps any other leading '", async () => {
    const file = [
      'name,notes,phone,custom_fields.plan',
      `"'=HYPERLINK(""https://evil.example/"")",'+cmd|' /C calc'!A0,'+33612345678,''=1+2`,
      `'Quoted' name,'-2+3,+33612345678,"'\t@x"`,
    ].join('\r\n');
    expect(await rows(file)).toEqual([
      {
        kind: 'row',
        line: 2,
        cells: { name: '=HYPERLINK("https://evil.example/")', notes: "+cmd|' /C calc'!A0", phone: '+33612345678', 'custom_fields.plan': "'=1+2" },
      },
      { kind: 'row', line: 3, cells: { name: "'Quoted' name", notes: '-2+3', phone: '+33612345678', 'custom_fields.plan': '\t@x' } },
    ]);
  });

  it('reads \\r\\n, \\n and \\r line ends', async () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      expect(
        (await rows(`name${eol}Ada${eol}Bob${eol}`)).map((r) => r.line),
        JSON.stringify(eol),
      ).toEqual([2, 3]);
    }
  });

  it('a two-column file and a header-only file', async () => {
    expect(await rows('name,email\nAda,ada@acme.io\n')).toHaveLength(1);
    expect(await read('name,email\r\n')).toEqual([
      { kind: 'header', header: { columns: ['name', 'email'], spelled: { name: 'name', email: 'email' } }, delimiter: ',' },
    ]);
    expect(await read('name,email')).toHaveLength(1);
  });

  it('ragged rows are row errors, and reading goes on', async () => {
    const got = await rows('name,email,phone\nAda,ada@acme.io\nBob,bob@acme.io,+1,extra\nCarol,c@acme.io,+33,,\nDan\nEve,e@acme.io,+44\n');
    expect(got).toEqual([
      { kind: 'error', line: 2, code: 'RAGGED_ROW', message: 'Row 2 has 2 cells where the header has 3 columns.', text: expect.any(Message) },
      { kind: 'error', line: 3, code: 'RAGGED_ROW', message: 'Row 3 has 4 cells where the header has 3 columns.', text: expect.any(Message) },
      { kind: 'row', line: 4, cells: { name: 'Carol', email: 'c@acme.io', phone: '+33' } },
      { kind: 'error', line: 5, code: 'RAGGED_ROW', message: 'Row 5 has 1 cell where the header has 3 columns.', text: expect.any(Message) },
      { kind: 'row', line: 6, cells: { name: 'Eve', email: 'e@acme.io', phone: '+44' } },
    ]);
    const texts = got.flatMap((i) => (i.kind === 'error' ? [i.text.render('fr')] : []));
    expect(texts).toEqual([
      'La ligne 2 a 2 cellules alors que l’en-tête a 3 colonnes.',
      'La ligne 3 a 4 cellules alors que l’en-tête a 3 colonnes.',
      'La ligne 5 a 1 cellule alors que l’en-tête a 3 colonnes.',
    ]);
  });
});

describe('readCsv: the header', () => {
  it('empty cells at the end of the header (columns a spreadsheet once formatted) are no columns; a value under one fails its row', async () => {
    expect(await read('name,email,,\r\nAda,a@x.fr,,\r\n,,,\r\nBob,b@x.fr\r\nEve,e@x.fr,,lost\r\n')).toMatchObject([
      { kind: 'header', header: { columns: ['name', 'email'] } },
      { kind: 'row', line: 2, cells: { name: 'Ada', email: 'a@x.fr' } },
      { kind: 'row', line: 4, cells: { name: 'Bob', email: 'b@x.fr' } },
      { kind: 'error', line: 5, code: 'RAGGED_ROW' },
    ]);
    expect(await read('name;email; ;\nAda;a@x.fr;;\n')).toMatchObject([
      { kind: 'header', delimiter: ';' },
      { kind: 'row', line: 2 },
    ]);
    // An empty column between named ones is still refused, as is a header of nothing.
    expect((await failure('name,,email,\nAda,,a@x.fr,\n')).problems.map((p) => [p.code, p.position])).toEqual([['EMPTY_COLUMN', 2]]);
    expect((await failure(',,\nAda,,\n')).message).toBe('Row 1 is empty: the first row must name the columns.');
  });

  it('lists every unknown, empty or doubled column at once, as the header spells it, before any row', async () => {
    const err = await failure('name,Nom,EMAIL,e-mail,,email,custom_fields.unknown,Custom_Fields.PLAN,custom_fields.plan\nAda,x,y,z,,w,1,2,3\n');
    expect(err.code).toBe('BAD_HEADER');
    expect(err.line).toBe(1);
    expect(err.problems.map((p) => [p.code, p.column, p.position])).toEqual([
      ['UNKNOWN_COLUMN', 'Nom', 2],
      ['UNKNOWN_COLUMN', 'e-mail', 4],
      ['EMPTY_COLUMN', '', 5],
      ['DOUBLED_COLUMN', 'email', 6],
      ['UNKNOWN_COLUMN', 'custom_fields.unknown', 7],
      ['DOUBLED_COLUMN', 'custom_fields.plan', 9],
    ]);
    expect(err.message).toMatch(/6 problems/);
    expect(err.message).toContain('"email" (column F) repeats the column "EMAIL"');
    expect(err.message).toContain('"Nom" (column B) is not a column');
    // The same problems, kept as catalog messages, in French (whoever reads the import later).
    const fr = err.text.render('fr');
    expect(fr).toMatch(/^La ligne d’en-tête a 6 problèmes\u00a0: "Nom" \(colonne B\) n’est pas une colonne connue de cet import\. /);
    expect(fr).toContain('"email" (colonne F) répète la colonne "EMAIL"');
    expect(fr).toContain('L’en-tête de la colonne E est vide');
    expect(err.problems.map((p) => p.text.render('en'))).toEqual(err.problems.map((p) => p.message));
  });

  it('names the column probably meant: a custom field’s own column for its bare key, else a column one or two edits away', () => {
    const allowed = userColumns(['plan', 'vip_level']);
    const said = (name: string) => checkHeader([name], allowed).problems.map((p) => [p.message, p.text.render('fr')])[0];
    expect(said('Plan')).toEqual([
      '"Plan" (column A) is not a column this import knows. Did you mean "custom_fields.plan"?',
      '"Plan" (colonne A) n’est pas une colonne connue de cet import. Vouliez-vous dire "custom_fields.plan"\u202f?',
    ]);
    expect(said('e-mail')[0]).toContain('Did you mean "email"?');
    expect(said('timezone')[0]).toContain('Did you mean "time_zone"?');
    expect(said('External ID')[0]).toContain('Did you mean "external_id"?');
    expect(said('vip level')[0]).toContain('Did you mean "custom_fields.vip_level"?');
    // Nothing close: no guess (a short name is never guessed at).
    expect(said('Courriel')[0]).toBe('"Courriel" (column A) is not a column this import knows.');
    expect(said('tel')[0]).toBe('"tel" (column A) is not a column this import knows.');
    // A column the header has already is not suggested again.
    expect(checkHeader(['Email', 'E-mail'], allowed).problems[0].message).toBe('"E-mail" (column B) is not a column this import knows.');
  });

  it('a doubled column in another letter case, alone, is refused', async () => {
    const err = await failure('Name,NAME\nA,B\n');
    expect(err.problems).toEqual([
      {
        code: 'DOUBLED_COLUMN',
        column: 'NAME',
        position: 2,
        message: '"NAME" (column B) repeats the column "Name": each column may appear once.',
        text: expect.any(Message),
      },
    ]);
  });

  it('no row is yielded before the header is refused', async () => {
    const seen: CsvItem[] = [];
    await expect(
      (async () => {
        for await (const item of readCsv(['bogus\nrow\n'], { columns: COLUMNS })) seen.push(item);
      })(),
    ).rejects.toThrow(/not a column this import knows/);
    expect(seen).toEqual([]);
  });

  it('says so when the columns are separated by semicolons and none is known', async () => {
    const err = await failure('nom;courriel\nAda;ada@acme.io\n');
    expect(err.problems[0].message).toMatch(/semicolons/);
    expect(err.problems[0].text.render('fr')).toMatch(/points-virgules/);
  });

  it('an empty file, a blank first row', async () => {
    for (const empty of ['', '\ufeff', Buffer.alloc(0)]) expect((await failure(empty)).code).toBe('EMPTY_FILE');
    expect((await failure('\nname\n')).message).toMatch(/Row 1 is empty/);
    expect((await failure(' , \nname\n')).code).toBe('BAD_HEADER');
  });

  it('column letters go past Z', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(checkHeader([], COLUMNS)).toEqual({ header: { columns: [], spelled: {} }, problems: [] });
  });
});

describe('readCsv: encodings and files that are not CSV text', () => {
  const latin = (s: string) => iconv.encode(s, 'windows-1252');

  it('a file that is not UTF-8 is refused, naming the row of the first bad byte', async () => {
    const file = Buffer.concat([Buffer.from('name,notes\nAda,"two\nlines"\nBob,ok\n'), latin('Rémy,café\n'), Buffer.from('Zoë,x\n')]);
    for (const input of [file, byteByByte(file)]) {
      const err = await failure(input);
      expect(err.code).toBe('NOT_UTF8');
      expect(err.line).toBe(4);
      expect(err.message).toBe(
        'The file is not UTF-8 text: row 4 holds the byte 0xE9, which UTF-8 does not allow there. Save it as "CSV UTF-8", or import it declared as Windows-1252.',
      );
    }
  });

  it('names the row of the bad byte inside quotes, at a row start, in the header, at the very end', async () => {
    expect((await failure(Buffer.concat([Buffer.from('name,notes\nAda,"open\n'), Buffer.from([0xff]), Buffer.from('"\n')]))).line).toBe(2);
    expect((await failure(Buffer.concat([Buffer.from('name\nAda\n'), Buffer.from([0x80])]))).line).toBe(3);
    expect((await failure(Buffer.concat([Buffer.from('na'), Buffer.from([0xc0, 0x80]), Buffer.from('me\n')]))).line).toBe(1);
    // A character cut by the end of the file.
    expect((await failure(Buffer.concat([Buffer.from('name\nAda\nZo'), Buffer.from([0xc3])]))).line).toBe(3);
  });

  it('refuses overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80]]) {
      expect(utf8Extent(Uint8Array.from(bad)), bad.join(' ')).toEqual({ bad: 0 });
    }
    expect(utf8Extent(Buffer.from('a€😀'))).toEqual({ complete: 8 });
    expect(utf8Extent(Buffer.from('a€😀').subarray(0, 6))).toEqual({ complete: 4 });
  });

  it('reads Windows-1252 when declared: é, €, œ, ’, «»', async () => {
    const file = latin('name,notes\r\nRémy Œuvre,"5 € « cœur » l’été"\r\n');
    expect(file.includes(0x80)).toBe(true);
    const expected = [{ kind: 'row', line: 2, cells: { name: 'Rémy Œuvre', notes: '5 € « cœur » l’été' } }];
    expect(await rows(file, { encoding: 'windows-1252' })).toEqual(expected);
    expect(await rows(byteByByte(file), { encoding: 'windows-1252' })).toEqual(expected);
    expect((await failure(file)).code).toBe('NOT_UTF8');
  });

  it('a byte-order mark wins over a Windows-1252 declaration', async () => {
    expect(await rows('\ufeffname\nZoë\n', { encoding: 'windows-1252' })).toEqual([{ kind: 'row', line: 2, cells: { name: 'Zoë' } }]);
  });

  it('a binary file is refused as binary', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const err = await failure(png);
    expect(err.code).toBe('BINARY');
    expect(err.message).toMatch(/binary file, not CSV text/);
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(20)]);
    expect((await failure(xlsx)).code).toBe('BINARY');
    expect((await failure(Buffer.from('name\nAda\x00\n'))).line).toBe(2);
    expect((await failure(latin('name\nAda\x00\n'), { encoding: 'windows-1252' })).code).toBe('BINARY');
  });

  it('a quote never closed, or a row too long, stops the file with its row', async () => {
    const open = await failure('name,notes\nAda,ok\nBob,"never closed\nCarol,x\n');
    expect([open.code, open.line]).toEqual(['MALFORMED', 3]);
    expect(open.message).toBe('Row 3 opens a quote (") that is never closed.');
    const long = await failure(`name,notes\nAda,ok\nBob,"${'x'.repeat(2000)}\nCarol,x\n`, { maxRowChars: 1000 });
    expect([long.code, long.line]).toEqual(['RECORD_TOO_LARGE', 3]);
    expect(long.message).toMatch(/longer than 1,000 characters/);
  });

  it('the decoder holds at most a cut character between chunks', () => {
    const d = new CsvTextDecoder();
    const euro = Buffer.from('€');
    expect(d.decode(euro.subarray(0, 1))).toEqual({ text: '', problem: null });
    expect(d.decode(euro.subarray(1, 2))).toEqual({ text: '', problem: null });
    expect(d.decode(Buffer.concat([euro.subarray(2), Buffer.from('a')]))).toEqual({ text: '€a', problem: null });
    expect(d.end()).toEqual({ text: '', problem: null });
    expect(d.decode('x')).toEqual({ text: 'x', problem: null });
  });
});

describe('readCsv: big files, flat memory, backpressure', () => {
  it('reads only as fast as rows are consumed, and releases the source when the reader stops early', async () => {
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (const chunk of generatedUsersCsv({ bytes: 50 * 1024 * 1024 })) {
          pulled++;
          yield chunk;
        }
      })(),
    );
    let seen = 0;
    for await (const item of readCsv(source, { columns: COLUMNS })) {
      if (item.kind === 'row' && ++seen === 10) break;
    }
    expect(pulled).toBeLessThan(10);
    expect(source.destroyed).toBe(true);
  });

  it('streams a 16 MB file without holding it (the 200 MB run is bench/csv-reader.ts)', async () => {
    // What the reader holds, not what the process happens to have: the live heap after a full collection. The resident
    // size also counts garbage not yet collected and what other test files of this worker left, which made it flaky.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = live();
    let peak = before;
    let count = 0;
    let lastLine = 0;
    for await (const item of readCsv(Readable.from(generatedUsersCsv({ bytes: 16 * 1024 * 1024 })), { columns: COLUMNS })) {
      expect(item.kind).not.toBe('error');
      if (item.kind !== 'row') continue;
      count++;
      expect(item.line).toBeGreaterThan(lastLine);
      lastLine = item.line;
      if (count % 5000 === 0) peak = Math.max(peak, live());
    }
    expect(count).toBeGreaterThan(75_000);
    // Holding its rows keeps some 60 MB alive (75,000 objects of 16 strings); streaming, about 1 MB.
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});

describe('the field delimiter, from the header row', () => {
  it('detectDelimiter picks the one that splits the header into known columns, outside quotes', () => {
    expect(detectDelimiter('name,email\r\nAda;x,a@b.c\r\n', COLUMNS)).toBe(',');
    expect(detectDelimiter('name;email;tags\r\nDupont, Jean;a@b.c;x\r\n', COLUMNS)).toBe(';');
    expect(detectDelimiter('name\temail\nAda\ta@b.c\n', COLUMNS)).toBe('\t');
    // Quotes: a quoted name holding the other candidates, doubled quotes, a quoted line break.
    expect(detectDelimiter('"name";"EMAIL";"custom_fields.plan"\n', COLUMNS)).toBe(';');
    expect(detectDelimiter('"name;email",phone\n', [...COLUMNS, 'name;email'])).toBe(',');
    expect(detectDelimiter('" name "\t"email"\r\n', COLUMNS)).toBe('\t');
    expect(splitHeader('"a""b";"c\nd";e\nnext;row', ';')).toEqual(['a"b', 'c\nd', 'e']);
    // None all known: the most known; the comma on a tie, and when none is known (the file is refused as before).
    expect(detectDelimiter('name;email;nom,prénom\n', COLUMNS)).toBe(';');
    expect(detectDelimiter('name;courriel\n', COLUMNS)).toBe(';');
    expect(detectDelimiter('email\n', COLUMNS)).toBe(',');
    expect(detectDelimiter('nom;courriel\n', COLUMNS)).toBe(',');
    expect(detectDelimiter('', COLUMNS)).toBe(',');
    // The failed-rows file's `errors` column counts as known.
    expect(detectDelimiter('name;email;errors\n', COLUMNS)).toBe(';');
  });

  it('reads a semicolon file: quoted cells keep their semicolons, commas are plain text', async () => {
    const file = '\ufeffname;email;tags;custom_fields.plan\r\n"Dupont; Jean";jean@acme.fr;"vip;fr";12,5\r\nAda, L.;ada@acme.io;a,b;\'=1+2\r\n';
    const items = await read(byteByByte(file));
    expect(items[0]).toMatchObject({ kind: 'header', delimiter: ';', header: { columns: ['name', 'email', 'tags', 'custom_fields.plan'] } });
    expect(items.slice(1)).toEqual([
      { kind: 'row', line: 2, cells: { name: 'Dupont; Jean', email: 'jean@acme.fr', tags: 'vip;fr', 'custom_fields.plan': '12,5' } },
      { kind: 'row', line: 3, cells: { name: 'Ada, L.', email: 'ada@acme.io', tags: 'a,b', 'custom_fields.plan': '=1+2' } },
    ]);
  });

  it('reads a tab-separated file, and a windows-1252 semicolon file', async () => {
    const items = await read('name\temail\nRené Côté\trene@acme.fr\n"a\tb"\tx@y.z\n');
    expect(items[0]).toMatchObject({ kind: 'header', delimiter: '\t' });
    expect(items.slice(1).map((i) => (i.kind === 'row' ? i.cells : i))).toEqual([
      { name: 'René Côté', email: 'rene@acme.fr' },
      { name: 'a\tb', email: 'x@y.z' },
    ]);
    const latin = Buffer.from('name;email\r\nRen\xe9;rene@acme.fr\r\n', 'latin1');
    expect(await rows(latin, { encoding: 'windows-1252' })).toEqual([{ kind: 'row', line: 2, cells: { name: 'René', email: 'rene@acme.fr' } }]);
  });

  it('a header row longer than a chunk, and a ragged semicolon row', async () => {
    const wide = 'x'.repeat(100_000);
    const file = `name;${wide};email\nAda;;a@b.c\n`;
    const pieces = file.match(/[^]{1,1000}/g)!;
    const items = await read(pieces, { columns: [...COLUMNS, wide] });
    expect(items[0]).toMatchObject({ kind: 'header', delimiter: ';' });
    expect(items[1]).toEqual({ kind: 'row', line: 2, cells: { name: 'Ada', [wide]: '', email: 'a@b.c' } });
    const got = await rows('name;email\nAda;ada@acme.io\nBob\n');
    expect(got.map((r) => r.kind)).toEqual(['row', 'error']);
  });

  it('a given delimiter is used as it is', async () => {
    expect((await failure('name;email\nAda;a@b.c\n', { delimiter: ',' })).code).toBe('BAD_HEADER');
  });
});
