import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { forUpdate } from '../db/locks.js';
import { inputErrors, problemOf, UserInputError, type InputProblem } from '../graphql/errors.js';
import { checkTemplate, renderTemplate } from '../mail/placeholders.js';
import { checkedText, multiLine } from '../users/profile-rules.js';
import { parseList, storedList, type AccessEntry } from './access-lists.js';
import { SettingsEntity } from './settings.entity.js';
import type { PreviewWelcomeEmailInput, UpdateSettingsInput, WelcomeEmailPreview } from './settings.types.js';
import { msg } from '../i18n/message.js';

/** The settings as the rules read them: the row, with its lists parsed. */
export interface DeskSettings {
  row: SettingsEntity;
  allow: AccessEntry[];
  block: AccessEntry[];
}

/** How long a process trusts the settings it read (other processes' changes show within this). */
export const SETTINGS_TTL_MS = 2000;

type Problem = InputProblem;

/** Renders a welcome template (subject as text, body as text and as escaped HTML); UNKNOWN_PLACEHOLDER… as BAD_USER_INPUT. */
export function renderWelcome(
  subject: string,
  body: string,
  values: { name: string; verify_link: string; desk_name: string },
): { subject: string; text: string; html: string } {
  const s = renderTemplate(subject, values, 'text');
  const t = renderTemplate(body, values, 'text');
  const h = renderTemplate(body, values, 'html-from-text');
  if (!s.ok || !t.ok || !h.ok) throw new Error('a saved welcome template has problems');
  return { subject: s.output.replace(/[\r\n]+/g, ' '), text: t.output, html: h.output };
}

function templateProblems(field: string, template: string): Problem[] {
  return checkTemplate(template).map((e) => ({ field, message: msg('settings.lineColumn', { message: e.text, line: e.line, column: e.column }) }));
}

/**
 * The one settings row: read through a short per-process cache (every
 * process sees another's change within SETTINGS_TTL_MS; its own at once),
 * changed by admins under a lock on the row, with a version.
 */
export class SettingsService {
  private cached: { at: number; value: DeskSettings } | null = null;

  constructor(private readonly db: Database) {}

  /**
   * `m`: the caller's transaction, when there is one. A read inside a
   * transaction must use its connection: taking a second one from the pool
   * while every connection is held by such transactions would wait forever.
   */
  async get(m?: EntityManager): Promise<DeskSettings> {
    if (this.cached && Date.now() - this.cached.at < SETTINGS_TTL_MS) return this.cached.value;
    const row = await (m ?? this.db.manager).findOneByOrFail(SettingsEntity, { id: 1 });
    return this.remember(row);
  }

  /** The row inside a transaction, fresh (no cache). */
  async inTransaction(m: EntityManager): Promise<DeskSettings> {
    return parsed(await m.findOneByOrFail(SettingsEntity, { id: 1 }));
  }

  async update(input: UpdateSettingsInput): Promise<SettingsEntity> {
    const problems: Problem[] = [];
    const set: Partial<SettingsEntity> = {};
    const attempt = (run: () => void) => {
      try {
        run();
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err;
        problems.push(problemOf(err));
      }
    };
    const bools = ['helpCenterSignUp', 'requireVerification', 'welcomeOnAgentCreate', 'agentsMayDeleteUsers', 'acknowledgeRequests'] as const;
    for (const key of bools) if (input[key] !== undefined && input[key] !== null) set[key] = input[key];
    if (input.requestAccess) set.requestAccess = input.requestAccess;
    if (input.welcomeSubject !== undefined && input.welcomeSubject !== null) {
      attempt(() => {
        set.welcomeSubject = checkedText('welcomeSubject', 'Subject', input.welcomeSubject!, 255, 'line');
        if (set.welcomeSubject === '') throw new UserInputError('welcomeSubject', msg('settings.subjectRequired'));
      });
      if (set.welcomeSubject) problems.push(...templateProblems('welcomeSubject', set.welcomeSubject));
    }
    if (input.welcomeBody !== undefined && input.welcomeBody !== null) {
      attempt(() => {
        set.welcomeBody = multiLine('welcomeBody', 'Body', input.welcomeBody!, 20_000);
        if (set.welcomeBody === '') throw new UserInputError('welcomeBody', msg('settings.bodyRequired'));
      });
      if (set.welcomeBody) problems.push(...templateProblems('welcomeBody', set.welcomeBody));
    }
    if (input.deskName !== undefined && input.deskName !== null) {
      attempt(() => {
        set.deskName = checkedText('deskName', 'Desk name', input.deskName!, 100, 'name');
        if (set.deskName === '') throw new UserInputError('deskName', msg('settings.deskNameRequired'));
      });
    }
    for (const list of ['allowList', 'blockList'] as const) {
      const values = input[list];
      if (values === undefined || values === null) continue;
      const r = parseList(values, list);
      problems.push(...r.problems);
      set[list === 'allowList' ? 'allowListText' : 'blockListText'] = r.entries.map((e) => e.text).join('\n');
    }
    if (problems.length) throw inputErrors(problems);
    const row = await this.db.transaction(async (m) => {
      const current = await forUpdate(m.createQueryBuilder(SettingsEntity, 's').where('s.id = 1')).getOneOrFail();
      if (input.version !== undefined && input.version !== null && input.version !== current.version) {
        const e = new UserInputError('version', msg('settings.someoneSavedSettingsSince'));
        Object.assign(e.extensions, { reason: 'STALE', currentVersion: current.version });
        throw e;
      }
      Object.assign(current, set, { version: current.version + 1, updatedAt: new Date() });
      await m.save(SettingsEntity, current);
      return current;
    });
    this.remember(row);
    return row;
  }

  /** The welcome email as it would go to a sample person (templates from the input, else the saved ones). */
  async preview(input: PreviewWelcomeEmailInput, baseUrl: string): Promise<WelcomeEmailPreview> {
    const { row } = await this.get();
    const subject = input.welcomeSubject ?? row.welcomeSubject;
    const body = input.welcomeBody ?? row.welcomeBody;
    const problems = [...templateProblems('welcomeSubject', subject), ...templateProblems('welcomeBody', body)];
    if (problems.length) throw inputErrors(problems);
    const mail = renderWelcome(subject, body, {
      name: 'Ada Lovelace',
      verify_link: `${baseUrl}/verify/sample-link`,
      desk_name: input.deskName?.trim() || row.deskName,
    });
    return { to: 'ada.lovelace@example.com', ...mail };
  }

  private remember(row: SettingsEntity): DeskSettings {
    const value = parsed(row);
    this.cached = { at: Date.now(), value };
    return value;
  }
}

function parsed(row: SettingsEntity): DeskSettings {
  return { row, allow: storedList(row.allowListText, 'allowList'), block: storedList(row.blockListText, 'blockList') };
}
