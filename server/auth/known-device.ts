import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse, serialize } from 'cookie';

/**
 * "This browser signed in to this account recently": a cookie that lets the
 * right password through when an account is locked by other people's failed
 * attempts (see SignInService). It proves a past sign-in, not an identity: it
 * opens nothing by itself.
 *
 * The cookie holds up to five entries (one per account, newest first), each
 * `<userId>.<issued, Unix seconds>.<mac>` where mac is an HMAC-SHA256 keyed
 * with the account's password hash (secret, server-side only). So no server
 * secret is needed, every server process can check it, it expires after 30
 * days, and changing the password voids every entry of that account.
 */
export const DEVICE_COOKIE = 'accueil_device';
export const KNOWN_DEVICE_DAYS = 30;
const MAX_ENTRIES = 5;
const ENTRY = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const mac = (userId: number, issued: number, passwordHash: string): string =>
  createHmac('sha256', passwordHash).update(`accueil-known-device:${userId}:${issued}`).digest('base64url');

/** A new entry for an account, issued now. */
export function deviceEntry(userId: number, passwordHash: string, now = Date.now()): string {
  const issued = Math.floor(now / 1000);
  return `${userId}.${issued}.${mac(userId, issued, passwordHash)}`;
}

/** The well-formed entries of the request's cookie. */
export function readDeviceEntries(req: Request): string[] {
  const header = req.headers.cookie;
  if (!header) return [];
  const value = parse(header)[DEVICE_COOKIE] ?? '';
  return value
    .split('~')
    .filter((e) => ENTRY.test(e))
    .slice(0, MAX_ENTRIES);
}

/**
 * A short id of the entry that proves a sign-in to this account within 30
 * days (used in lock keys), or null.
 */
export function knownDevice(entries: readonly string[], userId: number, passwordHash: string, now = Date.now()): string | null {
  for (const entry of entries) {
    const m = ENTRY.exec(entry);
    if (!m || Number(m[1]) !== userId) continue;
    const issued = Number(m[2]);
    const age = now / 1000 - issued;
    if (age < -300 || age > KNOWN_DEVICE_DAYS * 86_400) continue;
    const expected = Buffer.from(mac(userId, issued, passwordHash));
    const given = Buffer.from(m[3]);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      return createHash('sha256').update(entry).digest('hex').slice(0, 32);
    }
  }
  return null;
}

/** Puts `entry` first in the browser's cookie (replacing that account's older one), for 30 days. */
export function rememberDevice(req: Request, res: Response, entry: string): void {
  const userId = entry.split('.')[0];
  const others = readDeviceEntries(req).filter((e) => e.split('.')[0] !== userId);
  const value = [entry, ...others].slice(0, MAX_ENTRIES).join('~');
  res.append(
    'Set-Cookie',
    serialize(DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/graphql', secure: req.secure, maxAge: KNOWN_DEVICE_DAYS * 86_400 }),
  );
}
