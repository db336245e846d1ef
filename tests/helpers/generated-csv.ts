import { USER_COLUMNS, customFieldColumn } from '../../server/imports/user-columns.js';

/**
 * A users CSV file of about `bytes` bytes, generated chunk by chunk (about
 * 64 KiB each) so that no test or benchmark ever holds the whole file: every
 * column filled, a quoted cell with a comma, a doubled quote and a line break
 * in every tenth row. With `rows`, exactly that many rows: a million rows
 * with two custom fields make 193 MiB, under the import's 200 MB limit.
 */
export function* generatedUsersCsv(options: { bytes: number; rows?: number; customFieldKeys?: string[]; chunkBytes?: number }): Generator<Buffer> {
  const keys = options.customFieldKeys ?? [];
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  let produced = 0;
  let pending = `${[...USER_COLUMNS, ...keys.map(customFieldColumn)].join(',')}\r\n`;
  // `rows`: exactly that many rows (then `bytes` is ignored).
  for (let i = 1; options.rows !== undefined ? i <= options.rows : produced < options.bytes; i++) {
    const note = i % 10 === 0 ? `"Called twice, said ""urgent""\nthen hung up"` : 'By email';
    const row = [
      `User ${i}`,
      `user${i}@example.com`,
      `user${i}.alt@example.org|u${i}@example.net`,
      `ext-${i}`,
      `+1415555${String(i % 10_000).padStart(4, '0')}`,
      '',
      i % 50 === 0 ? 'agent' : 'end-user',
      `Org ${i % 50}`,
      '"vip, beta"',
      'Europe/Paris',
      'fr-FR',
      `u${i}`,
      'Details',
      note,
      i % 2 === 0 ? 'true' : 'no',
      '0',
      ...keys.map((k) => `${k}-${i % 7}`),
    ];
    pending += `${row.join(',')}\r\n`;
    if (pending.length >= chunkBytes) {
      const chunk = Buffer.from(pending, 'utf8');
      produced += chunk.length;
      pending = '';
      yield chunk;
    }
  }
  if (pending !== '') yield Buffer.from(pending, 'utf8');
}
