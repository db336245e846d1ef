import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';

// REDIS_URL set to a server that is not there: the start stops with one line naming it, like an unreachable database.

describe('a Redis that cannot be reached at start', () => {
  it('stops the start with one line and exit code 1; the URL (and its password) is not printed', async () => {
    const tmp = tempDir('accueil-redis-');
    const ended = await startServerProcess(
      { DATABASE_URL: `sqlite:${join(tmp, 'db.sqlite')}`, PORT: '0', HOST: '127.0.0.1', REDIS_URL: 'redis://:hunter2secret@127.0.0.1:1/0' },
      tmp,
    ).exited(60_000);
    expect(ended.stderr.trim().split('\n')).toEqual(['Accueil cannot start: cannot reach Redis at 127.0.0.1:1: connection refused']);
    expect(ended.code).toBe(1);
    expect(ended.stdout + ended.stderr).not.toContain('hunter2secret');
  }, 90_000);
});
