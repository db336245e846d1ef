import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { UserInputError } from '../graphql/errors.js';

/**
 * Passwords: scrypt (memory-hard, from node:crypto). The stored form carries
 * its parameters, `scrypt$N$r$p$salt$hash`, so they can be raised later
 * without breaking existing hashes. Passwords are never logged.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((ok, fail) => scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, opts, (e, key) => (e ? fail(e) : ok(key))));
}

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if ([...password].length < MIN_PASSWORD) throw new UserInputError(field, `A password needs at least ${MIN_PASSWORD} characters.`);
  if (password.length > MAX_PASSWORD) throw new UserInputError(field, `A password can be at most ${MAX_PASSWORD} characters.`);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.slice(0, MAX_PASSWORD), Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing in particular, verified when there is no account, so both cases take the same time. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummy;
}

/** A random password a person can type, for the first admin when none was configured. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
