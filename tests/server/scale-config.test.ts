import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, MAX_WORKERS, readConfig } from '../../server/config.js';

const MYSQL = 'mysql://root@127.0.0.1:3306/accueil';

describe('WORKERS and REDIS_URL', () => {
  it('runs one process without Redis by default', () => {
    expect(readConfig({})).toMatchObject({ workers: 1, redisUrl: undefined });
  });

  it('takes a number of workers, or auto for one per core', () => {
    expect(readConfig({ DATABASE_URL: MYSQL, WORKERS: '4' }).workers).toBe(4);
    expect(readConfig({ DATABASE_URL: MYSQL, WORKERS: ' AUTO ' }).workers).toBe(Math.min(MAX_WORKERS, availableParallelism()));
    expect(readConfig({ WORKERS: '1' }).workers).toBe(1);
  });

  it.each(['0', '-1', '2.5', 'two', `${MAX_WORKERS + 1}`, 'auto,2'])('refuses WORKERS=%s with one line naming it', (raw) => {
    expect(() => readConfig({ DATABASE_URL: MYSQL, WORKERS: raw })).toThrow(
      new ConfigError(`WORKERS must be auto (one process per core) or a whole number from 1 to ${MAX_WORKERS}, not "${raw}".`),
    );
  });

  it('refuses several workers on the embedded SQLite database, which takes one process', () => {
    expect(() => readConfig({ WORKERS: '2' })).toThrow(/WORKERS=2 needs a MySQL or MariaDB database/);
    if (availableParallelism() > 1) expect(() => readConfig({ WORKERS: 'auto' })).toThrow(/needs a MySQL or MariaDB database/);
  });

  it('takes redis:// and rediss:// URLs with a password and a database number', () => {
    for (const url of [
      'redis://127.0.0.1:6379',
      'redis://:s3cret@cache.internal:6380/2',
      'rediss://user:pw@cache.example.org',
      'redis://[::1]:6379/0',
    ])
      expect(readConfig({ REDIS_URL: url }).redisUrl).toBe(url);
  });

  it.each([
    ['http://127.0.0.1:6379', 'it must start with redis:// or rediss://'],
    ['127.0.0.1:6379', 'it is not a valid URL'],
    ['redis:///0', 'it names no host'],
    ['redis:// cache', 'it is not a valid URL'],
    ['redis://127.0.0.1:6379/cache', 'the path can only be a database number'],
    ['redis://127.0.0.1:6379/0?timeout=5', 'it takes no ? or # part'],
    ['redis://127.0.0.1:99999', 'it is not a valid URL'],
  ])('refuses REDIS_URL=%s without printing it', (raw, why) => {
    let message = '';
    try {
      readConfig({ REDIS_URL: raw });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain(why);
    expect(message).toMatch(/^REDIS_URL must be written redis:\/\/host:6379/);
    expect(message).not.toContain(raw);
  });
});
