import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { enqueueEmail, enqueueMessage } from '../../server/outbox/outbox.js';
import { registerDeliverer, unregisterDeliverer, type DeliveryResult } from '../../server/outbox/outbox-worker.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';

/** Polls until `check` holds (or fails after `ms`). */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(testDialects())('the outbox contract on %s', (dialect) => {
  let app: TestApp;
  const seen: string[] = [];
  const answers: DeliveryResult[] = [];
  beforeAll(async () => {
    app = await startTestApp(dialect, { OUTBOX_POLL_MS: '100', MAIL_RETRY_SECONDS: '0.2,0.2' });
    registerDeliverer('TESTCHAN', {
      async deliver(m) {
        seen.push(`${m.id}:${m.recipient}`);
        return answers.shift() ?? { ok: true, response: '200 fine' };
      },
    });
  });
  afterAll(async () => {
    unregisterDeliverer('TESTCHAN');
    await app?.stop();
  });

  const read = (id: number) => () => app.db.manager.findOneByOrFail(OutboxMessage, { id });

  it('queues in the transaction and delivers once; a rolled-back change queues nothing', async () => {
    const m = await app.db.transaction((tx) => enqueueMessage(tx, { channel: 'TESTCHAN' as never, kind: 'USER_CREATED', recipient: 'http://a' }));
    const sent = await until(read(m.id), (r) => r.status === 'SENT');
    expect(sent).toMatchObject({ attempts: 1, lastResponse: '200 fine', claimedBy: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    await expect(
      app.db.transaction(async (tx) => {
        await enqueueMessage(tx, { channel: 'TESTCHAN' as never, kind: 'X', recipient: 'http://rolled-back' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await app.db.manager.countBy(OutboxMessage, { recipient: 'http://rolled-back' })).toBe(0);
  });

  it('retries temporary failures, then FAILED with the answer after the bounded tries', async () => {
    answers.push(
      { ok: false, temporary: true, response: '503 busy' },
      { ok: false, temporary: true, response: '503 busy' },
      { ok: false, temporary: true, response: '503 still' },
    );
    const m = await app.db.transaction((tx) => enqueueMessage(tx, { channel: 'TESTCHAN' as never, kind: 'X', recipient: 'http://retry' }));
    const failed = await until(read(m.id), (r) => r.status === 'FAILED');
    expect(failed).toMatchObject({ attempts: 3, reason: '503 still' });
    expect(seen.filter((s) => s.endsWith('http://retry'))).toHaveLength(3);
  });

  it('keeps the order of one order_key: a later message waits for the earlier one', async () => {
    answers.push({ ok: false, temporary: true, response: '503 once' });
    const [a, b] = await app.db.transaction(async (tx) => [
      await enqueueMessage(tx, { channel: 'TESTCHAN' as never, kind: 'X', recipient: 'http://order-1', orderKey: 'user:1' }),
      await enqueueMessage(tx, { channel: 'TESTCHAN' as never, kind: 'X', recipient: 'http://order-2', orderKey: 'user:1' }),
    ]);
    await until(read(b.id), (r) => r.status === 'SENT');
    expect((await read(a.id)()).status).toBe('SENT');
    expect(seen.filter((s) => s.includes('order-'))).toEqual([`${a.id}:http://order-1`, `${a.id}:http://order-1`, `${b.id}:http://order-2`]);
  });

  it('records reserved addresses as SKIPPED at once; a channel without a deliverer waits QUEUED', async () => {
    const m = await app.db.transaction((tx) => enqueueEmail(tx, { kind: 'TEST', to: 'someone@example.com', subject: 's', text: 't' }));
    expect(m).toMatchObject({ status: 'SKIPPED', reason: expect.stringContaining('example.com') });
    const w = await app.db.transaction((tx) => enqueueMessage(tx, { channel: 'NOBODY' as never, kind: 'X', recipient: 'http://none' }));
    // No MAIL_URL here: emails wait too, never lost.
    const e = await app.db.transaction((tx) => enqueueEmail(tx, { kind: 'FOLLOW_UP', to: 'ann@mail.acme.io', subject: 's', text: 't' }));
    await new Promise((r) => setTimeout(r, 400));
    expect((await read(w.id)()).status).toBe('QUEUED');
    expect(await read(e.id)()).toMatchObject({ status: 'QUEUED', attempts: 0, reason: null });
  });
});
