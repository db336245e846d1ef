import { describe, expect, it } from 'vitest';
import { replyText } from '../../server/inbound/reply-text.js';

const lines = (...l: string[]) => l.join('\n');

describe('the new text of a reply by mail', () => {
  it('cuts at the desk’s reply line, with the attribution and quote marks the mail program put above it, in any language', () => {
    const gmail = lines(
      'Thanks, it works now.',
      '',
      'Grace',
      '',
      'On Tue, Dec 1, 2026 at 10:02 AM Acme Support <',
      'help@desk.example> wrote:',
      '',
      '> ##- Please type your reply above this line -##',
      '>',
      '> Could you restart the router?',
    );
    expect(replyText(gmail)).toBe('Thanks, it works now.\n\nGrace');
    const french = lines(
      'Merci, c’est réglé.',
      '',
      'Le mar. 1 déc. 2026 à 10:02, Acme Support <help@desk.example> a écrit :',
      '> ##- Veuillez écrire votre réponse au-dessus de cette ligne -##',
      '> Pouvez-vous redémarrer le routeur ?',
    );
    expect(replyText(french)).toBe('Merci, c’est réglé.');
    // Unquoted (a mail program that does not mark quotes), with CRLF line ends.
    expect(replyText('Done.\r\n\r\n##- Please type your reply above this line -##\r\n\r\nOld text')).toBe('Done.');
  });

  it('cuts at the usual introductions of a quote when the mail it answers was not the desk’s', () => {
    const cases: [string, string][] = [
      [lines('New answer', '', 'On Mon, 30 Nov 2026, Jean Dupont wrote:', '> earlier'), 'New answer'],
      [lines('Réponse', 'Le 30 nov. 2026 à 09:00, Jean Dupont <jean@acme.fr> a écrit :', '', '> avant'), 'Réponse'],
      [lines('Antwort', 'Am 30.11.2026 um 09:00 schrieb Jean Dupont <jean@acme.de>:', '> vorher'), 'Antwort'],
      [lines('Respuesta', 'El lun, 30 nov 2026 a las 9:00, Jean <j@acme.es> escribió:', '> antes'), 'Respuesta'],
      [lines('Outlook answer', '', '-----Original Message-----', 'From: Jean', 'Sent: Monday', 'earlier'), 'Outlook answer'],
      // Outlook answering the desk: its header block comes before the desk's reply line, and goes with it.
      [
        lines(
          'Outlook to the desk',
          '',
          '________________________________',
          'From: Acme Support <help@desk.example>',
          'Sent: Tuesday',
          'Subject: [#12] Parcel',
          '',
          '##- Please type your reply above this line -##',
          'Old',
        ),
        'Outlook to the desk',
      ],
      [lines('Réponse Outlook', '________________________________', 'De : Jean Dupont', 'Envoyé : lundi', 'avant'), 'Réponse Outlook'],
      // A trailing block of quoted lines with no introduction.
      [lines('Short answer', '', '> quoted one', '> quoted two', ''), 'Short answer'],
    ];
    for (const [mail, own] of cases) expect(replyText(mail), mail).toBe(own);
  });

  it('keeps everything the person wrote: answers between or below quoted lines, text that only mentions a quote, a reply that is all quote', () => {
    const inline = lines('> Is the router on?', 'Yes.', '> Which model?', 'The X200.');
    expect(replyText(inline)).toBe(inline);
    const below = lines('On Mon, Jean wrote:', '> Is it on?', '', 'Yes, it is.');
    // Nothing above the quote: the whole mail stays.
    expect(replyText(below)).toBe(below);
    const mention = lines('On Monday I wrote: the parcel is late.', 'Still nothing today.');
    expect(replyText(mention)).toBe(mention);
    // Text on top, then answers between the quoted lines: all of it stays.
    const answers = lines('See my answers below.', '', 'On Mon, Jean wrote:', '> Is it on?', 'Yes.', '> Which model?', 'The X200.');
    expect(replyText(answers)).toBe(answers);
    const quoteOnly = lines('> ##- Please type your reply above this line -##', '> Old');
    expect(replyText(quoteOnly)).toBe(quoteOnly);
    expect(replyText('Plain message\nwith two lines')).toBe('Plain message\nwith two lines');
    // A quote in the middle with the person's text after it is not a trailing block.
    const middle = lines('See below:', '> a line I quote', 'and my comment on it.');
    expect(replyText(middle)).toBe(middle);
  });
});
