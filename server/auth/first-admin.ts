import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from './viewer.js';
import { checkPasswordPolicy, generatePassword, hashPassword } from './password.js';
import { Role } from '../users/user.entity.js';
import type { UserService } from '../users/user.service.js';
import { parseEmail } from '../users/email-address.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@accueil.localhost';

/**
 * First run: when no active admin exists, ADMIN_EMAIL and ADMIN_PASSWORD
 * make one (an existing account with that address is promoted). Without
 * them, a random password is generated and printed once on the console.
 */
export async function ensureFirstAdmin(
  users: UserService,
  opts: { email?: string; password?: string },
  log: Logger,
  print: (line: string) => void = (line) => console.log(line),
): Promise<void> {
  if ((await users.countActiveAdmins()) > 0) return;
  const email = opts.email ?? DEFAULT_ADMIN_EMAIL;
  const parsed = parseEmail(email);
  if (!parsed.ok) throw new Error(`ADMIN_EMAIL is not a valid address: ${parsed.reason}`);
  const password = opts.password ?? generatePassword();
  checkPasswordPolicy(password, 'ADMIN_PASSWORD');
  const hash = await hashPassword(password);

  const existing = await users.findByEmail(parsed.email.address);
  let id: number;
  if (existing) {
    // The operator vouches for ADMIN_EMAIL: it becomes the account's verified primary address, the one it signs in with.
    const promoted = await users.update(existing, { role: Role.ADMIN, suspended: false, email: parsed.email.address, verified: true }, SYSTEM_ACTOR);
    id = promoted.id;
  } else {
    const created = await users.create({ name: 'Administrator', email, role: Role.ADMIN, verified: true }, { ...SYSTEM_ACTOR });
    id = created.user.id;
  }
  await users.setPasswordHash(id, hash, SYSTEM_ACTOR);
  log.info({ email: parsed.email.address }, 'created the first admin');
  if (!opts.password) {
    print('');
    print('  Accueil created the first admin account. Sign in with:');
    print(`    email:    ${parsed.email.address}`);
    print(`    password: ${password}`);
    print('  This password is shown only once. Change it after signing in (or set ADMIN_EMAIL and ADMIN_PASSWORD).');
    print('');
  }
}
