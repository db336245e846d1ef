import { domainToASCII } from 'node:url';

/**
 * Authentication-Results (RFC 8601): what the desk's own receiving mail
 * server found when it checked a message's SPF, DKIM and DMARC, and the proof
 * a staff address on inbound mail needs (inbound-mail.ts).
 *
 * No maintained npm package parses this header on its own (mailauth, which
 * verifies mail itself, keeps its parser internal and brings a DNS resolver,
 * an HTTP client and a second nodemailer), so this is a small parser of the
 * RFC's grammar: comments (nested, with quoted pairs) are dropped outside
 * quoted strings; `authserv-id [version] ; resinfo ; resinfo…` or
 * `authserv-id ; none`; each resinfo is `method[/version] = result`, then an
 * optional `reason = value`, then `ptype.property = value` pairs (a value is a
 * token, an address or a quoted string). A header that does not follow the
 * grammar gives null; a resinfo that does not is left out (never guessed at).
 */

export interface AuthResult {
  /** Lower case: `dkim`, `spf`, `dmarc`, `arc`, `iprev`… */
  method: string;
  /** Lower case: `pass`, `fail`, `none`, `neutral`, `temperror`… */
  result: string;
  reason: string | null;
  /** By lower-case `ptype.property` (`header.d`, `header.i`, `header.from`, `smtp.mailfrom`), values as written. */
  properties: Record<string, string>;
}

export interface AuthResultsHeader {
  authservId: string;
  results: AuthResult[];
}

const TOKEN = /^[^\s;"()=]+/;
/** A property's value may hold `=` (a DKIM signature's base64 in header.b). */
const PVALUE = /^[^\s;"()]+/;
const QUOTED = /^"((?:[^"\\]|\\.)*)"/s;

/** The header with its comments taken out (outside quoted strings); null when a comment or a quote is never closed. */
function withoutComments(value: string): string | null {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (value[i + 1] ?? '');
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return null;
      if (--depth === 0) out += ' ';
    } else if (depth === 0) {
      out += c;
      if (c === '"') quoted = true;
    }
  }
  return depth === 0 && !quoted ? out : null;
}

/** Splits at `;` outside quoted strings. */
function splitResinfos(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** A value (a token or a quoted string) at the start of `text`, and what follows it; null when there is none. */
function readValue(text: string, token = TOKEN): { value: string; rest: string } | null {
  const q = QUOTED.exec(text);
  if (q) return { value: q[1].replace(/\\(.)/gs, '$1'), rest: text.slice(q[0].length) };
  const t = token.exec(text);
  return t ? { value: t[0], rest: text.slice(t[0].length) } : null;
}

const METHODSPEC = /^\s*([A-Za-z0-9_-]+)\s*(?:\/\s*\d+\s*)?=\s*([A-Za-z0-9_-]+)/;
const PROPERTY = /^\s+([A-Za-z0-9_-]+)(?:\s*\.\s*([A-Za-z0-9_-]+))?\s*=\s*/;

function parseResinfo(text: string): AuthResult | null {
  const m = METHODSPEC.exec(text);
  if (!m) return null;
  const result: AuthResult = { method: m[1].toLowerCase(), result: m[2].toLowerCase(), reason: null, properties: {} };
  let rest = text.slice(m[0].length);
  while (rest.trim() !== '') {
    const p = PROPERTY.exec(rest);
    const v = p ? readValue(rest.slice(p[0].length), PVALUE) : null;
    // Properties past the grammar: the method's result still counts (a `dmarc=fail` must), its properties do not
    // (nothing is aligned on what could not be read).
    if (!p || !v) return { ...result, properties: {} };
    if (p[2] !== undefined) result.properties[`${p[1]}.${p[2]}`.toLowerCase()] = v.value;
    else if (p[1].toLowerCase() === 'reason' && result.reason === null && Object.keys(result.properties).length === 0) result.reason = v.value;
    // A receiver's own word (`action=quarantine`, Microsoft's `compauth=`): read past.
    rest = v.rest;
  }
  return result;
}

/** One Authentication-Results header's value (unfolded), parsed; null when it does not follow RFC 8601's grammar. */
export function parseAuthenticationResults(header: string): AuthResultsHeader | null {
  const text = withoutComments(header);
  if (text === null) return null;
  const [head, ...resinfos] = splitResinfos(text);
  const id = readValue(head.trimStart());
  if (!id || id.value === '') return null;
  // What may follow the authserv-id before the first `;`: a version number, nothing else.
  if (!/^(\s+\d+)?\s*$/.test(id.rest)) return null;
  if (resinfos.length === 0) return null;
  if (resinfos.length === 1 && resinfos[0].trim().toLowerCase() === 'none') return { authservId: id.value, results: [] };
  const results = resinfos.map(parseResinfo).filter((r): r is AuthResult => r !== null);
  return { authservId: id.value, results };
}

const asciiLower = (domain: string): string => {
  const d = domain.trim().replace(/\.$/, '');
  return (domainToASCII(d) || d).toLowerCase();
};

/** The domain of `local@domain`, `@domain` or `domain`, in ASCII lower case; null when empty. */
function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const d = asciiLower(value.slice(value.lastIndexOf('@') + 1));
  return d === '' ? null : d;
}

/**
 * Whether two domains are aligned as DMARC's relaxed mode reads it without a
 * public suffix list: equal, or one a subdomain of the other, never through
 * a bare top-level domain (`com` aligns with nothing).
 */
export function domainsAligned(a: string, b: string): boolean {
  const [x, y] = [asciiLower(a), asciiLower(b)];
  if (x === y) return x.includes('.');
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.includes('.') && long.endsWith(`.${short}`);
}

export type SenderProof =
  | { proven: true; method: 'dmarc' | 'dkim' | 'spf' }
  | { proven: false; why: 'NOT_CONFIGURED' | 'NO_TRUSTED_RESULTS' | 'DMARC_FAILED' | 'NOT_ALIGNED' };

/**
 * Whether a message's From domain is proven by the desk's own receiving
 * server: only the Authentication-Results headers whose authserv-id is
 * `authservId` (any letter case) count (the others may come from anyone,
 * the sender included). Proven by `dmarc=pass` for the From domain
 * (`header.from` must name it), or `dkim=pass` whose `header.d` (else the
 * domain of `header.i`) is aligned with it, or `spf=pass` whose
 * `smtp.mailfrom` is aligned with it. A `dmarc=fail` in any of them
 * disproves whatever else they say. `authservId` null: nothing is proven.
 */
export function senderProof(headers: string[], authservId: string | null, fromDomain: string): SenderProof {
  if (!authservId) return { proven: false, why: 'NOT_CONFIGURED' };
  const trusted = headers
    .map(parseAuthenticationResults)
    .filter((h): h is AuthResultsHeader => h !== null && h.authservId.toLowerCase() === authservId.toLowerCase());
  const results = trusted.flatMap((h) => h.results);
  if (results.length === 0) return { proven: false, why: 'NO_TRUSTED_RESULTS' };
  if (results.some((r) => r.method === 'dmarc' && r.result === 'fail')) return { proven: false, why: 'DMARC_FAILED' };
  const from = asciiLower(fromDomain);
  const pass = (method: string) => results.filter((r) => r.method === method && r.result === 'pass');
  if (pass('dmarc').some((r) => domainOf(r.properties['header.from']) === from)) return { proven: true, method: 'dmarc' };
  const dkim = (r: AuthResult) => domainOf(r.properties['header.d']) ?? domainOf(r.properties['header.i']);
  if (
    pass('dkim').some((r) => {
      const d = dkim(r);
      return d !== null && domainsAligned(d, from);
    })
  )
    return { proven: true, method: 'dkim' };
  if (
    pass('spf').some((r) => {
      const d = domainOf(r.properties['smtp.mailfrom']);
      return d !== null && domainsAligned(d, from);
    })
  )
    return { proven: true, method: 'spf' };
  return { proven: false, why: 'NOT_ALIGNED' };
}
