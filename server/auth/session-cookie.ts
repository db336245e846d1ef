import type { Request, Response } from 'express';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'accueil_session';

/** httpOnly, SameSite=Lax, Path=/, Secure when the request came over TLS. */
function attributes(req: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: req.secure };
}

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE] || undefined;
}

export function setSessionCookie(req: Request, res: Response, secret: string, expiresAt: Date): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, secret, { ...attributes(req), expires: expiresAt }));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, '', { ...attributes(req), expires: new Date(0) }));
}
