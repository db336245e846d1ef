/**
 * The new text of a reply by mail: what the person wrote, without the mail it
 * answers that their mail program quoted below. The desk's own mail about a
 * ticket or a side conversation starts with a line such as
 * `##- Please type your reply above this line -##` (in the recipient's
 * language; REPLY_LINE matches it in any); a reply is cut there. A reply to
 * other mail (the customer's own first message, a supplier's) is cut at the
 * usual introduction of a quote: "On … wrote:", "Le … a écrit :", "Am …
 * schrieb …:", "El … escribió:", "Op … schreef …:", "Il … ha scritto:"
 * followed by quoted lines, or Outlook's "-----Original Message-----" and
 * "From: …" block; failing those, a block of `>` lines that ends the mail.
 *
 * Nothing the person wrote is dropped: an answer written between or below the
 * quoted lines (no text above them) keeps the whole mail, and so does a reply
 * of which nothing would remain. A new request by mail is never cut (a
 * forwarded conversation is what it is about).
 */

/** The desk's reply line (`##- … -##`), in any language, possibly quoted. */
export const REPLY_LINE = /^[>\s]*##- .* -##\s*$/;

/** A line that introduces a quote and ends with its colon; `start` is how its first line begins (it may wrap over two lines). */
const ATTRIBUTIONS: { start: RegExp; end: RegExp }[] = [
  { start: /^On\s/, end: /\bwrote:\s*$/ },
  { start: /^Le\s/, end: /\ba\s+écrit\s*:\s*$/ },
  { start: /^Am\s/, end: /\bschrieb\b.*:\s*$/ },
  { start: /^El\s/, end: /\bescribió:\s*$/ },
  { start: /^Op\s/, end: /\bschreef\b.*:\s*$/ },
  { start: /^Il\s/, end: /\bha\s+scritto:\s*$/ },
];

/** Outlook's separators: a dashed "Original Message" line, or a rule of underscores followed by a "From:" header line. */
const ORIGINAL_MESSAGE =
  /^\s*-{3,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original|Oorspronkelijk bericht|Messaggio originale)\s*-{3,}\s*$/i;
const RULE = /^\s*_{10,}\s*$/;
const FROM_HEADER = /^\s*\**(From|De|Von|Van|Da)\s*:\**\s/i;

const quoted = (line: string) => /^\s*>/.test(line);
const blank = (line: string) => line.trim() === '';

/** The index of the first line of what the reply quotes, or -1. */
function quoteStart(lines: string[]): number {
  const delimiter = lines.findIndex((l) => REPLY_LINE.test(l));
  // Outlook puts its header block (From:, Sent:, Subject:) above the quoted mail, so above the reply line too.
  const outlook = lines.findIndex((l, i) => ORIGINAL_MESSAGE.test(l) || (RULE.test(l) && FROM_HEADER.test(nextText(lines, i))));
  if (delimiter >= 0) return outlook >= 0 && outlook < delimiter ? outlook : introduced(lines, delimiter);
  if (outlook >= 0) return outlook;
  for (let i = 0; i < lines.length; i++) {
    const attribution = attributionAt(lines, i);
    if (attribution < 0 || !quoted(nextText(lines, i))) continue;
    // Answers written between the quoted lines: nothing is cut.
    return lines.slice(i + 1).some((l) => !blank(l) && !quoted(l)) ? -1 : attribution;
  }
  // A block of quoted lines (and blank ones) that ends the mail.
  let end = lines.length;
  while (end > 0 && (blank(lines[end - 1]) || quoted(lines[end - 1]))) end--;
  return end < lines.length && lines.slice(end).some(quoted) ? end : -1;
}

/** The first line after `i` that is not blank ('' when none). */
const nextText = (lines: string[], i: number): string => lines.slice(i + 1).find((l) => !blank(l)) ?? '';

/** Line `i` ends an attribution: the index of its first line (i, or i − 1 when it wrapped), else -1. */
function attributionAt(lines: string[], i: number): number {
  for (const a of ATTRIBUTIONS) {
    if (!a.end.test(lines[i])) continue;
    if (a.start.test(lines[i])) return i;
    if (i > 0 && a.start.test(lines[i - 1]) && !blank(lines[i - 1])) return i - 1;
  }
  return -1;
}

/** Before the desk's reply line: the attribution line(s) and quote marks the mail program put just above it go too. */
function introduced(lines: string[], delimiter: number): number {
  let i = delimiter;
  while (i > 0 && (blank(lines[i - 1]) || /^\s*>\s*$/.test(lines[i - 1]))) i--;
  if (i > 0) {
    const attribution = attributionAt(lines, i - 1);
    if (attribution >= 0) return attribution;
  }
  return i;
}

/** The reply's own text (see above); the whole text when nothing is quoted or nothing would remain. */
export function replyText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const start = quoteStart(lines);
  if (start < 0) return text;
  const own = lines.slice(0, start).join('\n').trim();
  return own === '' ? text : own;
}
