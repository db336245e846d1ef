import 'reflect-metadata';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureMysqlDatabase, initializeDataSource, type MysqlFlavor } from '../../server/db/data-source.js';
import { migrations } from '../../server/db/migrations/index.js';
import { emailKey } from '../../server/users/email-address.js';
import { freshDatabase, testDialects } from '../helpers/databases.js';

/**
 * A database made by the first two migrations (issue 2 and 3: organization
 * as a name on the user, phone as a column) keeps everything when the
 * organizations-and-identities migration runs on it.
 */
describe.each(testDialects())('upgrading an existing database on %s', (dialect) => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  let flavor: MysqlFlavor = 'mysql';
  async function open(url: string, upTo: number): Promise<DataSource> {
    const ds = await initializeDataSource(new DataSource({ ...dataSourceOptions(url, flavor), migrations: migrations.slice(0, upTo) } as never));
    await ds.runMigrations({ transaction: 'each' });
    return ds;
  }

  it('turns organization names into organizations and phones into identities, losing nothing', async () => {
    const db = freshDatabase(dialect, 'm');
    const url = db.url;
    cleanup = db.cleanup;
    if (dialect === 'mysql') flavor = await ensureMysqlDatabase(url);
    const old = await open(url, 2);
    const now = '2026-01-01 00:00:00.000';
    const users: [number, string, string | null, string | null][] = [
      [1, 'Ann', 'Acme Corp', '+14155552671'],
      [2, 'Bob', 'ACME CORP', '+14155552671'],
      [3, 'Cat', 'Société Générale 🏦', null],
      [4, 'Dan', null, '+33142685300'],
    ];
    for (const [id, name, org, phone] of users) {
      await old.query(
        `INSERT INTO users (id, name, name_key, role, phone, organization, verified, suspended, created_via, created_at, updated_at)
         VALUES (?, ?, ?, 'END_USER', ?, ?, 0, 0, 'API', ?, ?)`,
        [id, name, name.toLowerCase(), phone, org, now, now],
      );
      await old.query(
        `INSERT INTO user_identities (user_id, type, value, value_normalized, is_primary, verified, deliverability, created_at, updated_at)
         VALUES (?, 'EMAIL', ?, ?, 1, 0, 'UNKNOWN', ?, ?)`,
        [id, `${name}@acme.io`, `${name.toLowerCase()}@acme.io`, now, now],
      );
    }
    await old.destroy();

    const ds = await open(url, migrations.length);
    try {
      const orgs = await ds.query('SELECT id, name FROM organizations ORDER BY id');
      expect(orgs.map((o: any) => o.name)).toEqual(['Acme Corp', 'Société Générale 🏦']);
      const linked = await ds.query('SELECT u.id, o.name FROM users u LEFT JOIN organizations o ON o.id = u.organization_id ORDER BY u.id');
      expect(linked.map((r: any) => r.name)).toEqual(['Acme Corp', 'Acme Corp', 'Société Générale 🏦', null]);
      const phones = await ds.query(
        `SELECT user_id, value, is_primary, shared, unique_value FROM user_identities WHERE type = 'PHONE' ORDER BY user_id`,
      );
      expect(phones.map((p: any) => [Number(p.user_id), p.value, Number(p.is_primary), Number(p.shared), p.unique_value])).toEqual([
        [1, '+14155552671', 1, 0, '+14155552671'],
        [2, '+14155552671', 1, 1, null],
        [4, '+33142685300', 1, 0, '+33142685300'],
      ]);
      // Emails keep their uniqueness under the new index.
      const emails = await ds.query(`SELECT COUNT(*) AS n FROM user_identities WHERE type = 'EMAIL' AND unique_value = value_normalized`);
      expect(Number(emails[0].n)).toBe(4);
      await expect(
        ds.query(
          `INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, created_at, updated_at)
           VALUES (4, 'EMAIL', 'ANN@acme.io', 'ann@acme.io', 'ann@acme.io', 0, 0, 'UNKNOWN', ?, ?)`,
          [now, now],
        ),
      ).rejects.toThrow();
    } finally {
      await ds.destroy();
    }
  });

  it('re-keys email addresses stored before the full case fold, keeping both of two that became one', async () => {
    const db = freshDatabase(dialect, 'm');
    cleanup = db.cleanup;
    if (dialect === 'mysql') flavor = await ensureMysqlDatabase(db.url);
    const before = migrations.findIndex((m) => m.name === 'EmailKeys1765000000000');
    expect(before).toBeGreaterThan(0);
    const old = await open(db.url, before);
    const now = '2026-01-01 00:00:00.000';
    // The keys the earlier rule made: lower case only.
    const rows: [number, string][] = [
      [1, 'ΟΔΟΣ@odos.gr'],
      [2, 'Straße@bahn.de'],
      [3, 'STRASSE@bahn.de'],
      [4, 'Cafe\u0301@paris.fr'],
      [5, 'plain@acme.io'],
      [6, 'Weiß@farbe.de'],
    ];
    for (const [id, value] of rows) {
      await old.query(
        `INSERT INTO users (id, name, name_key, role, verified, suspended, created_via, created_at, updated_at)
         VALUES (?, ?, ?, 'END_USER', 0, 0, 'API', ?, ?)`,
        [id, `User ${id}`, `user ${id}`, now, now],
      );
      await old.query(
        `INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, created_at, updated_at)
         VALUES (?, 'EMAIL', ?, ?, ?, 1, 0, 'UNKNOWN', ?, ?)`,
        [id, value, value.toLowerCase(), value.toLowerCase(), now, now],
      );
    }
    await old.destroy();

    const ds = await open(db.url, migrations.length);
    try {
      const keys = await ds.query(`SELECT user_id, value_normalized, unique_value FROM user_identities ORDER BY user_id`);
      expect(keys.map((k: any) => [Number(k.user_id), k.value_normalized, k.unique_value])).toEqual([
        [1, 'οδος@odos.gr', 'οδος@odos.gr'],
        // straße became strasse, which user 3 holds: it keeps its old key (logged for a merge).
        [2, 'straße@bahn.de', 'straße@bahn.de'],
        [3, 'strasse@bahn.de', 'strasse@bahn.de'],
        [4, 'café@paris.fr', 'café@paris.fr'],
        [5, 'plain@acme.io', 'plain@acme.io'],
        [6, 'weiss@farbe.de', 'weiss@farbe.de'],
      ]);
      expect(emailKey('WEISS@farbe.de')).toBe('weiss@farbe.de');
      expect(emailKey('CAFÉ@paris.fr')).toBe('café@paris.fr');
      // Every spelling now finds the one address: a second owner is refused by the unique index.
      await expect(
        ds.query(
          `INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, created_at, updated_at)
           VALUES (5, 'EMAIL', 'weiss@farbe.de', ?, ?, 0, 0, 'UNKNOWN', ?, ?)`,
          [emailKey('weiss@farbe.de'), emailKey('weiss@farbe.de'), now, now],
        ),
      ).rejects.toThrow();
    } finally {
      await ds.destroy();
    }
  });

  it('turns the acknowledgment of requests on for an existing desk, its other settings kept', async () => {
    const db = freshDatabase(dialect, 'm');
    cleanup = db.cleanup;
    if (dialect === 'mysql') flavor = await ensureMysqlDatabase(db.url);
    const before = migrations.findIndex((m) => m.name === 'AcknowledgeRequests1766100000000');
    expect(before).toBeGreaterThan(0);
    const old = await open(db.url, before);
    await old.query(`UPDATE settings SET desk_name = 'Acme Help', version = 7 WHERE id = 1`);
    await old.destroy();

    const ds = await open(db.url, migrations.length);
    try {
      const [row] = await ds.query('SELECT desk_name, version, acknowledge_requests FROM settings');
      expect([row.desk_name, Number(row.version), Number(row.acknowledge_requests)]).toEqual(['Acme Help', 7, 1]);
      if (dialect === 'mysql') {
        // Like the other settings, the column has no default: the entity says what it is.
        const [column] = await ds.query(
          `SELECT COLUMN_DEFAULT AS d FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'settings' AND COLUMN_NAME = 'acknowledge_requests'`,
        );
        expect(column.d === null || column.d === 'NULL').toBe(true);
      }
    } finally {
      await ds.destroy();
    }
  });

  it('makes the Message-IDs of comments and side-conversation messages unique, the first of a doubled id keeping it', async () => {
    const db = freshDatabase(dialect, 'm');
    cleanup = db.cleanup;
    if (dialect === 'mysql') flavor = await ensureMysqlDatabase(db.url);
    const before = migrations.findIndex((m) => m.name === 'UniqueMessageIds1766300000000');
    expect(before).toBeGreaterThan(0);
    const old = await open(db.url, before);
    // Rows only: the people they name do not matter here.
    await old.query(dialect === 'mysql' ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF');
    const now = dialect === 'mysql' ? 'NOW()' : "'2026-01-01 00:00:00'";
    await old.query(
      `INSERT INTO tickets (id, subject, status, via, requester_id, created_at, updated_at) VALUES (1, 's', 'NEW', 'EMAIL', 1, ${now}, ${now}), (2, 's', 'NEW', 'EMAIL', 1, ${now}, ${now})`,
    );
    for (const [ticket, messageId] of [
      [1, '<a@x>'],
      [2, '<a@x>'],
      [2, '<b@x>'],
      [1, null],
      [2, null],
    ] as const)
      await old.query(
        `INSERT INTO ticket_comments (ticket_id, body, is_public, via, message_id, created_at) VALUES (?, 'b', 1, 'EMAIL', ?, ${now})`,
        [ticket, messageId],
      );
    await old.query(`INSERT INTO side_conversations (id, ticket_id, subject, created_at) VALUES (1, 1, 's', ${now})`);
    for (const messageId of ['<c@x>', '<c@x>', '<c@x>'])
      await old.query(`INSERT INTO side_conversation_messages (side_conversation_id, body, message_id, created_at) VALUES (1, 'b', ?, ${now})`, [
        messageId,
      ]);
    await old.destroy();

    const ds = await open(db.url, migrations.length);
    try {
      const comments = await ds.query('SELECT id, ticket_id, message_id FROM ticket_comments ORDER BY id');
      expect(comments.map((c: any) => [Number(c.id), Number(c.ticket_id), c.message_id])).toEqual([
        [1, 1, '<a@x>'],
        [2, 2, null],
        [3, 2, '<b@x>'],
        [4, 1, null],
        [5, 2, null],
      ]);
      const messages = await ds.query('SELECT id, message_id FROM side_conversation_messages ORDER BY id');
      expect(messages.map((m: any) => m.message_id)).toEqual(['<c@x>', null, null]);
      // A second row with a kept id is refused by the database itself.
      await expect(
        ds.query(
          `INSERT INTO ticket_comments (ticket_id, body, is_public, via, message_id, created_at) VALUES (1, 'b', 1, 'EMAIL', '<b@x>', ${now})`,
        ),
      ).rejects.toThrow(/duplicate|unique/i);
    } finally {
      await ds.destroy();
    }
  });
});
