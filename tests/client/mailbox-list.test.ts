// What people paste in a ticket's address fields: mailboxes as mail clients write them.
import { describe, expect, it } from 'vitest';
import { mailboxRef, mailboxText, parseMailboxes, personIn } from '../../client/src/tickets/mailbox-list';

describe('parseMailboxes', () => {
  it('reads Name <address>, quoted names with commas, and bare addresses, separated by commas, semicolons or line breaks', () => {
    expect(parseMailboxes('Gus Fring <gus@pollos.fr>, "Fring, Gus" <gus2@pollos.fr>; kim@newco.fr\nMike <mike@pollos.fr>')).toEqual({
      mailboxes: [
        { name: 'Gus Fring', email: 'gus@pollos.fr' },
        { name: 'Fring, Gus', email: 'gus2@pollos.fr' },
        { name: '', email: 'kim@newco.fr' },
        { name: 'Mike', email: 'mike@pollos.fr' },
      ],
      invalid: [],
    });
  });

  it('lets spaces alone separate bare addresses only', () => {
    expect(parseMailboxes('a@x.fr  b@y.fr').mailboxes).toEqual([
      { name: '', email: 'a@x.fr' },
      { name: '', email: 'b@y.fr' },
    ]);
    expect(parseMailboxes('Kim <kim@newco.fr>').mailboxes).toEqual([{ name: 'Kim', email: 'kim@newco.fr' }]);
    expect(parseMailboxes('Gus <gus@pollos.fr> Kim <kim@newco.fr>')).toEqual({
      mailboxes: [],
      invalid: ['Gus <gus@pollos.fr> Kim <kim@newco.fr>'],
    });
  });

  it('names every entry that is not an address, as typed, and keeps the good ones', () => {
    expect(parseMailboxes('Gus Fring, ok@x.fr; Kim <kim@newco , kim@newco, kim@newco.fr Gus')).toEqual({
      mailboxes: [{ name: '', email: 'ok@x.fr' }],
      invalid: ['Gus Fring', 'Kim <kim@newco', 'kim@newco', 'kim@newco.fr Gus'],
    });
  });

  it('ignores empty entries and keeps separators inside quotes', () => {
    expect(parseMailboxes(' , ;\n')).toEqual({ mailboxes: [], invalid: [] });
    expect(parseMailboxes('"a;b, c" <c@d.fr>;;').mailboxes).toEqual([{ name: 'a;b, c', email: 'c@d.fr' }]);
  });
});

describe('personIn (one person typed in the requester field)', () => {
  it('splits a mailbox into name and email, else takes an address or a name', () => {
    expect(personIn(' Gus Fring <gus@pollos.fr> ')).toEqual({ name: 'Gus Fring', email: 'gus@pollos.fr' });
    expect(personIn('"Fring, Gus" <gus@pollos.fr>')).toEqual({ name: 'Fring, Gus', email: 'gus@pollos.fr' });
    expect(personIn('gus@pollos.fr')).toEqual({ name: '', email: 'gus@pollos.fr' });
    expect(personIn('Gus Fring')).toEqual({ name: 'Gus Fring', email: '' });
  });
});

describe('mailboxText and mailboxRef', () => {
  it('writes a mailbox back so that it reads the same, and sends the name only when there is one', () => {
    const mailboxes = [
      { name: 'Fring, Gus', email: 'gus@pollos.fr' },
      { name: 'Say "hi"', email: 'hi@x.fr' },
      { name: 'Kim', email: 'kim@newco.fr' },
      { name: '', email: 'a@x.fr' },
    ];
    expect(parseMailboxes(mailboxes.map(mailboxText).join(', ')).mailboxes).toEqual(mailboxes);
    expect(mailboxRef({ name: '', email: 'a@x.fr' })).toEqual({ email: 'a@x.fr' });
    expect(mailboxRef({ name: 'Kim', email: 'kim@newco.fr' })).toEqual({ email: 'kim@newco.fr', name: 'Kim' });
  });
});
