// Tags as the server keeps them (server/users/profile-rules.ts normalizeTag):
// trimmed, lower case, each run of spaces one underscore, at most 80 characters.

export const TAG_MAX_LENGTH = 80;

/** How many existing tags the autocomplete offers. */
export const TAG_SUGGESTION_COUNT = 8;

/** The stored form of a tag; '' when nothing is left. */
export function normalizeTag(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/gu, '_');
}

/**
 * The same rules while the person types: lower case, and spaces become an
 * underscore once the next word starts (a trailing space may still be the
 * end of the tag).
 */
export function normalizeTagTyping(value: string): string {
  return value
    .replace(/^\s+/u, '')
    .toLowerCase()
    .replace(/\s+(?=\S)/gu, '_');
}
