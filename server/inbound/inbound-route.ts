import type { Request, RequestHandler, Response } from 'express';
import type { Services } from '../graphql/context.js';
import { ApiTokenScope } from '../tokens/api-token-scope.js';
import { AuditSource } from '../audit/audit.types.js';
import { CreatedVia } from '../users/role.js';
import type { Actor } from '../auth/viewer.js';
import { InboundMessageError, MAX_MESSAGE_BYTES } from './parse-message.js';

const fail = (res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json({ error: { code, message } });
};

/**
 * POST /inbound/email: one raw message (Content-Type: message/rfc822, at
 * most 10 MB), as mail providers deliver inbound mail, with a token that has
 * the INBOUND scope (and only it). Answers 200 with what became of it
 * ({ result: CREATED | COMMENTED | SIDE_CONVERSATION | IGNORED, ticketId?,
 * sideConversationId?, reason? }); 401
 * without a valid token, 403 for a token without the scope, 415 for another
 * content type, 413 past 10 MB, 400 for something that is not a message.
 */
export function inboundEmailRoute(services: Services): RequestHandler {
  return async (req: Request, res: Response) => {
    const m = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim());
    const found = m ? await services.tokens.resolve(m[1]) : null;
    if (!found) return fail(res, 401, 'UNAUTHENTICATED', 'Send a valid API token with the INBOUND scope.', { 'www-authenticate': 'Bearer' });
    if (!found.token.scopes.includes(ApiTokenScope.INBOUND)) return fail(res, 403, 'FORBIDDEN', 'This API token lacks the INBOUND scope.');
    if (!req.is('message/rfc822')) return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send one raw message with Content-Type: message/rfc822.');
    if (Number(req.headers['content-length'] ?? 0) > MAX_MESSAGE_BYTES) {
      return fail(res, 413, 'TOO_LARGE', `The message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB, the most this desk accepts.`);
    }
    const actor: Actor = {
      userId: found.user.id,
      tokenId: found.token.id,
      tokenName: found.token.name,
      via: CreatedVia.SELF,
      source: AuditSource.EMAIL,
    };
    try {
      // The provider signed in with an INBOUND token: its receiving server's Authentication-Results are believed.
      const outcome = await services.inbound.receive(req, actor, { trustAuthenticationResults: true });
      res.status(200).json(outcome);
    } catch (err) {
      if (!(err instanceof InboundMessageError)) throw err;
      if (err.code === 'TOO_LARGE') {
        res.setHeader('connection', 'close');
        return fail(res, 413, err.code, err.message);
      }
      return fail(res, 400, err.code, err.message);
    }
  };
}
