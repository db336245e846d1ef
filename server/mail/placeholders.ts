import { levenshtein } from '../search/edit-distance.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * Templates with placeholders, for the welcome email the admins edit
 * (issue 12): `Hello {{name}}, welcome to {{desk_name}}: {{verify_link}}`.
 * Pure, without I/O.
 *
 * - A placeholder is `{{`, a name, `}}`, with optional spaces inside
 *   (`{{ name }}`). Names are letters, digits and underscores, in the exact
 *   case of the allowed list (WELCOME_PLACEHOLDERS by default).
 * - `checkTemplate` lists every problem with its place, so the settings page
 *   can refuse the template before saving it and point at each one:
 *   UNKNOWN_PLACEHOLDER (with "did you mean {{name}}?" when one is close),
 *   EMPTY_PLACEHOLDER (`{{}}`), MALFORMED_PLACEHOLDER (`{{first name}}`,
 *   `{{{name}}}`), UNCLOSED_PLACEHOLDER (`{{name` with no `}}`). A lone `{`
 *   or `}` is plain text.
 * - `renderTemplate` refuses a template with problems, else replaces each
 *   placeholder by its value (a known placeholder without a value becomes
 *   empty), in one pass: a value that holds `{{…}}` is not expanded again.
 *   Formats: 'text' puts values as they are; 'html' treats the template as
 *   HTML written by the admin and escapes the values (& < > " '), so a name
 *   like `<script>` shows as text; 'html-from-text' escapes the whole
 *   template too and turns line breaks into <br>: the HTML part of a mail
 *   whose body was written as plain text.
 */

export const WELCOME_PLACEHOLDERS = ['name', 'verify_link', 'desk_name'] as const;

export type PlaceholderErrorCode = 'UNKNOWN_PLACEHOLDER' | 'EMPTY_PLACEHOLDER' | 'MALFORMED_PLACEHOLDER' | 'UNCLOSED_PLACEHOLDER';

export interface PlaceholderError {
  code: PlaceholderErrorCode;
  /** The placeholder as written, braces included (cut to 40 characters). */
  placeholder: string;
  /** Where it starts, in UTF-16 units (what a textarea's setSelectionRange takes). */
  offset: number;
  /** Where it starts for a person: 1-based line and column (column in characters). */
  line: number;
  column: number;
  message: string;
  /** The message from the catalog, to write it in the asker's language. */
  text: Message;
}

export type RenderFormat = 'text' | 'html' | 'html-from-text';

export type RenderResult = { ok: true; output: string } | { ok: false; errors: PlaceholderError[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Token {
  start: number;
  end: number;
  name: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function position(template: string, offset: number): { line: number; column: number } {
  const before = template.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** The allowed name someone probably meant: same letters in another case, two edits away, or the same first word ("desk" -> desk_name). */
function nearName(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const firstWord = (s: string) => s.toLowerCase().split('_')[0];
  return (
    allowed.find((a) => a.toLowerCase() === lower) ??
    allowed.find((a) => levenshtein(a.toLowerCase(), lower, 2) <= 2) ??
    allowed.find((a) => firstWord(a) === firstWord(name))
  );
}

/** The placeholders of a template, and the problems met while finding them. */
function scan(template: string, allowed: readonly string[]): { tokens: Token[]; errors: PlaceholderError[] } {
  const tokens: Token[] = [];
  const errors: PlaceholderError[] = [];
  const fail = (code: PlaceholderErrorCode, start: number, end: number, text: Message) => {
    const written = template.slice(start, end);
    const placeholder = [...written].length > 40 ? `${[...written].slice(0, 40).join('')}…` : written;
    errors.push({ code, placeholder, offset: start, ...position(template, start), message: String(text), text });
  };
  let from = 0;
  for (;;) {
    const start = template.indexOf('{{', from);
    if (start < 0) break;
    const close = template.indexOf('}}', start + 2);
    const reopen = template.indexOf('{{', start + 2);
    if (close < 0 || (reopen >= 0 && reopen < close && template[start + 2] !== '{')) {
      fail('UNCLOSED_PLACEHOLDER', start, close < 0 ? template.length : reopen, msg('settings.placeholderUnclosed'));
      from = start + 2;
      continue;
    }
    let end = close + 2;
    // `{{{name}}}`: the whole run of braces belongs to the placeholder.
    while (template[end] === '}') end++;
    const inner = template.slice(start + 2, close);
    const name = inner.trim();
    if (name === '') fail('EMPTY_PLACEHOLDER', start, end, msg('settings.placeholderEmpty'));
    else if (!NAME.test(name) || template[end - 3] === '}') {
      fail('MALFORMED_PLACEHOLDER', start, end, msg('settings.placeholderMalformed', { example: `{{${allowed[0] ?? 'name'}}}` }));
    } else if (!allowed.includes(name)) {
      const near = nearName(name, allowed);
      fail(
        'UNKNOWN_PLACEHOLDER',
        start,
        end,
        near
          ? msg('settings.placeholderUnknownNear', { name: `{{${name}}}`, near: `{{${near}}}`, available: allowed.map((a) => `{{${a}}}`).join(', ') })
          : msg('settings.placeholderUnknown', { name: `{{${name}}}`, available: allowed.map((a) => `{{${a}}}`).join(', ') }),
      );
    } else tokens.push({ start, end, name });
    from = end;
  }
  return { tokens, errors };
}

/** Every problem of a template (empty when it is fine). */
export function checkTemplate(template: string, allowed: readonly string[] = WELCOME_PLACEHOLDERS): PlaceholderError[] {
  return scan(template, allowed).errors;
}

/** The template with its placeholders replaced (see above), or its problems. */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string | null | undefined>>,
  format: RenderFormat,
  allowed: readonly string[] = WELCOME_PLACEHOLDERS,
): RenderResult {
  const { tokens, errors } = scan(template, allowed);
  if (errors.length > 0) return { ok: false, errors };
  const literal = (s: string) => (format === 'html-from-text' ? escapeHtml(s).replace(/\r\n?|\n/g, '<br>\n') : s);
  const value = (name: string) => {
    const v = Object.hasOwn(values, name) ? (values[name] ?? '') : '';
    return format === 'text' ? v : escapeHtml(v);
  };
  let output = '';
  let at = 0;
  for (const token of tokens) {
    output += literal(template.slice(at, token.start)) + value(token.name);
    at = token.end;
  }
  return { ok: true, output: output + literal(template.slice(at)) };
}
