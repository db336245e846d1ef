import { domainToASCII } from 'node:url';
import type { Logger } from 'pino';
import type { Actor } from '../auth/viewer.js';
import { emailKey, type ParsedEmail } from '../users/email-address.js';
import { duplicateKeyOf } from '../db/database.js';
import type { UserService } from '../users/user.service.js';
import { isDeletedCustomerError } from '../users/user-contacts.js';
import type { User } from '../users/user.entity.js';
import { TicketVia } from '../tickets/ticket-enums.js';
import type { TicketService } from '../tickets/ticket.service.js';
import { writtenIn } from '../tickets/ticket-writes.js';
import type { CheckedRef } from '../tickets/ticket-people.js';
import { mailBody, mailSubject } from '../tickets/ticket-text.js';
import { replyText } from './reply-text.js';
import { copiesFull, decideCopy } from './copy-rule.js';
import { parseMessage, type ParsedMessage, type RawMessage } from './parse-message.js';
import { messageIdsIn, ticketRefOf } from './ticket-ref.js';
import { sideConversationRefOf } from './side-conversation-ref.js';
import type { RequestAdmission } from '../tickets/request-admission.js';
import type { DoorMail } from '../door/door-mail.js';
import { isStaffRole } from '../auth/policy.js';
import { senderProof } from './authentication-results.js';

/** What became of one inbound message. */
export type InboundOutcome =
  | { result: 'CREATED'; ticketId: number }
  | { result: 'COMMENTED'; ticketId: number }
  | { result: 'SIDE_CONVERSATION'; ticketId: number; sideConversationId: number }
  | {
      result: 'IGNORED';
      reason: 'AUTO_GENERATED' | 'BAD_SENDER' | 'OWN_ADDRESS' | 'UNVERIFIED_STAFF' | 'DUPLICATE' | 'REFUSED';
      detail?: string;
    };

const asciiLower = (domain: string) => (domainToASCII(domain.trim()) || domain.trim()).toLowerCase();

/**
 * Mail to the desk (POST /inbound/email and the SMTP listener both hand the
 * raw message here). Parsed by mailparser (parse-message.ts), then:
 * - mail written by a machine (auto-replies, bounces, lists: auto-generated.ts),
 *   from an address that is not one, from the desk's own domain or sending
 *   address (MAIL_FROM), or a second delivery of a Message-ID already taken
 *   (even at the same time: the id is unique where it is kept), creates nothing;
 * - mail from a staff address (an agent's or admin's, any of their
 *   addresses) is theirs only with proof: an Authentication-Results header
 *   of the desk's own receiving server (`authservId`, INBOUND_AUTHSERV_ID)
 *   that passes DMARC, or DKIM or SPF aligned with the From domain
 *   (authentication-results.ts). Without it (anyone can write a From) the
 *   mail is IGNORED as UNVERIFIED_STAFF and logged: no ticket with staff as
 *   requester, no comment or side-conversation message in their name, and
 *   no way past the access settings or the block list;
 * - a reply to a side conversation's mail (In-Reply-To or References naming
 *   `<ticket-12.side-3…@desk>`, else `[#12-3]` in the subject:
 *   side-conversation-ref.ts) from one of its participants adds a message
 *   to it (never a ticket comment; from a suspended participant, an internal
 *   note on its ticket instead, as below); from anyone else it goes on below;
 * - a reply (In-Reply-To or References naming the desk's Message-ID of a
 *   ticket, or of mail that came in on it; else `[#id]` in the subject) from
 *   the ticket's requester or one of its CCs adds a public comment to it
 *   (an internal note when that account is suspended: nothing reopens);
 *   a reply keeps its own text, not the mail it quotes (reply-text.ts);
 * - anything else opens a ticket (via EMAIL): From is its requester (found by
 *   any of their addresses, or made with the display name as name, createdVia
 *   SELF, unverified), the Cc's that copy-rule.ts lets in are copied
 *   (createdVia CC). Attachments are listed by name on the comment. A
 *   deleted customer's mail is refused (request-admission.ts).
 */
export class InboundMail {
  constructor(
    private readonly deps: {
      tickets: TicketService;
      users: UserService;
      admission: RequestAdmission;
      doorMail: DoorMail;
      domain: string;
      /** MAIL_FROM's address: the desk's own mail, wherever it is (a loop when it comes back). */
      sendingAddress: string;
      /** INBOUND_AUTHSERV_ID: whose Authentication-Results prove a sender; null: none do. */
      authservId: string | null;
      log: Logger;
    },
  ) {
    this.sendingKey = emailKey(deps.sendingAddress);
  }

  private readonly sendingKey: string | null;

  /**
   * `trustAuthenticationResults`: whether the message's Authentication-Results come from the desk's own receiving
   * server (a provider that signs in with an INBOUND token, the MX that INBOUND_SMTP_TRUSTED names); when false they
   * are dropped, since whoever wrote the message could have written them.
   */
  async receive(raw: RawMessage, actor: Actor, options: { trustAuthenticationResults: boolean }): Promise<InboundOutcome> {
    const msg = await parseMessage(raw);
    if (!options.trustAuthenticationResults) msg.authenticationResults = [];
    return this.take(msg, actor);
  }

  async take(msg: ParsedMessage, actor: Actor): Promise<InboundOutcome> {
    const outcome = await this.decide(msg, actor)
      // Someone it names (the sender, a Cc) was deleted between the checks and the ticket's transaction, which was
      // rolled back: decided again, the deleted account is seen as such (the sender refused, the Cc left out).
      .catch((err: unknown) => (isDeletedCustomerError(err) ? this.decide(msg, actor) : Promise.reject(err)))
      .catch((err: unknown) => {
        // The same mail, delivered again at the same time, was taken first by the other delivery (its Message-ID is
        // unique in the ticket tables: tickets/message-ids.ts); this one's writes were rolled back.
        if (/message_id/.test(duplicateKeyOf(err)?.index ?? '')) return { result: 'IGNORED', reason: 'DUPLICATE' } as const;
        if (isDeletedCustomerError(err)) return { result: 'IGNORED', reason: 'REFUSED' } as const;
        throw err;
      });
    this.deps.log.info({ messageId: msg.messageId, ...outcome }, 'inbound mail');
    return outcome;
  }

  private async decide(msg: ParsedMessage, actor: Actor): Promise<InboundOutcome> {
    // The desk's own mail come back (an X-Loop naming it): never taken, so never answered again.
    if (msg.loops.some((v) => this.namesDesk(v))) return { result: 'IGNORED', reason: 'AUTO_GENERATED', detail: 'LOOP' };
    // A machine's mail creates nothing; an automatic answer (out of office) is read on below, as a comment only.
    if (msg.autoGenerated && !msg.autoReply) return { result: 'IGNORED', reason: 'AUTO_GENERATED', detail: msg.autoGenerated };
    const from = await this.address(msg.from.address);
    if (!from) return { result: 'IGNORED', reason: 'BAD_SENDER' };
    if (this.isDesk(from)) return { result: 'IGNORED', reason: 'OWN_ADDRESS' };
    const proof = senderProof(msg.authenticationResults, this.deps.authservId, from.domain);
    // The sender's account (by any of their addresses), read once: the replies below are theirs only.
    const account = await this.deps.users.findByEmail(from.address);
    if (account && isStaffRole(account.role) && !proof.proven) {
      this.deps.log.warn(
        { messageId: msg.messageId, staffUserId: account.id, why: proof.why },
        'inbound mail from a staff address without proof of its sender: ignored',
      );
      return { result: 'IGNORED', reason: 'UNVERIFIED_STAFF' };
    }
    const { reads } = this.deps.tickets;
    if (
      msg.messageId &&
      ((await reads.ticketOfMessageIds([msg.messageId])) !== null || (await reads.sideConversationMessageExists([msg.messageId])))
    ) {
      return { result: 'IGNORED', reason: 'DUPLICATE' };
    }
    const attachments = msg.attachments.filter((a) => !a.inline).map((a) => a.filename ?? 'attachment');
    const body = mailBody(msg.text);
    // A reply keeps what its sender wrote, not the mail it quotes (reply-text.ts).
    const reply = mailBody(replyText(msg.text));

    const side = msg.autoGenerated ? null : await this.repliedSideConversation(msg, account);
    if (side && account?.suspended) {
      // A suspended participant's reply is kept as a suspended account's reply to a ticket is (below): an internal note
      // by them on the side conversation's ticket, which agents read and which mails and reopens nothing. One rule for
      // whatever a suspended account writes to the desk; refusing it would lose what they wrote.
      this.deps.log.info(
        { messageId: msg.messageId, userId: account.id, ticketId: side.ticketId, sideConversationId: side.conversationId },
        'side-conversation reply from a suspended account kept as an internal note',
      );
      await this.deps.tickets.addComment(
        side.ticketId,
        { body: reply, public: false, via: TicketVia.EMAIL, author: account.id, messageId: msg.messageId, attachments },
        actor,
      );
      return { result: 'COMMENTED', ticketId: side.ticketId };
    }
    if (side) {
      await this.deps.tickets.addSideConversationMessage(
        side.conversationId,
        { body: reply, authorId: side.senderId, messageId: msg.messageId },
        actor,
      );
      return { result: 'SIDE_CONVERSATION', ticketId: side.ticketId, sideConversationId: side.conversationId };
    }

    const ticketId = await this.repliedTicket(msg);
    if (ticketId !== null) {
      const ticket = await reads.findById(ticketId);
      if (ticket && account && (account.id === ticket.requesterId || (ticket.ccIds ?? []).includes(account.id))) {
        // A suspended account's reply is kept for the agents as an internal note: nobody reads it as the ticket's
        // conversation (the requester, the CCs, a public reply's quote) and it reopens nothing.
        const note = account.suspended;
        if (note)
          this.deps.log.info(
            { messageId: msg.messageId, userId: account.id, ticketId: ticket.id },
            'reply from a suspended account kept as an internal note',
          );
        await this.deps.tickets.addComment(
          ticket.id,
          { body: reply, public: !note, via: TicketVia.EMAIL, author: account.id, messageId: msg.messageId, attachments, automatic: msg.autoReply },
          actor,
        );
        return { result: 'COMMENTED', ticketId: ticket.id };
      }
    }

    // An automatic answer to no ticket of the desk (or from someone not on it) is a machine's mail like any other.
    if (msg.autoGenerated) return { result: 'IGNORED', reason: 'AUTO_GENERATED', detail: msg.autoGenerated };
    // A new ticket: who may write in is decided in one place (request-admission.ts); the sender is never told.
    const admission = await this.deps.admission.admit(from, { senderProven: proof.proven });
    if (!admission.admitted) {
      this.deps.log.info({ messageId: msg.messageId, reason: admission.reason }, 'inbound mail refused by the access settings');
      return { result: 'IGNORED', reason: 'REFUSED' };
    }
    const ccs = await this.copies(msg, from);
    const created = await this.deps.tickets.create(
      writtenIn({
        subject: mailSubject(msg.subject),
        comment: body,
        requester: { field: 'from', email: from, name: msg.from.name || null },
        ccs,
        via: TicketVia.EMAIL,
        messageId: msg.messageId,
        attachments,
        held: admission.hold,
        // Acknowledged by mail (unless held), in the requester's language (the provider's request says nothing of theirs).
        // Anyone may write any From: the writer is proven only by the desk's receiving server. Not when the sender asks
        // for no automatic answer (X-Auto-Response-Suppress, X-Loop): then no verification mail either (held, for review).
        acknowledge: msg.noAutoAnswer ? undefined : { language: null, writerProven: () => proof.proven },
        afterCreate:
          admission.verify && !msg.noAutoAnswer
            ? (m, _ticket, requester) => this.deps.doorMail.verification(m, { user: requester, address: from.address })
            : undefined,
      }),
      actor,
    );
    return { result: 'CREATED', ticketId: created.ticket.id };
  }

  /** The mail's Cc's that the ticket copies: decided one by one by copy-rule.ts (the facts it needs are read here). */
  private async copies(msg: ParsedMessage, from: ParsedEmail): Promise<CheckedRef[]> {
    const ccs: CheckedRef[] = [];
    const left: { cc: number; reason: string }[] = [];
    for (const [i, cc] of msg.cc.entries()) {
      // No domain check, no lookup for a Cc that could not be copied anyway.
      if (copiesFull(ccs.length)) {
        left.push({ cc: i, reason: 'TOO_MANY' });
        continue;
      }
      const email = await this.address(cc.address);
      const facts = {
        email,
        desk: email !== null && this.isDesk(email),
        list: email ? await this.deps.admission.listVerdictOf(email) : ('NONE' as const),
        deletedAccount: email !== null && (await this.deps.users.holderOfEmail(email.address)) === 'DELETED',
      };
      const decision = decideCopy(facts, from, ccs.length);
      if (decision.copy) ccs.push({ field: `cc.${i}`, email: email!, name: cc.name || null });
      else left.push({ cc: i, reason: decision.reason });
    }
    // Which Cc (by its place) and why, never the address: the log is no address book.
    if (left.length) this.deps.log.info({ messageId: msg.messageId, left }, 'inbound mail: Cc addresses not copied');
    return ccs;
  }

  /** The side conversation a reply names (side-conversation-ref.ts), when its sender is one of the participants; else null. */
  private async repliedSideConversation(
    msg: ParsedMessage,
    sender: User | null,
  ): Promise<{ ticketId: number; conversationId: number; senderId: number } | null> {
    const ref = sideConversationRefOf(msg, this.deps.domain);
    if (!ref || !sender) return null;
    const conversation = await this.deps.tickets.reads.sideConversation(ref.sideConversationId);
    if (!conversation || conversation.ticketId !== ref.ticketId) return null;
    const participants = await this.deps.tickets.reads.participantsOf([conversation.id]);
    return participants.some((p) => p.userId === sender.id)
      ? { ticketId: conversation.ticketId, conversationId: conversation.id, senderId: sender.id }
      : null;
  }

  /** The ticket a reply names: the desk's Message-IDs or [#id] (ticket-ref.ts), else the Message-ID of mail that came in on a ticket. */
  private async repliedTicket(msg: ParsedMessage): Promise<number | null> {
    const ref = ticketRefOf(msg, this.deps.domain);
    if (ref && ref.via !== 'SUBJECT') return ref.ticketId;
    const ids = [...messageIdsIn(msg.inReplyTo ?? ''), ...[...msg.references].reverse().flatMap(messageIdsIn)];
    const byMessage = await this.deps.tickets.reads.ticketOfMessageIds(ids);
    return byMessage ?? ref?.ticketId ?? null;
  }

  private async address(value: string): Promise<ParsedEmail | null> {
    try {
      return await this.deps.users.checkEmail(value, 'from');
    } catch {
      return null;
    }
  }

  /** An X-Loop value naming the desk: its sending address, or an address or name at its inbound domain. */
  private namesDesk(value: string): boolean {
    const domain = asciiLower(this.deps.domain);
    // Whole words only: 'xsupport@gmail.com' names no desk sending as 'support@gmail.com', nor 'a@desk.io.evil.com' desk.io.
    const words = value.toLowerCase().split(/[\s<>,;"()]+/);
    return words.some((w) => (this.sendingKey !== null && w === this.sendingKey) || w.endsWith(`@${domain}`) || w === domain);
  }

  /** The desk's own mail: its inbound domain, or the address it sends from (MAIL_FROM, which may be elsewhere). */
  private isDesk(email: ParsedEmail): boolean {
    return asciiLower(email.domain) === asciiLower(this.deps.domain) || email.normalized === this.sendingKey;
  }
}
