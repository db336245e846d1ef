import { connectMysql } from '../server/db/data-source.js';

/**
 * MySQL's buffer pool defaults to 128 MB, a laptop's setting: a 100,000-user
 * database (about 300 MB with its indexes) would then be read from disk by
 * every scenario, and the figures would measure the disk. A server in
 * production is sized to hold its working set, so the bench raises the pool
 * to BENCH_BUFFER_POOL_MB (default 4096; MariaDB and MySQL 8 resize it
 * online) when it is smaller, prints what it did, and returns a function that
 * puts the old size back. BENCH_BUFFER_POOL_MB=0 leaves the server as it is.
 */
export async function ensureBufferPool(url: string): Promise<() => Promise<void>> {
  const wanted = Number(process.env.BENCH_BUFFER_POOL_MB ?? 4096) * 1024 * 1024;
  const conn = await connectMysql(url);
  try {
    const [[row]] = (await conn.query('SELECT @@innodb_buffer_pool_size AS size')) as any;
    const before = Number(row.size);
    if (!wanted || before >= wanted) {
      console.log(`MySQL buffer pool: ${Math.round(before / 2 ** 20)} MB.`);
      return async () => {};
    }
    await conn.query(`SET GLOBAL innodb_buffer_pool_size = ${wanted}`);
    console.log(`MySQL buffer pool: raised from ${Math.round(before / 2 ** 20)} MB to ${Math.round(wanted / 2 ** 20)} MB for this run.`);
    return async () => {
      const c = await connectMysql(url);
      await c.query(`SET GLOBAL innodb_buffer_pool_size = ${before}`).finally(() => c.end());
    };
  } finally {
    await conn.end();
  }
}

/** Runs `measure` with the buffer pool raised (ensureBufferPool), and puts it back afterwards, whatever happens. */
export async function withBufferPool<T>(url: string, measure: () => Promise<T>): Promise<T> {
  const restore = await ensureBufferPool(url);
  try {
    return await measure();
  } finally {
    await restore();
  }
}
