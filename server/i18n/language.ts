import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';

/** The languages the server writes its messages in. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The header the admin app sends with its interface language; it comes before Accept-Language. */
export const LANGUAGE_HEADER = 'accueil-language';

const isLang = (v: string): v is Lang => (LANGUAGES as readonly string[]).includes(v);

/**
 * The language of the person asking: the app's choice (the Accueil-Language
 * header, a BCP 47 tag such as `fr` or `fr-CA`), then Accept-Language, then English.
 */
export function requestLanguage(req: Request): Lang {
  const chosen = req.get(LANGUAGE_HEADER)?.trim().split(/[-_]/)[0]?.toLowerCase();
  if (chosen && isLang(chosen)) return chosen;
  if (!req.get('accept-language')) return 'en';
  const best = req.acceptsLanguages(...LANGUAGES);
  return typeof best === 'string' && isLang(best) ? best : 'en';
}

/** A person's language from their profile's locale (BCP 47, e.g. fr-CA): one the server writes, else English. */
export function languageOfLocale(locale: string | null | undefined): Lang {
  const base = locale?.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return isLang(base) ? base : 'en';
}

const current = new AsyncLocalStorage<Lang>();

/** Runs the rest of the request with its language known to `currentLanguage()` (and so to the error formatting). */
export const languageMiddleware: RequestHandler = (req, _res, next) => current.run(requestLanguage(req), next);

/** The language of the request being answered; English outside of one. */
export const currentLanguage = (): Lang => current.getStore() ?? 'en';
