import type { EntityManager } from 'typeorm';
import { sideConversationMessageId, sideConversationToken } from '../inbound/side-conversation-ref.js';
import { enqueueEmail } from '../outbox/outbox.js';
import type { SideConversation } from '../tickets/ticket.entity.js';
import { languageOfLocale } from '../i18n/language.js';
import { REPLY_ABOVE, ticketMailRecipients } from './ticket-mail.js';

export interface SideConversationMail {
  id: number;
  body: string;
  authorId: number | null;
}

/** The subject of the desk's mail of a side conversation: its `[#12-3]` token first, so a reply names it (side-conversation-ref.ts). */
export const sideConversationMailSubject = (conversation: Pick<SideConversation, 'id' | 'ticketId' | 'subject'>): string =>
  `${sideConversationToken(conversation.ticketId, conversation.id)} ${conversation.subject}`;

/**
 * A staff message of a side conversation (the first, when it starts, and each
 * one added), emailed to its participants (not to its author; not to a
 * suspended or deleted account: ticketMailRecipients), one
 * SIDE_CONVERSATION message each, queued with the manager of the message's
 * transaction: the outbox skips reserved addresses at once and the sender
 * checks the domain, as for every email. The Message-ID names the message and
 * In-Reply-To/References the side conversation, so replies thread back to it.
 */
export function sideConversationMail(deskDomain: string) {
  return async (m: EntityManager, conversation: SideConversation, message: SideConversationMail): Promise<void> => {
    const rows: { user_id: unknown }[] = await m.query('SELECT user_id FROM side_conversation_participants WHERE side_conversation_id = ?', [
      conversation.id,
    ]);
    const ids = rows.map((r) => Number(r.user_id)).filter((id) => id !== message.authorId);
    const people = await ticketMailRecipients(m, ids);
    if (people.length === 0) return;
    const thread = sideConversationMessageId(conversation.ticketId, conversation.id, null, deskDomain);
    const headers = {
      'Message-ID': sideConversationMessageId(conversation.ticketId, conversation.id, message.id, deskDomain),
      'In-Reply-To': thread,
      References: thread,
    };
    for (const p of people) {
      await enqueueEmail(m, {
        kind: 'SIDE_CONVERSATION',
        to: p.address,
        subject: sideConversationMailSubject(conversation),
        // The reply line first, in the participant's language: a reply is cut there (inbound/reply-text.ts).
        text: `${REPLY_ABOVE.render(languageOfLocale(p.locale))}\n\n${message.body}`,
        userId: p.id,
        headers,
      });
    }
  };
}
