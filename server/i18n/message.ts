import { en, fr, type EnglishCatalog } from './catalog.js';
import type { Lang } from './language.js';

/** Formats a number the way the message's language writes it (1,000 / 1 000). */
export type FormatNumber = (n: number) => string;

type Template = (p: never, n: FormatNumber) => string;
/** A message's parameters: what its English template reads. */
export type MessageParams<C extends MessageCode> = EnglishCatalog[C] extends (p: infer P, n: FormatNumber) => string
  ? unknown extends P
    ? Record<never, never>
    : P
  : never;
export type MessageCode = keyof EnglishCatalog;
/** A parameter is text, a number (formatted per language) or another message (translated with it). */
export type ParamValue = string | number | Message;

const NUMBER_LOCALES: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };
const CATALOGS: Record<Lang, Record<MessageCode, Template>> = { en, fr };

/**
 * A message a person reads, by its stable code and its parameters; rendered in
 * the asker's language when the response is written (see i18n/language.ts).
 * Its English text is what `String(message)` and logs show.
 */
export class Message<C extends MessageCode = MessageCode> {
  constructor(
    readonly code: C,
    readonly params: MessageParams<C>,
  ) {}

  render(lang: Lang): string {
    const format = new Intl.NumberFormat(NUMBER_LOCALES[lang]);
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.params as Record<string, ParamValue>)) params[k] = v instanceof Message ? v.render(lang) : v;
    return (CATALOGS[lang][this.code] as (p: unknown, n: FormatNumber) => string)(params, (n) => format.format(n));
  }

  toString(): string {
    return this.render('en');
  }
}

type ParamsArg<C extends MessageCode> = Record<never, never> extends MessageParams<C> ? [params?: MessageParams<C>] : [params: MessageParams<C>];

/** `msg('user.nameRequired')`, `msg('user.tagsMax', { max: 10 })`: a message from the catalog. */
export function msg<C extends MessageCode>(code: C, ...params: ParamsArg<C>): Message<C> {
  return new Message(code, (params[0] ?? {}) as MessageParams<C>);
}

/** A message, or text that is already written (a third party's words, such as a mail server's answer). */
export type Text = Message | string;

export const renderText = (text: Text, lang: Lang): string => (typeof text === 'string' ? text : text.render(lang));
