import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppLocale } from '../../client/src/i18n';
import { HistoryValueKind } from '../../client/src/graphql/generated/graphql';
import { storedValueText } from '../../client/src/users/profile-values';
import { byLabel, duplicateHandlers, makeUser, mountApp, stubGraphQL } from './helpers';
import { PROFILE_FIELDS, profileValues, value } from './user-fields-setup';

// The values an edit conflict and a merge preview show, as the profile shows them: numbers and
// dates the reader's way, Yes/No, option titles, time zones by their current names, languages by name.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const NNBSP = '\u202f';
const user = makeUser({ fields: profileValues(), timeZone: 'Asia/Tokyo', locale: 'en-US' });

/** What each language reads, field by field: [theirs, yours] for a conflict; [this profile's, theirs] for a merge. */
const READ = {
  en: {
    discount: ['1,234.5', '0.75'],
    renewal: ['Mar 5, 2026', 'Nov 26, 2026'],
    newsletter: ['No', 'Yes'],
    products: ['Chat, Voice', 'Chat, Email'],
    timeZone: ['UTC+05:30 Kolkata', 'UTC+09:00 Tokyo'],
    locale: ['Canadian French (fr-CA)', 'American English (en-US)'],
  },
  fr: {
    discount: [`1${NNBSP}234,5`, '0,75'],
    renewal: ['5 mars 2026', '26 nov. 2026'],
    newsletter: ['Non', 'Oui'],
    products: ['Chat, Voice', 'Chat, Email'],
    timeZone: ['UTC+05:30 Kolkata', 'UTC+09:00 Tokyo'],
    locale: ['français canadien (fr-CA)', 'anglais américain (en-US)'],
  },
} as const;

/** Stored forms, as the server gives them: decimals, ISO dates, "true"/"false", option values, a former zone name. */
const STORED = {
  'fields.discount': ['1234.5', '0.75'],
  'fields.renewal': ['2026-03-05', '2026-11-26'],
  'fields.newsletter': ['false', 'true'],
  'fields.products': ['chat, voice', 'chat, email_channel'],
  timeZone: ['Asia/Calcutta', 'Asia/Tokyo'],
  locale: ['fr-CA', 'en-US'],
} as const;
const FIELDS = Object.keys(STORED) as (keyof typeof STORED)[];

type Display = { kind: HistoryValueKind; value: string; label?: string; refId?: string };
/** What the server says of each stored value in a merge preview: [the account merged away's, the survivor's]. */
const DISPLAY: Record<keyof typeof STORED | 'fields.manager', [Display, Display]> = {
  'fields.discount': [
    { kind: HistoryValueKind.Number, value: '1234.5' },
    { kind: HistoryValueKind.Number, value: '0.75' },
  ],
  'fields.renewal': [
    { kind: HistoryValueKind.Date, value: '2026-03-05' },
    { kind: HistoryValueKind.Date, value: '2026-11-26' },
  ],
  'fields.newsletter': [
    { kind: HistoryValueKind.Boolean, value: 'false' },
    { kind: HistoryValueKind.Boolean, value: 'true' },
  ],
  'fields.products': [
    { kind: HistoryValueKind.Option, value: 'chat, voice', label: 'Chat, Voice' },
    { kind: HistoryValueKind.Option, value: 'chat, email_channel', label: 'Chat, Email' },
  ],
  timeZone: [
    { kind: HistoryValueKind.TimeZone, value: 'Asia/Kolkata' },
    { kind: HistoryValueKind.TimeZone, value: 'Asia/Tokyo' },
  ],
  locale: [
    { kind: HistoryValueKind.Language, value: 'fr-CA' },
    { kind: HistoryValueKind.Language, value: 'en-US' },
  ],
  'fields.manager': [
    { kind: HistoryValueKind.Person, value: '13', label: 'Alan Turing', refId: '13' },
    { kind: HistoryValueKind.Person, value: '12', label: 'Ada Lovelace', refId: '12' },
  ],
};
const readKey = (field: string) => field.replace('fields.', '') as keyof (typeof READ)['en'];

describe.each(['en', 'fr'] as AppLocale[])('values read the reader’s way (%s)', (locale) => {
  it('in an edit conflict: both sides', async () => {
    stubGraphQL({
      User: () => ({ data: { user } }),
      UpdateUser: () => ({
        errors: [
          {
            message: 'Someone else changed these fields.',
            extensions: {
              code: 'CONFLICT',
              conflicts: FIELDS.map((field) => ({
                field,
                theirValue: STORED[field][0],
                yourValue: STORED[field][1],
                changedBy: { id: '7', name: 'Bob Agent' },
                changedAt: '2026-11-30T10:00:00.000Z',
              })),
            },
          },
        ],
      }),
    });
    ({ wrapper } = await mountApp('/users/42', locale));
    await byLabel(wrapper, 'Discount').setValue(locale === 'fr' ? '0,75' : '0.75');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    for (const field of FIELDS) {
      const panel = wrapper.get(`[data-conflict="${field}"]`);
      expect([panel.get('[data-theirs]').text(), panel.get('[data-yours]').text()]).toEqual(READ[locale][readKey(field)]);
    }
    expect(wrapper.get('[data-conflict="fields.discount"] h3').text()).toBe(PROFILE_FIELDS.decimal.title);
  });

  it('in a merge preview: each choice', async () => {
    const display = (field: keyof typeof DISPLAY, i: 0 | 1) => ({ label: null, refId: null, gone: false, ...DISPLAY[field][i] });
    stubGraphQL({
      User: () => ({ data: { user } }),
      ...duplicateHandlers({
        // What the server says each value is (MergeChoice.sourceDisplay and targetDisplay, as a history line's).
        choices: [...FIELDS, 'fields.manager' as const].map((field) => ({
          field,
          title: field,
          sourceValue: DISPLAY[field][0].value,
          targetValue: DISPLAY[field][1].value,
          sourceDisplay: display(field, 0),
          targetDisplay: display(field, 1),
        })),
      }),
    });
    ({ wrapper } = await mountApp('/users/42', locale));
    await wrapper.get('[data-duplicate="77"] button').trigger('click');
    await flushPromises();
    for (const field of FIELDS) {
      const [theirs, ours] = READ[locale][readKey(field)];
      const labels = wrapper.findAll(`[data-choice="${field}"] label`).map((l) => l.text());
      expect(labels[0]).toMatch(new RegExp(`: ${literal(ours)}$`, 'u'));
      expect(labels[1]).toMatch(new RegExp(`: ${literal(theirs)}$`, 'u'));
    }
    // A LOOKUP to a person reads as their name, not as the id it stores.
    const manager = wrapper.findAll('[data-choice="fields.manager"] label').map((l) => l.text());
    expect(manager[0]).toMatch(/: Ada Lovelace$/u);
    expect(manager[1]).toMatch(/: Alan Turing$/u);
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

// A value whose field is unknown here (a field deleted since) reads as stored.
describe('a field without a definition', () => {
  it('reads as stored', () => {
    const words = { t: (key: string) => key, te: () => false, locale: 'fr' };
    expect(storedValueText('fields.gone', '1234.5', [value(PROFILE_FIELDS.decimal)], words)).toBe('1234.5');
    expect(storedValueText('fields.discount', '1234.5', [value(PROFILE_FIELDS.decimal)], words)).toBe(`1${NNBSP}234,5`);
  });
});
