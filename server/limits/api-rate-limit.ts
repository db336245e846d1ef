import type { RequestHandler } from 'express';
import { secretHash } from '../auth/secrets.js';
import type { RateLimiter } from '../auth/rate-limiter.js';
import { requestLanguage } from '../i18n/language.js';
import { msg } from '../i18n/message.js';

const BEARER = /^Bearer\s+(\S+)/i;

/**
 * Partner apps: a request budget per API token (API_RATE_LIMIT a minute),
 * counted in the shared counters, so N workers or N machines give a token
 * the same budget as one. Past it: 429 RATE_LIMITED with Retry-After. Sessions
 * are not counted here. A counter store that cannot answer passes the error on
 * (answered 503 SERVICE_UNAVAILABLE by the app's error handler).
 */
export function apiRateLimit(limiter: RateLimiter): RequestHandler {
  return (req, res, next) => {
    const bearer = BEARER.exec(req.headers.authorization ?? '');
    if (limiter.limit <= 0 || !bearer) return next();
    const now = Date.now();
    limiter.take(`token:${secretHash(bearer[1].trim())}`, now).then(({ allowed, remaining, resetAt }) => {
      const reset = Math.max(1, Math.ceil((resetAt - now) / 1000));
      res.setHeader('RateLimit-Policy', `${limiter.limit};w=${Math.round(limiter.windowMs / 1000)}`);
      res.setHeader('RateLimit', `limit=${limiter.limit}, remaining=${remaining}, reset=${reset}`);
      if (allowed) return next();
      res.setHeader('Retry-After', String(reset));
      res.status(429).json({
        errors: [
          {
            message: msg('common.tooManyForToken').render(requestLanguage(req)),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: reset },
          },
        ],
      });
    }, next);
  };
}
