import type { MigrationInterface, QueryRunner } from 'typeorm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { searchKey } from '../../users/profile-rules.js';

/**
 * Organizations (with their mail domains and tags) replace the free-text
 * organization name of a user; phone numbers become identities.
 *
 * An identity's uniqueness now lives in `unique_value`: the normalized value
 * for an identity of one user, NULL for a shared phone number (a number that
 * another user already has, kept on the profile as Zendesk does for shared
 * lines). Both databases let a unique index hold many NULLs.
 */
export class OrganizationsIdentities1764200000000 implements MigrationInterface {
  name = 'OrganizationsIdentities1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const id = mysql ? 'INT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
    const dt = mysql ? 'DATETIME(3)' : 'DATETIME';
    const bin = mysql ? ' COLLATE utf8mb4_bin' : '';
    const text = mysql ? 'MEDIUMTEXT' : 'TEXT';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    const orgRef = (col: string, name: string) =>
      mysql ? `, CONSTRAINT ${name} FOREIGN KEY (${col}) REFERENCES organizations (id) ON DELETE CASCADE` : '';
    const ref = mysql ? '' : ' REFERENCES organizations (id) ON DELETE CASCADE';

    await q.query(`CREATE TABLE organizations (
      id ${id},
      name VARCHAR(255) NOT NULL,
      name_key VARCHAR(255)${bin} NOT NULL,
      details ${text} NULL,
      notes ${text} NULL,
      external_id VARCHAR(255) NULL,
      external_id_key VARCHAR(255)${bin} NULL,
      created_at ${dt} NOT NULL,
      updated_at ${dt} NOT NULL
    )${table}`);
    await q.query('CREATE UNIQUE INDEX uq_organizations_name_key ON organizations (name_key)');
    await q.query('CREATE UNIQUE INDEX uq_organizations_external_id_key ON organizations (external_id_key)');

    await q.query(`CREATE TABLE organization_domains (
      domain VARCHAR(253)${bin} NOT NULL PRIMARY KEY,
      organization_id INT NOT NULL${ref}
      ${orgRef('organization_id', 'fk_organization_domains_org')}
    )${table}`);
    await q.query('CREATE INDEX ix_organization_domains_org ON organization_domains (organization_id)');

    await q.query(`CREATE TABLE organization_tags (
      organization_id INT NOT NULL${ref},
      tag VARCHAR(80)${bin} NOT NULL,
      PRIMARY KEY (organization_id, tag)
      ${orgRef('organization_id', 'fk_organization_tags_org')}
    )${table}`);
    await q.query('CREATE INDEX ix_organization_tags_tag ON organization_tags (tag)');

    // Users point at an organization; the names they had become organizations.
    await q.query('ALTER TABLE users ADD COLUMN organization_id INT NULL');
    await q.query('CREATE INDEX ix_users_organization ON users (organization_id, id)');
    // The oldest user's spelling names the organization ("Acme Corp" and "ACME CORP" are one).
    const names: { organization: string }[] = await q.query(
      'SELECT organization, MIN(id) AS first_id FROM users WHERE organization IS NOT NULL AND deleted_at IS NULL GROUP BY organization ORDER BY first_id',
    );
    const idByKey = new Map<string, number>();
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const { organization } of names) {
      const key = searchKey(String(organization));
      let orgId = idByKey.get(key);
      if (orgId === undefined) {
        const r = await q.query('INSERT INTO organizations (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)', [
          organization,
          key,
          now,
          now,
        ]);
        orgId = Number(typeof r === 'object' && r !== null && 'insertId' in r ? r.insertId : r);
        idByKey.set(key, orgId);
      }
      await q.query('UPDATE users SET organization_id = ? WHERE organization = ?', [orgId, organization]);
    }
    await q.query('ALTER TABLE users DROP COLUMN organization');

    // Identities: shared phone numbers and a uniqueness key that leaves them out.
    await q.query(`ALTER TABLE user_identities ADD COLUMN shared ${mysql ? 'TINYINT(1)' : 'BOOLEAN'} NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE user_identities ADD COLUMN unique_value VARCHAR(320)${bin} NULL`);
    await q.query('UPDATE user_identities SET unique_value = value_normalized');
    if (mysql) await q.query('ALTER TABLE user_identities DROP INDEX uq_user_identities_type_value');
    else await q.query('DROP INDEX uq_user_identities_type_value');
    await q.query('CREATE UNIQUE INDEX uq_user_identities_type_unique ON user_identities (type, unique_value)');
    await q.query('CREATE INDEX ix_user_identities_type_value ON user_identities (type, value_normalized)');

    // Every stored phone becomes the user's primary phone identity; a number
    // someone older already has is kept as shared.
    const phones: { id: number; phone: string; verified: unknown }[] = await q.query(
      'SELECT id, phone, verified FROM users WHERE phone IS NOT NULL AND deleted_at IS NULL ORDER BY id',
    );
    const taken = new Set<string>();
    for (const p of phones) {
      const e164 = parsePhoneNumberFromString(String(p.phone))?.number ?? String(p.phone);
      const shared = taken.has(e164);
      taken.add(e164);
      await q.query(
        `INSERT INTO user_identities (user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, shared, created_at, updated_at)
         VALUES (?, 'PHONE', ?, ?, ?, 1, 0, 'UNKNOWN', ?, ?, ?)`,
        [p.id, e164, e164, shared ? null : e164, shared ? 1 : 0, now, now],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    await q.query(`DELETE FROM user_identities WHERE type = 'PHONE'`);
    if (mysql) await q.query('ALTER TABLE user_identities DROP INDEX uq_user_identities_type_unique');
    else await q.query('DROP INDEX uq_user_identities_type_unique');
    await q.query(mysql ? 'ALTER TABLE user_identities DROP INDEX ix_user_identities_type_value' : 'DROP INDEX ix_user_identities_type_value');
    await q.query('CREATE UNIQUE INDEX uq_user_identities_type_value ON user_identities (type, value_normalized)');
    await q.query('ALTER TABLE user_identities DROP COLUMN unique_value');
    await q.query('ALTER TABLE user_identities DROP COLUMN shared');
    await q.query('ALTER TABLE users ADD COLUMN organization VARCHAR(255) NULL');
    await q.query('UPDATE users SET organization = (SELECT name FROM organizations o WHERE o.id = users.organization_id)');
    await q.query(mysql ? 'ALTER TABLE users DROP INDEX ix_users_organization' : 'DROP INDEX ix_users_organization');
    await q.query('ALTER TABLE users DROP COLUMN organization_id');
    await q.query('DROP TABLE organization_tags');
    await q.query('DROP TABLE organization_domains');
    await q.query('DROP TABLE organizations');
  }
}
