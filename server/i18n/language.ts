import type { Request } from 'express';

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

/*
 * The language of a request travels explicitly: resolvers have it on their
 * context (`ctx.lang`), and an error is marked with it on its way out
 * (graphql/errors.ts: languagePlugin, makeContext) so the error formatting,
 * which Apollo calls without the context, writes its message in it. Not an
 * AsyncLocalStorage: on Node 20 its promise hooks cost a tenth of the CPU of a
 * page of 100 full profiles (every promise of every request pays them).
 */
const LANGUAGE = Symbol('accueil.language');

/** Marks an error with the language of the request it answers. */
export function markLanguage(error: unknown, lang: Lang): void {
  if (typeof error === 'object' && error !== null) (error as { [LANGUAGE]?: Lang })[LANGUAGE] = lang;
}

/** The language an error (or one it wraps, as graphql-js wraps a resolver's) was marked with; English when none. */
export function languageOfError(error: unknown): Lang {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { originalError?: unknown }).originalError, depth++) {
    const lang = (e as { [LANGUAGE]?: Lang })[LANGUAGE];
    if (lang) return lang;
  }
  return 'en';
}
