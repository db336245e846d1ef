import { createHash } from 'node:crypto';

/**
 * A mail's Message-ID as the ticket tables keep it (`message_id`, unique: one
 * mail makes one comment or side-conversation message however many times it
 * is delivered, and at once). An id that fits the column is kept as it is; a
 * longer one (RFC 5322 sets no limit) as a fixed-length stand-in made from its
 * SHA-256, so that a second delivery, or a reply naming it, still finds it.
 * Lookups go through the same function.
 */
export const MESSAGE_ID_COLUMN_LENGTH = 255;

export function storedMessageId(id: string): string {
  if (id.length <= MESSAGE_ID_COLUMN_LENGTH) return id;
  return `<${createHash('sha256').update(id, 'utf8').digest('hex')}@long-message-id.invalid>`;
}
