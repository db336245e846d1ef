import { describe, expect, it } from 'vitest';
import { checkTemplate, escapeHtml, renderTemplate, WELCOME_PLACEHOLDERS } from '../../server/mail/placeholders.js';

/** The welcome email's placeholders (issue 12), without a server. */

const values = { name: 'Zoë <script>alert(1)</script> & "Co"', verify_link: 'https://desk.test/verify/abc?x=1&y=2', desk_name: 'Acme Help' };
const output = (template: string, format: 'text' | 'html' | 'html-from-text') => {
  const r = renderTemplate(template, values, format);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.output;
};

describe('renderTemplate', () => {
  it('replaces every placeholder, spaces inside allowed, in plain text as is', () => {
    expect(output('Hello {{name}}, welcome to {{ desk_name }}.\nVerify: {{verify_link}}\nBye {{name}}', 'text')).toBe(
      `Hello ${values.name}, welcome to Acme Help.\nVerify: https://desk.test/verify/abc?x=1&y=2\nBye ${values.name}`,
    );
  });

  it('escapes values, not the template, when rendering HTML', () => {
    expect(output('<p>Hello <b>{{name}}</b>, <a href="{{verify_link}}">verify</a></p>', 'html')).toBe(
      '<p>Hello <b>Zoë &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;</b>, <a href="https://desk.test/verify/abc?x=1&amp;y=2">verify</a></p>',
    );
  });

  it('turns a plain-text body into HTML: everything escaped, line breaks as <br>', () => {
    expect(output('Hi {{name}} <3\r\nTeam & co\nbye', 'html-from-text')).toBe(
      'Hi Zoë &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &lt;3<br>\nTeam &amp; co<br>\nbye',
    );
  });

  it('a known placeholder without a value is empty; values are not expanded again', () => {
    const r = renderTemplate('[{{verify_link}}] {{name}}', { name: '{{desk_name}}' }, 'text');
    expect(r).toEqual({ ok: true, output: '[] {{desk_name}}' });
    expect(renderTemplate('{{name}}', { name: null }, 'html')).toEqual({ ok: true, output: '' });
  });

  it('leaves lone braces and text without placeholders alone', () => {
    expect(output('a { b } c }} d', 'text')).toBe('a { b } c }} d');
    expect(output('', 'html')).toBe('');
  });

  it('does not read values from the prototype', () => {
    const r = renderTemplate('{{name}}', Object.create({ name: 'inherited' }) as Record<string, string>, 'text');
    expect(r).toEqual({ ok: true, output: '' });
  });

  it('refuses to render a template with problems', () => {
    const r = renderTemplate('Hi {{firstname}}', values, 'text');
    expect(r.ok).toBe(false);
  });
});

describe('checkTemplate', () => {
  it('accepts the welcome placeholders', () => {
    expect(WELCOME_PLACEHOLDERS).toEqual(['name', 'verify_link', 'desk_name']);
    expect(checkTemplate('{{name}} {{verify_link}} {{desk_name}} {{  name  }}')).toEqual([]);
  });

  it('reports every unknown placeholder with its place and a near name', () => {
    const template = 'Dear {{Name}},\n\n  welcome to {{desk}} — click {{verify_url}} {{pseudo}}';
    const errors = checkTemplate(template);
    expect(errors.map((e) => [e.code, e.placeholder, e.line, e.column, e.offset])).toEqual([
      ['UNKNOWN_PLACEHOLDER', '{{Name}}', 1, 6, 5],
      ['UNKNOWN_PLACEHOLDER', '{{desk}}', 3, 14, 29],
      ['UNKNOWN_PLACEHOLDER', '{{verify_url}}', 3, 31, 46],
      ['UNKNOWN_PLACEHOLDER', '{{pseudo}}', 3, 46, 61],
    ]);
    expect(template.slice(errors[2].offset, errors[2].offset + errors[2].placeholder.length)).toBe('{{verify_url}}');
    expect(errors[0].message).toBe('{{Name}} is not a placeholder: did you mean {{name}}? Available: {{name}}, {{verify_link}}, {{desk_name}}.');
    expect(errors[2].message).toMatch(/did you mean \{\{verify_link\}\}\?/);
    expect(errors[1].message).toMatch(/did you mean \{\{desk_name\}\}\?/);
    expect(errors[3].message).not.toMatch(/did you mean/);
  });

  it('counts columns in characters and offsets in UTF-16 units', () => {
    const [error] = checkTemplate('😀é {{x}}');
    expect(error.column).toBe(4);
    expect(error.offset).toBe(4);
  });

  it('empty, malformed and unclosed placeholders', () => {
    const errors = checkTemplate('{{}} {{ }} {{first name}} {{{name}}} {{name}}} {{1x}} {{name {{desk_name}} end {{verify_link');
    expect(errors.map((e) => [e.code, e.placeholder])).toEqual([
      ['EMPTY_PLACEHOLDER', '{{}}'],
      ['EMPTY_PLACEHOLDER', '{{ }}'],
      ['MALFORMED_PLACEHOLDER', '{{first name}}'],
      ['MALFORMED_PLACEHOLDER', '{{{name}}}'],
      ['MALFORMED_PLACEHOLDER', '{{name}}}'],
      ['MALFORMED_PLACEHOLDER', '{{1x}}'],
      ['UNCLOSED_PLACEHOLDER', '{{name '],
      ['UNCLOSED_PLACEHOLDER', '{{verify_link'],
    ]);
  });

  it('takes another list of placeholders', () => {
    expect(checkTemplate('{{ticket_id}} {{name}}', ['ticket_id'])).toHaveLength(1);
  });

  it('cuts a long bad placeholder in its report', () => {
    const [error] = checkTemplate(`{{${'x'.repeat(500)}}}`);
    expect([...error.placeholder].length).toBeLessThanOrEqual(41);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
