import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * Caps the bytes of one GraphQL answer (GRAPHQL_MAX_RESPONSE_BYTES). The cost
 * limit refuses most large operations before they run; this catches what its
 * estimate cannot (long texts, accounts with unusually many addresses): past
 * the cap the client gets a RESPONSE_TOO_LARGE error (HTTP 400) instead of
 * the answer. A mutation's change is kept: only its answer is dropped.
 */
export function capResponseBytes(maxBytes: number, log: Logger) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && body.length > maxBytes / 3 && Buffer.byteLength(body) > maxBytes) {
        const bytes = Buffer.byteLength(body);
        log.warn({ bytes, maxBytes }, 'graphql answer over GRAPHQL_MAX_RESPONSE_BYTES');
        res.status(400);
        return send(
          JSON.stringify({
            errors: [
              {
                message: `The answer would be ${bytes} bytes, more than the limit of ${maxBytes}. Ask for fewer items or fields per request (a write was still made).`,
                extensions: { code: 'RESPONSE_TOO_LARGE', bytes, maxBytes },
              },
            ],
          }),
        );
      }
      return send(body);
    };
    next();
  };
}
