import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql } from '../../server/db/data-source.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { removeTempDir, tempDir } from '../helpers/test-app.js';

// The outbox with real server processes on one MySQL database: a sender killed with SIGKILL mid-batch loses
// nothing and sends nothing twice (its claims run out and another process takes them), and two processes
// sending side by side deliver each message once.
describe.runIf(testDialects().includes('mysql'))('the outbox across processes, on mysql', () => {
  let smtp: SmtpSink;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
    await smtp?.stop();
  });

  function start(url: string, tmp: string): ServerProcess {
    const p = startServerProcess(
      {
        DATABASE_URL: url,
        PORT: '0',
        LOG_LEVEL: 'info',
        MAIL_URL: smtp.url,
        OUTBOX_POLL_MS: '100',
        OUTBOX_LEASE_SECONDS: '2',
        MAIL_RETRY_SECONDS: '1',
      },
      tmp,
    );
    cleanups.push(async () => {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await p.exited(20_000);
      }
    });
    return p;
  }

  async function database() {
    const { url, cleanup } = freshDatabase('mysql', 'outbox');
    const tmp = tempDir('accueil-outbox-');
    cleanups.push(async () => {
      await cleanup();
      removeTempDir(tmp);
    });
    return { url, tmp };
  }

  /** Queues emails straight into the table, as a change's transaction does. */
  async function queue(url: string, recipients: string[]): Promise<void> {
    const conn = await connectMysql(url, true);
    try {
      const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
      await conn.query(
        `INSERT INTO outbox_messages (channel, kind, recipient, subject, text_body, status, attempts, next_attempt_at, created_at) VALUES ?`,
        [recipients.map((to) => ['EMAIL', 'TEST', to, `To ${to}`, 'Hello', 'QUEUED', 0, now, now])],
      );
    } finally {
      await conn.end();
    }
  }

  async function statuses(url: string): Promise<Record<string, number>> {
    const conn = await connectMysql(url, true);
    try {
      const [rows] = await conn.query('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status');
      return Object.fromEntries((rows as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]));
    } finally {
      await conn.end();
    }
  }

  const receivedCount = (prefix: string) => {
    const counts = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) if (to.startsWith(prefix)) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  };

  it('a sender killed mid-batch loses nothing and sends nothing twice', async () => {
    const { url, tmp } = await database();
    const first = start(url, tmp);
    await first.listening();
    // Two go out while all is well…
    const early = ['kill.0@mail.acme.io', 'kill.1@mail.acme.io'];
    await queue(url, early);
    await eventually(
      () => statuses(url),
      (s) => s.SENT === 2,
    );
    // …then the server takes its time answering, and the sender dies while ten messages are in flight.
    smtp.dataDelayMs = 3000;
    const startedBefore = smtp.dataStarted;
    const later = Array.from({ length: 12 }, (_, i) => `kill.${i + 2}@mail.acme.io`);
    await queue(url, later);
    await eventually(
      () => smtp.dataStarted - startedBefore,
      (n) => n >= 5,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited()).signal).toBe('SIGKILL');
    const cut = await statuses(url);
    expect(cut.SENDING).toBeGreaterThan(0);
    expect(cut.SENT).toBe(2);
    smtp.dataDelayMs = 0;

    const second = start(url, tmp);
    await second.listening();
    await eventually(
      () => statuses(url),
      (s) => s.SENT === 14,
      45_000,
    );
    const counts = receivedCount('kill.');
    expect([...counts.keys()].sort()).toEqual([...early, ...later].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 150_000);

  it('two processes on one database send each message once', async () => {
    const { url, tmp } = await database();
    // The first migrates the database; the second starts once it is ready.
    await start(url, tmp).listening();
    await start(url, tmp).listening();
    smtp.dataDelayMs = 20;
    const recipients = Array.from({ length: 40 }, (_, i) => `pair.${i}@mail.acme.io`);
    await queue(url, recipients);
    await eventually(
      () => statuses(url),
      (s) => s.SENT === 40,
      45_000,
    );
    smtp.dataDelayMs = 0;
    const counts = receivedCount('pair.');
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 150_000);
});
