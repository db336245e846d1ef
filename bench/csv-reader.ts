/**
 * `npx tsx bench/csv-reader.ts [MEGABYTES]`: streams a generated users CSV
 * (every column filled, quotes and line breaks in some cells; 200 MB by
 * default) through readCsv without ever holding it, and prints rows/s, MB/s
 * and the peak resident memory seen while reading.
 */
import { Readable } from 'node:stream';
import { readCsv } from '../server/imports/csv-reader.js';
import { userColumns } from '../server/imports/user-columns.js';
import { generatedUsersCsv } from '../tests/helpers/generated-csv.js';

const megabytes = Number(process.argv[2] ?? 200);
const columns = userColumns(['plan', 'since']);
const source = Readable.from(generatedUsersCsv({ bytes: megabytes * 1024 * 1024, customFieldKeys: ['plan', 'since'] }));

const started = performance.now();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
let rows = 0;
let errors = 0;
for await (const item of readCsv(source, { columns })) {
  if (item.kind === 'row') rows++;
  else if (item.kind === 'error') errors++;
  if (rows % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(
  `${rows.toLocaleString('en-US')} rows (${errors} row errors), ${megabytes} MB in ${seconds.toFixed(1)} s: ` +
    `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ${(megabytes / seconds).toFixed(1)} MB/s; ` +
    `RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB`,
);
