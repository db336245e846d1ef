import type { EntityManager } from 'typeorm';
import { enqueueEmail } from '../outbox/outbox.js';
import { escapeHtml } from '../mail/placeholders.js';
import type { SettingsService } from '../settings/settings.service.js';
import { renderWelcome } from '../settings/settings.service.js';
import { CreatedVia, Role } from '../users/role.js';
import type { Actor } from '../auth/viewer.js';
import { issueLink } from './account-links.js';
import type { LinkPurpose } from './account-link.entity.js';
import { languageOfLocale } from '../i18n/language.js';
import { msg, type Message } from '../i18n/message.js';
import { DEFAULT_WELCOME_BODY, DEFAULT_WELCOME_SUBJECT } from '../db/migrations/1765500000200-settings-door.js';
import { emailKey } from '../users/email-address.js';
import { IdentityType, UserIdentity } from '../users/user-identity.entity.js';

/** Who a mail is about: the account and the address it goes to. */
export interface MailTarget {
  /**
   * With the role, a password-reset link of staff opens the admin app's page instead of the help center's.
   * `locale`: the language the mail is written in (French or English, from the profile).
   */
  user: { id: number; name: string; role?: Role; locale?: string | null };
  address: string;
}

/** The page each link opens: the help center's for end users; the admin app's for an invitation and for staff's resets. */
function linkPath(purpose: LinkPurpose, role: Role | undefined): string {
  if (purpose === 'VERIFY') return '/verify/';
  if (purpose === 'INVITE') return '/invitation/';
  return role === Role.AGENT || role === Role.ADMIN ? '/reset-password/' : '/help/reset/';
}

/** Creates made by the team (a person signed in, or a partner app): these may get the welcome email. */
const BY_STAFF: readonly CreatedVia[] = [CreatedVia.AGENT, CreatedVia.ADMIN, CreatedVia.API];

/**
 * The mails of the end users' door, each queued in the outbox with the
 * transaction's manager of the change that causes it (never after commit):
 * the welcome (the admins' template, with a verification link), a
 * verification link on its own, and a password-reset link.
 */
export class DoorMail {
  constructor(
    private readonly settings: SettingsService,
    private readonly publicUrl: string,
  ) {}

  /** The page a link opens. */
  url(purpose: LinkPurpose, token: string, role?: Role): string {
    return `${this.publicUrl}${linkPath(purpose, role)}${encodeURIComponent(token)}`;
  }

  /** A new link for `to` (its row written with `m`), as the URL to mail. */
  async link(m: EntityManager, to: MailTarget, purpose: LinkPurpose): Promise<string> {
    const { row } = await this.settings.get(m);
    return this.url(purpose, await issueLink(m, row.signingSecret, to.user, to.address, purpose), to.user.role);
  }

  /**
   * The address as the account holds it, or null when the account holds no such address. A link opens the account,
   * so it goes to the mailbox on file, never to the spelling someone typed: addresses are found by a full case fold
   * ('straße' finds 'strasse', 'ſupport' finds 'support'), and those spellings may be other people's mailboxes.
   */
  private async onFile(m: EntityManager, to: MailTarget): Promise<MailTarget | null> {
    const key = emailKey(to.address);
    const held = key === null ? null : await m.findOneBy(UserIdentity, { userId: to.user.id, type: IdentityType.EMAIL, valueNormalized: key });
    return held ? { ...to, address: held.value } : null;
  }

  /** The address on file, the desk's settings and a new link of `purpose`: what each mail of the door starts from (null: no such address). */
  private async prepare(m: EntityManager, asked: MailTarget, purpose: LinkPurpose) {
    const to = await this.onFile(m, asked);
    if (!to) return null;
    const { row } = await this.settings.get(m);
    return { to, row, desk: row.deskName, link: await this.link(m, to, purpose) };
  }

  /** The welcome email, rendered from the admins' template (values escaped in its HTML part). */
  async welcome(m: EntityManager, asked: MailTarget): Promise<void> {
    const prepared = await this.prepare(m, asked, 'VERIFY');
    if (!prepared) return;
    const { to, row, link } = prepared;
    // The shipped template, never changed by the admins, goes out in the recipient's language; an edited one as written.
    const shipped = isShippedWelcome(row.welcomeSubject, row.welcomeBody);
    const lang = languageOfLocale(to.user.locale);
    const [subject, body] = shipped
      ? [msg('doorMail.welcomeSubjectTemplate').render(lang), msg('doorMail.welcomeBodyTemplate').render(lang)]
      : [row.welcomeSubject, row.welcomeBody];
    const mail = renderWelcome(subject, body, { name: to.user.name, verify_link: link, desk_name: row.deskName });
    await enqueueEmail(m, { kind: 'WELCOME', to: to.address, subject: mail.subject, text: mail.text, html: mail.html, userId: to.user.id });
  }

  /** The welcome on a create by the team, when the settings ask for it (welcomeOnAgentCreate). */
  async welcomeIfStaffCreate(m: EntityManager, to: MailTarget, actor: Actor): Promise<void> {
    if (!BY_STAFF.includes(actor.via)) return;
    const { row } = await this.settings.get(m);
    if (row.welcomeOnAgentCreate) await this.welcome(m, to);
  }

  async verification(m: EntityManager, asked: MailTarget): Promise<void> {
    const prepared = await this.prepare(m, asked, 'VERIFY');
    if (!prepared) return;
    const { to, link, desk } = prepared;
    await this.queue(m, to, 'VERIFICATION', msg('doorMail.verifySubject', { desk }), [
      msg('doorMail.hello', { name: to.user.name }),
      msg('doorMail.verifyIntro', { desk }),
      link,
      msg('doorMail.verifyFooter'),
    ]);
  }

  async passwordReset(m: EntityManager, asked: MailTarget): Promise<void> {
    const prepared = await this.prepare(m, asked, 'RESET');
    if (!prepared) return;
    const { to, link, desk } = prepared;
    await this.queue(m, to, 'PASSWORD_RESET', msg('doorMail.resetSubject', { desk }), [
      msg('doorMail.hello', { name: to.user.name }),
      msg('doorMail.resetIntro', { desk }),
      link,
      msg('doorMail.resetFooter'),
    ]);
  }

  /** An invitation to join the team (an agent or admin account waiting for its password), from `inviter` when known. */
  async invitation(m: EntityManager, asked: MailTarget, inviter: string | null): Promise<void> {
    const prepared = await this.prepare(m, asked, 'INVITE');
    if (!prepared) return;
    const { to, link, desk } = prepared;
    const from = inviter ?? msg('doorMail.anAdmin');
    await this.queue(m, to, 'INVITATION', msg('doorMail.inviteSubject', { desk }), [
      msg('doorMail.hello', { name: to.user.name }),
      to.user.role === Role.ADMIN ? msg('doorMail.inviteAsAdmin', { inviter: from, desk }) : msg('doorMail.inviteAsAgent', { inviter: from, desk }),
      link,
      msg('doorMail.inviteFooter'),
    ]);
  }

  /** Queues a mail written in the recipient's language (their profile's locale; English when it is neither French nor English). */
  private async queue(m: EntityManager, to: MailTarget, kind: string, subjectText: Message, parts: (Message | string)[]): Promise<void> {
    const lang = languageOfLocale(to.user.locale);
    const subject = subjectText.render(lang);
    const paragraphs = parts.map((p) => (typeof p === 'string' ? p : p.render(lang)));
    const text = `${paragraphs.join('\n\n')}\n`;
    // Only the links this server wrote (the plain strings) become links: a rendered message that happens to start with
    // "http" (an inviter named like an address) stays text.
    const html = parts
      .map((p, i) => `<p>${typeof p === 'string' ? `<a href="${escapeHtml(p)}">${escapeHtml(p)}</a>` : escapeHtml(paragraphs[i])}</p>`)
      .join('\n');
    await enqueueEmail(m, { kind, to: to.address, subject, text, html, userId: to.user.id });
  }
}

/** Whether the welcome template is still the one shipped (a save that trims it, or a line-ending change, leaves it so). */
function isShippedWelcome(subject: string, body: string): boolean {
  const same = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.trim();
  return same(subject, DEFAULT_WELCOME_SUBJECT) && same(body, DEFAULT_WELCOME_BODY);
}
