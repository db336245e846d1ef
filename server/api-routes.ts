import { isUtf8 } from 'node:buffer';
import type { Request, RequestHandler, Response } from 'express';
import { requestLanguage } from './i18n/language.js';
import { msg, renderText, type Text } from './i18n/message.js';

/** The error type (as body-parser's `type`) of a URL whose query string is not UTF-8 once its %XX escapes are read. */
export const QUERY_NOT_UTF8 = 'query.not.utf8';

/**
 * The paths of the API (everything that is not the admin app), with the methods each answers. A path under
 * these prefixes that no route took is answered in the API's JSON error format, never with Express's HTML
 * page or the admin app's index.html: 405 METHOD_NOT_ALLOWED with `Allow` for a known path, else 404 NOT_FOUND.
 */
export const API_PREFIXES = ['/graphql', '/exports', '/imports', '/inbound', '/healthz'] as const;

const ROUTES: { path: RegExp; allow: string }[] = [
  { path: /^\/graphql\/?$/, allow: 'GET, HEAD, POST' },
  { path: /^\/healthz\/?$/, allow: 'GET, HEAD' },
  { path: /^\/exports\/users\.csv\/?$/, allow: 'GET, HEAD' },
  { path: /^\/inbound\/email\/?$/, allow: 'POST' },
  { path: /^\/imports\/users\/?$/, allow: 'POST' },
  { path: /^\/imports\/users\/[^/]+\/failed-rows\.csv\/?$/, allow: 'GET, HEAD' },
];

const sendError = (req: Request, res: Response, status: number, code: string, text: Text): void => {
  res.status(status).json({ errors: [{ message: renderText(text, requestLanguage(req)), extensions: { code } }] });
};

/** The bytes a query string stands for: its %XX escapes read as bytes, `+` and the rest as written. */
function queryBytes(query: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(query.slice(i + 1, i + 3))) {
      bytes.push(parseInt(query.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(query[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

/**
 * Refuses (400, through the app's error handler) an API request whose query string is not UTF-8 once decoded:
 * Express would read `?query=%FF` as U+FFFD and search for it, where a body that is not UTF-8 is refused.
 */
export function queryMustBeUtf8(): RequestHandler {
  return (req, _res, next) => {
    const at = req.originalUrl.indexOf('?');
    if (at < 0 || !req.originalUrl.includes('%', at) || isUtf8(queryBytes(req.originalUrl.slice(at + 1)))) return next();
    next(Object.assign(new Error('The query string is not valid UTF-8.'), { status: 400, type: QUERY_NOT_UTF8 }));
  };
}

/** Whether a path is the API's (see API_PREFIXES). */
export const isApiPath = (path: string): boolean => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/** The answer to an API path no route took: 405 with Allow for a known path and another method, else 404. */
export function apiFallback(): RequestHandler {
  return (req, res, next) => {
    if (!isApiPath(req.path)) return next();
    const route = ROUTES.find((r) => r.path.test(req.path));
    if (route && req.method === 'OPTIONS') {
      res.setHeader('Allow', `${route.allow}, OPTIONS`);
      res.status(204).end();
      return;
    }
    if (route) {
      res.setHeader('Allow', route.allow);
      return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', msg('common.methodNotAllowed', { method: req.method, allow: route.allow }));
    }
    sendError(req, res, 404, 'NOT_FOUND', msg('common.noSuchApiPath'));
  };
}
