import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';

/**
 * The error types (body-parser's `type`) of a JSON body refused for its bytes: answered by the app's error handler
 * (with body-parser's own `charset.unsupported`, for a charset that is not even a UTF).
 */
export const BODY_NOT_UTF8 = 'entity.not.utf8';
export const BODY_CHARSET_REFUSED = 'charset.not.utf8';

const UTF8_LABELS = new Set(['utf-8', 'utf8']);

/**
 * A JSON body parser that refuses bytes it would otherwise decode leniently:
 * body-parser turns an invalid UTF-8 sequence (C3 28, a lone A0) into U+FFFD
 * and the text would be stored so, losing what was sent. A body that is not
 * valid UTF-8 is answered 400 before anything runs; a charset other than
 * UTF-8 (JSON between systems is UTF-8, RFC 8259 §8.1) is answered 415.
 * Every JSON endpoint uses this one, never `express.json` itself.
 */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    verify: (_req, _res, buf, encoding) => {
      if (!UTF8_LABELS.has(String(encoding).toLowerCase())) {
        throw Object.assign(new Error(`A JSON body must be UTF-8, not ${encoding}.`), { status: 415, type: BODY_CHARSET_REFUSED });
      }
      if (!isUtf8(buf)) throw Object.assign(new Error('The request body is not valid UTF-8.'), { status: 400, type: BODY_NOT_UTF8 });
    },
  });
}
