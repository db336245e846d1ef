import { describe, expect, it } from 'vitest';
import { hash } from 'node:crypto';
import { InFileDuplicates, KeyTable } from '../../server/imports/import-rows.js';

const digest = (key: string) => hash('sha1', key, 'binary');

describe('KeyTable (the in-file duplicate memory)', () => {
  it('finds every key added, at the line it was first added at, and nothing else, while its partitions grow', () => {
    const table = new KeyTable();
    const n = 200_000;
    for (let i = 0; i < n; i++) table.add(digest(`key ${i}`), i + 2);
    // Added again later: the first line stays.
    for (let i = 0; i < n; i += 1000) table.add(digest(`key ${i}`), n + 10);
    for (let i = 0; i < n; i++) expect(table.lineOf(digest(`key ${i}`))).toBe(i + 2);
    for (let i = n; i < n + 50_000; i++) expect(table.lineOf(digest(`key ${i}`))).toBe(0);
  });
});

describe('InFileDuplicates', () => {
  it('names the first row of an email in any case, or of an external id, and not the row itself', () => {
    const d = new InFileDuplicates();
    expect(d.check(2, { emails: ['Ada@Example.com', 'ada.2@example.com'], externalId: 'X-1' })).toBeNull();
    expect(d.check(3, { emails: ['grace@example.com'], externalId: 'x-2' })).toBeNull();
    expect(d.check(4, { emails: ['ADA@example.COM'] })).toEqual({ column: 'email', line: 2 });
    expect(d.check(5, { emails: ['someone@example.com'], externalId: 'X-2' })).toEqual({ column: 'external_id', line: 3 });
    // A row found a duplicate records none of its keys: someone@ is still new.
    expect(d.check(6, { emails: ['someone@example.com'] })).toBeNull();
  });
});
