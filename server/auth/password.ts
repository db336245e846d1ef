import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { UserInputError } from '../graphql/errors.js';
import { hasLoneSurrogate, visibleCount } from '../text/text-rules.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * Passwords: scrypt (memory-hard, from node:crypto). The stored form carries
 * its parameters, `scrypt$N$r$p$salt$hash`, so they can be raised later
 * without breaking existing hashes. Passwords are never logged.
 */
let N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((ok, fail) => scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, opts, (e, key) => (e ? fail(e) : ok(key))));
}

let common: Set<string> | null = null;

/**
 * Is this password one that attackers try first? Compared without letter case
 * and spaces against zxcvbn-ts's list of about 49,000 common passwords
 * (@zxcvbn-ts/language-common, shipped in the package: no network), also
 * with the digits and symbols around it taken off ("Password123!",
 * "2024dragon"); one short piece repeated ("abcabcabcabc") counts too.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  const core = password.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (common.has(core)) return true;
  const letters = core.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if ([...letters].length >= 4 && common.has(letters)) return true;
  return /^(.{1,4})\1+$/su.test(core);
}

/**
 * Why a new password is refused, or null: at least 12 characters not counting
 * spaces and invisible characters (so 12 spaces, NULs or zero-width spaces are
 * not a password), no control characters, at most 1,024 characters, not a
 * common password.
 */
export function passwordProblem(password: string): Message | null {
  if (password.length > MAX_PASSWORD) return msg('password.passwordAtMostCharacters', { maxPassword: MAX_PASSWORD });
  if (/[\u0000-\u001f\u007f-\u009f]/.test(password) || hasLoneSurrogate(password)) {
    return msg('password.passwordContainControlCharacters');
  }
  if (visibleCount(password) < MIN_PASSWORD) {
    return msg('password.passwordNeedsAtLeast', { minPassword: MIN_PASSWORD });
  }
  if (isCommonPassword(password)) return msg('password.passwordTooCommonOn');
  return null;
}

export function checkPasswordPolicy(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserInputError(field, problem);
}

/**
 * scrypt's cost for new hashes (PASSWORD_HASH_COST, a power of two). Hashes
 * made at another cost still verify: each carries its own parameters.
 */
export function setPasswordHashCost(log2: number): void {
  if (2 ** log2 !== N) dummy = null;
  N = 2 ** log2;
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
