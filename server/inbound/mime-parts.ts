/**
 * The content types of a message's MIME tree (the root and every part of
 * every multipart, lower-cased), which mailparser does not expose: a
 * delivery report (multipart/report, message/delivery-status) wrapped in a
 * multipart/mixed is a bounce all the same. A message/rfc822 part is not
 * opened: a person forwarding a bounce wrote their own mail. Pure; at most
 * MAX_PARTS parts, MAX_DEPTH levels deep.
 */

const MAX_PARTS = 200;
const MAX_DEPTH = 10;

interface Part {
  type: string;
  boundary: string | null;
  body: string;
}

/** A header block and its body (the message as 'latin1' text: a character a byte). */
function split(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? text.slice(end.index + end[0].length) : '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const value = /^content-type:[ \t]*(.*)$/im.exec(unfolded)?.[1] ?? 'text/plain';
  const type = value.split(';')[0].trim().toLowerCase();
  const boundary = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(value);
  return { type, boundary: boundary ? (boundary[1] ?? boundary[2]) : null, body };
}

/** The parts of a multipart body between its boundaries (preamble and epilogue left out). */
function children(body: string, boundary: string): string[] {
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
  const out: string[] = [];
  let start = -1;
  for (let m = delimiter.exec(body); m; m = delimiter.exec(body)) {
    if (start >= 0) out.push(body.slice(start, m.index));
    if (m[1]) return out;
    start = m.index + m[0].length;
    const eol = /^\r?\n/.exec(body.slice(start));
    if (eol) start += eol[0].length;
  }
  return out;
}

export function mimePartTypes(raw: Buffer): string[] {
  const types: string[] = [];
  const walk = (text: string, depth: number) => {
    if (types.length >= MAX_PARTS) return;
    const part = split(text);
    types.push(part.type);
    if (!part.type.startsWith('multipart/') || !part.boundary || depth >= MAX_DEPTH) return;
    for (const child of children(part.body, part.boundary)) walk(child, depth + 1);
  };
  walk(raw.toString('latin1'), 0);
  return types;
}
