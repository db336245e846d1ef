import { describe, expect, it } from 'vitest';
import { msg } from '../../server/i18n/message.js';
import { messageFromJson, messageToJson, storedText } from '../../server/i18n/message-json.js';

/** Messages kept in the database (an import's row errors) and rendered later in the reader's language. */
describe('a stored message', () => {
  it('comes back whole, nested messages and numbers included, and renders in either language', () => {
    const text = msg('imports.headerProblems', {
      count: 2,
      list: msg('imports.twoSentences', {
        first: msg('imports.headerEmpty', { letters: 'A' }),
        then: msg('imports.rowTooLong', { line: '3', max: 1000 }),
      }),
    });
    const back = messageFromJson(messageToJson(text));
    expect(back).toEqual(text);
    expect(back!.render('en')).toBe(text.render('en'));
    expect(back!.render('fr')).toMatch(/^La ligne d’en-tête a 2 problèmes\u00a0: L’en-tête de la colonne A est vide.* dépasse 1\u202f000 caractères/);
  });

  it('text that is already written has no JSON; a missing, broken or unknown one shows the stored text', () => {
    expect(messageToJson('Written by a mail server.')).toBeNull();
    expect(storedText(null, 'Old text.', 'fr')).toBe('Old text.');
    expect(storedText('{not json', 'Old text.', 'fr')).toBe('Old text.');
    expect(storedText('{"code":"imports.noSuchCode","params":{}}', 'Old text.', 'fr')).toBe('Old text.');
    expect(storedText('{"code":"toString","params":{}}', 'Old text.', 'fr')).toBe('Old text.');
    expect(storedText('{"code":"imports.invalidRole","params":{"value":{"code":"nope","params":{}}}}', 'Old text.', 'fr')).toBe('Old text.');
    expect(storedText(messageToJson(msg('imports.invalidRole', { value: '"boss"' })), 'x', 'fr')).toBe(
      '"boss" n’est pas un rôle\u00a0: utilisez end-user, agent ou admin.',
    );
  });

  it('too long to keep, it keeps only its English text', () => {
    expect(messageToJson(msg('imports.notCsv', { line: '2', detail: 'é'.repeat(40_000) }))).toBeNull();
    expect(messageToJson(msg('imports.notCsv', { line: '2', detail: 'e'.repeat(40_000) }))).not.toBeNull();
  });
});
