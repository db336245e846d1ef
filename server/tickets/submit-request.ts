import type { Context } from '../graphql/context.js';
import { inputErrors, problemOf, RateLimitedError, UserInputError, type InputProblem } from '../graphql/errors.js';
import { clientOf } from '../auth/rate-limiter.js';
import type { ParsedEmail } from '../users/email-address.js';
import { normalizeName } from '../users/profile-rules.js';
import { isDeletedCustomerError } from '../users/user-contacts.js';
import { CreatedVia } from '../users/role.js';
import { SYSTEM_ACTOR, type Actor } from '../auth/viewer.js';
import { AuditSource } from '../audit/audit.types.js';
import { TicketVia } from './ticket-enums.js';
import type { SubmitRequestInput, SubmitRequestPayload } from './ticket.inputs.js';
import { admitRequest } from './request-admission.js';
import { writtenIn } from './ticket-writes.js';
import { ticketBody, ticketSubject } from './ticket-text.js';
import { msg } from '../i18n/message.js';

/** The writes of the public form: nobody signed in; the history says WEB_FORM. */
export const WEB_FORM_ACTOR: Actor = { ...SYSTEM_ACTOR, via: CreatedVia.SELF, source: AuditSource.WEB_FORM };

/** Each field's rule, all checked so that the form shows every problem at once. */
async function checked(ctx: Context, input: SubmitRequestInput): Promise<{ name: string; email: ParsedEmail; subject: string; description: string }> {
  const problems: InputProblem[] = [];
  const attempt = async <T>(run: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      problems.push(problemOf(err));
      return undefined;
    }
  };
  const name = await attempt(() => normalizeName(input.name ?? ''));
  const email = await attempt(() => ctx.users.checkEmail(input.email, 'email'));
  const subject = await attempt(() => ticketSubject(input.subject));
  const description = await attempt(() => ticketBody(input.description, 'description', 'Description'));
  if (problems.length) throw inputErrors(problems);
  return { name: name!, email: email!, subject: subject!, description: description! };
}

/**
 * Submit a request: a ticket via WEB_FORM from its requester, who is found by
 * any of their addresses or made (createdVia SELF, unverified). The answer
 * is `{ received: true }` whatever happened to a well-formed request (known
 * address, new one, honeypot), so the form never tells who has an account.
 * Malformed input is refused field by field; a client past the limit gets
 * RATE_LIMITED (429 with Retry-After) before anything is read.
 */
export async function submitRequest(ctx: Context, input: SubmitRequestInput): Promise<SubmitRequestPayload> {
  const wait = await ctx.requestLimiter.hit(`request:${clientOf(ctx.req.ip)}`);
  if (wait > 0) throw new RateLimitedError(wait, msg('door.tooManyRequestsFrom'));
  const dropped = (reason: string) => {
    ctx.log.info({ reason }, 'web form request dropped');
    return { received: true };
  };
  const early = admitRequest({ website: input.website });
  if (!early.admitted) return dropped(early.reason);
  const request = await checked(ctx, input);
  // Signed out (or signed in as someone else), the address is only typed: admission asks for proof where it matters.
  const admission = await ctx.admission.admit(request.email, { signedInUserId: ctx.viewer.kind === 'session' ? ctx.viewer.user.id : null });
  if (!admission.admitted) return dropped(admission.reason);
  try {
    await ctx.tickets.create(
      writtenIn({
        subject: request.subject,
        comment: request.description,
        requester: { field: 'email', email: request.email, name: request.name },
        ccs: [],
        via: TicketVia.WEB_FORM,
        held: admission.hold,
        // Acknowledged by mail (unless held), in the requester's language, else the page's.
        // The writer holds the address only when signed in as its owner: anyone may type any address in the form.
        acknowledge: { language: ctx.lang, writerProven: (requesterId) => ctx.viewer.kind === 'session' && ctx.viewer.user.id === requesterId },
        afterCreate: admission.verify
          ? (m, _ticket, requester) => ctx.doorMail.verification(m, { user: requester, address: request.email.address })
          : undefined,
      }),
      WEB_FORM_ACTOR,
    );
  } catch (err) {
    // Deleted since admission read it: dropped like any request admission refuses, never told.
    if (isDeletedCustomerError(err)) return dropped('DELETED_ACCOUNT');
    throw err;
  }
  return { received: true };
}
