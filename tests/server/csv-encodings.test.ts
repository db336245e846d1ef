import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFileError, readCsv, type CsvItem } from '../../server/imports/csv-reader.js';
import { userColumns } from '../../server/imports/user-columns.js';
import type { CsvEncoding } from '../../server/imports/csv-text-decoder.js';

/**
 * What spreadsheets save besides UTF-8 CSV: Excel's "Unicode text" (UTF-16 little-endian with a byte-order mark,
 * separated by tabs), UTF-16 from other tools (big-endian, or without the mark), and Excel's `sep=;` first line.
 */
const COLUMNS = userColumns([]);
const read = async (input: Buffer | Buffer[], encoding?: CsvEncoding): Promise<CsvItem[]> => {
  const items: CsvItem[] = [];
  for await (const item of readCsv(Array.isArray(input) ? input : [input], { columns: COLUMNS, encoding })) items.push(item);
  return items;
};
const failure = async (input: Buffer | Buffer[]): Promise<CsvFileError> => {
  const err = await read(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CsvFileError);
  return err as CsvFileError;
};
const byteByByte = (b: Buffer) => [...b].map((x) => Buffer.from([x]));
const utf16 = (text: string, order: 'le' | 'be', mark: boolean) =>
  Buffer.concat([mark ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), iconv.encode(text, `utf-16${order}`)]);

const TEXT = 'name\temail\tnotes\r\nÉlodie 😀\telodie@acme.fr\t"two\r\nlines"\r\nZoë\tzoe@acme.fr\t€\r\n';
const EXPECTED = [
  { kind: 'header', delimiter: '\t' },
  { kind: 'row', line: 2, cells: { name: 'Élodie 😀', email: 'elodie@acme.fr', notes: 'two\r\nlines' } },
  { kind: 'row', line: 3, cells: { name: 'Zoë', email: 'zoe@acme.fr', notes: '€' } },
];

describe('readCsv: UTF-16', () => {
  for (const [order, mark] of [
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const) {
    it(`reads UTF-16 ${order.toUpperCase()} ${mark ? 'with' : 'without'} a byte-order mark, whole or a byte at a time`, async () => {
      const file = utf16(TEXT, order, mark);
      for (const input of [file, byteByByte(file)]) expect(await read(input)).toMatchObject(EXPECTED);
      // The mark (or the file's shape) says what it is, whatever was declared.
      expect(await read(file, 'windows-1252')).toMatchObject(EXPECTED);
    });
  }

  it('a broken character (a lone surrogate), a NUL or an odd last byte names its row', async () => {
    const lone = Buffer.concat([utf16('name\nAda\n', 'le', true), Buffer.from([0x3d, 0xd8]), utf16('x\n', 'le', false)]);
    const err = await failure(lone);
    expect([err.code, err.line]).toEqual(['NOT_UTF16', 3]);
    expect(err.message).toBe(
      'The file is UTF-16 text with a broken character: row 3 holds 0xD83D, which UTF-16 does not allow there. Save it as "CSV UTF-8".',
    );
    expect((await failure(byteByByte(lone))).line).toBe(3);
    const nul = await failure(utf16('name\nAda\u0000\n', 'le', true));
    expect([nul.code, nul.line]).toEqual(['BINARY', 2]);
    const odd = await failure(Buffer.concat([utf16('name\nAda\n', 'be', true), Buffer.from([0x00])]));
    expect([odd.code, odd.line]).toEqual(['NOT_UTF16', 3]);
  });

  it('a binary file is still binary, and a UTF-8 file still UTF-8', async () => {
    expect((await failure(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).code).toBe('BINARY');
    expect((await failure(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]))).code).toBe('BINARY');
    expect(await read(Buffer.from('name\nA\n'))).toMatchObject([{ kind: 'header' }, { kind: 'row', line: 2, cells: { name: 'A' } }]);
  });
});

describe("readCsv: Excel's sep= line", () => {
  it('names the delimiter and is not a row: the header stays row 1, with or without a byte-order mark, any line end', async () => {
    for (const file of ['sep=;\r\nname;notes\r\nAda;"a,b"\r\n', '\ufeffsep=;\nname;notes\nAda;"a,b"\n', 'SEP=;\rname;notes\rAda;"a,b"']) {
      for (const input of [Buffer.from(file), byteByByte(Buffer.from(file))]) {
        expect(await read(input)).toMatchObject([
          { kind: 'header', delimiter: ';', header: { columns: ['name', 'notes'] } },
          { kind: 'row', line: 2, cells: { name: 'Ada', notes: 'a,b' } },
        ]);
      }
    }
    // It wins over what the header would suggest: "name;notes" split by commas is one unknown column.
    expect(await read(Buffer.from('sep=,\nname,notes\nAda,"x;y"\n'))).toMatchObject([
      { kind: 'header', delimiter: ',' },
      { kind: 'row', line: 2, cells: { notes: 'x;y' } },
    ]);
    expect(await read(Buffer.from('sep=\t\nname\temail\nAda\ta@acme.fr\n'))).toMatchObject([{ kind: 'header', delimiter: '\t' }, { kind: 'row' }]);
    expect(await read(utf16('sep=;\r\nname;email\r\nAda;a@acme.fr\r\n', 'le', true))).toMatchObject([
      { kind: 'header', delimiter: ';' },
      { kind: 'row', line: 2 },
    ]);
  });

  it('a sep= line alone is an empty file; another delimiter is refused as an unknown column; further down it is a cell', async () => {
    expect((await failure(Buffer.from('sep=;\r\n'))).code).toBe('EMPTY_FILE');
    expect((await failure(Buffer.from('sep=|\nname|email\n'))).code).toBe('BAD_HEADER');
    expect(await read(Buffer.from('name\nsep=;\n'))).toMatchObject([{ kind: 'header' }, { kind: 'row', line: 2, cells: { name: 'sep=;' } }]);
  });
});
