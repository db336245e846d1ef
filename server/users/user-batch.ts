import type { EntityManager } from 'typeorm';
import { GraphQLError } from 'graphql';
import { problemsOf as inputProblemsOf, textOf, UserInputError } from '../graphql/errors.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import { duplicateKeyOf, type Database } from '../db/database.js';
import { BatchWrites } from './batch-writes.js';
import { holderOf, holdersOf } from './identity-holders.js';
import { IdentityType } from './user-identity.entity.js';
import { consecutiveInsertIds } from '../db/inserts.js';
import { snapshotsForUpdate } from './batch-snapshots.js';
import { findMatch, matchesOf, ownerIn, remember, writtenBefore, type Matched, type OncePerAccount } from './batch-matches.js';
import type { Actor } from '../auth/viewer.js';
import type { PreparedUpdate, UserAccounts, WriteOptions } from './user-accounts.js';
import type { UserReads } from './user-reads.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import type { UserField } from '../fields/user-field.types.js';
import type { UserWarning } from './user.inputs.js';
import { Role, type User } from './user.entity.js';
import { emptiedRequired } from '../fields/required-fields.js';

/**
 * Many accounts at once (createUsers, upsertUsers, the CSV import), through
 * the same rules as one: each input is validated by the accounts' own
 * prepare step and written by their own write step. A batch is one
 * transaction; each input runs under a savepoint, so a bad input is rolled
 * back alone and never fails the others (partial success).
 */

export type BatchMode = 'CREATE' | 'CREATE_OR_UPDATE' | 'UPDATE';
export type BulkStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

export interface BulkProblem {
  code: string;
  field: string | null;
  /** What is wrong, written in the reader's language when read (a bulk mutation's payload, an import's row errors). */
  text: Text;
  /** The same without the other account it names (EMAIL_TAKEN's owner), for those who may not list users. */
  publicText?: Text;
}

/** One input of a batch: a user's fields as createUser or updateUser take them, plus extra addresses. */
export interface BatchInput {
  name?: string | null;
  email?: string | null;
  emails?: string[] | null;
  phone?: string | null;
  phones?: string[] | null;
  role?: Role | null;
  organizationId?: string | null;
  organization?: string | null;
  tags?: string[] | null;
  timeZone?: string | null;
  locale?: string | null;
  externalId?: string | null;
  alias?: string | null;
  details?: string | null;
  notes?: string | null;
  verified?: boolean | null;
  suspended?: boolean | null;
  fields?: { key: string; value?: string | null; values?: string[] | null }[] | null;
}

export interface BulkOutcome {
  index: number;
  status: BulkStatus;
  /** The account created or matched (null when the input failed before one was found). */
  userId: number | null;
  errors: BulkProblem[];
  warnings: UserWarning[];
}

/** Who may do what to which account: a refusal message, or null. Given by the caller (the resolvers' policies). */
export type BatchGuard = (what: { kind: 'create'; input: BatchInput } | { kind: 'update'; user: User; input: BatchInput }) => Text | null;

export interface BatchOptions {
  mode: BatchMode;
  wo: WriteOptions;
  guard?: BatchGuard;
  /** Run everything, then roll back: what would happen, nothing kept. */
  dryRun?: boolean;
  /** Called with the outcomes inside the batch's transaction, before it commits (an import's progress and errors). */
  inTransaction?: (m: EntityManager, outcomes: BulkOutcome[]) => Promise<void>;
  /** Two inputs never write one account (an import; see batch-matches.ts). */
  oncePerAccount?: OncePerAccount;
}

const KEYS = [
  'name',
  'email',
  'role',
  'phone',
  'organizationId',
  'organization',
  'tags',
  'timeZone',
  'locale',
  'externalId',
  'alias',
  'details',
  'notes',
  'verified',
  'suspended',
  'fields',
] as const;

export function problemOf(err: unknown): BulkProblem | null {
  if (!(err instanceof GraphQLError)) return null;
  const field = err.extensions.field;
  const code = String(err.extensions.code ?? 'BAD_USER_INPUT');
  const text = textOf(err);
  const problem: BulkProblem = { code, field: typeof field === 'string' ? field : null, text };
  if (err.extensions.existingUserId !== undefined || err.extensions.existingUserName !== undefined) {
    problem.publicText = code === 'EMAIL_TAKEN' ? msg('common.addressCannotBeAdded') : msg('common.valueUsedByAnother');
  }
  return problem;
}

type PreparedInput = { prepared: PreparedUpdate } | { problems: BulkProblem[] };

/** A batch's inputs, validated (see UserBatch.prepareAll). */
export interface PreparedBatch {
  inputs: readonly BatchInput[];
  prepared: PreparedInput[];
}

/** Ends a dry run's transaction (rolled back) with what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly outcomes: BulkOutcome[]) {
    super('dry run');
  }
}

/** An input failed at the database in a batch written without savepoints: write it again with them. */
class NeedsCare extends Error {}

export class UserBatch {
  /** How the database numbers a multi-row insert's users (null: one at a time), read once. */
  private numbering: { mysql: boolean; increment: number } | null | undefined;

  constructor(
    private readonly db: Database,
    private readonly accounts: UserAccounts,
    private readonly reads: UserReads,
    private readonly fields: FieldValuesService,
  ) {}

  /** Validates one input by the accounts' rules; every problem at once (each field checked on its own when the whole fails). */
  async prepare(input: BatchInput, definitions?: UserField[]): Promise<{ prepared: PreparedUpdate } | { problems: BulkProblem[] }> {
    const extras = { emails: input.emails, phones: input.phones };
    try {
      return { prepared: await this.accounts.prepareUpdate(updateInputOf(input), extras, definitions) };
    } catch (err) {
      if (!problemOf(err)) throw err;
      const problems: BulkProblem[] = [];
      const seen = new Set<string>();
      // Each problem of an error that lists several (every bad custom field of `fields`) on its own.
      const add = (e: unknown) => {
        const listed = e instanceof UserInputError && e.extensions.errors ? inputProblemsOf(e) : null;
        const found = listed ? listed.map((l) => ({ code: 'BAD_USER_INPUT', field: l.field, text: l.message })) : [problemOf(e)];
        for (const p of found) {
          if (!p) continue;
          const key = `${p.field}\n${renderText(p.text, 'en')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          problems.push(p);
        }
      };
      for (const key of KEYS) {
        if (input[key] === undefined) continue;
        await this.accounts.prepareUpdate({ [key]: input[key] } as never).catch(add);
      }
      if (input.emails?.length) await this.accounts.prepareUpdate({}, { emails: input.emails }).catch(add);
      if (input.phones?.length) await this.accounts.prepareUpdate({}, { phones: input.phones }).catch(add);
      if (problems.length === 0) add(err);
      return { problems };
    }
  }

  /**
   * Validates a batch's inputs without the database (`write` does it when not
   * given the result): an import checks its next chunk while the previous
   * one is being written.
   */
  async prepareAll(inputs: readonly BatchInput[]): Promise<PreparedBatch> {
    const definitions = inputs.some((i) => i.fields?.length) ? await this.fields.definitions() : undefined;
    const prepared: PreparedInput[] = [];
    for (const input of inputs) prepared.push(await this.prepare(input, definitions));
    return { inputs, prepared };
  }

  /**
   * Writes inputs in one transaction (see above); one outcome per input, in
   * order. First without savepoints: when an input fails at the database (an
   * address taken meanwhile), the transaction is rolled back and run again
   * with a savepoint around each input.
   */
  async write(inputs: readonly BatchInput[], actor: Actor, opts: BatchOptions, checked?: PreparedBatch): Promise<BulkOutcome[]> {
    const prepared = checked?.inputs === inputs ? checked.prepared : (await this.prepareAll(inputs)).prepared;

    const run = (careful: boolean) => async (m: EntityManager) => {
      if (this.numbering === undefined) this.numbering = await consecutiveInsertIds(m);
      const batch = new BatchWrites(!careful, careful ? null : this.numbering);
      const outcomes = await this.writePrepared(m, inputs, prepared, actor, { ...opts, wo: { ...opts.wo, batch } }, batch, careful);
      await this.accounts.flushBatch(m, batch, actor).catch((err: unknown) => {
        // A deferred address was taken meanwhile (or twice in the batch): input by input, with savepoints.
        throw !careful && duplicateKeyOf(err) ? new NeedsCare() : err;
      });
      for (const o of outcomes) realIdsOf(o, batch);
      if (opts.inTransaction) await opts.inTransaction(m, outcomes);
      if (opts.dryRun) throw new DryRunRollback(outcomes);
      return outcomes;
    };
    const attempt = async (careful: boolean): Promise<BulkOutcome[]> => {
      try {
        return await this.db.transaction(run(careful));
      } catch (err) {
        if (err instanceof DryRunRollback) return err.outcomes;
        throw err;
      }
    };
    try {
      return await attempt(false);
    } catch (err) {
      if (err instanceof NeedsCare) return attempt(true);
      throw err;
    }
  }

  private async writePrepared(
    m: EntityManager,
    inputs: readonly BatchInput[],
    prepared: ({ prepared: PreparedUpdate } | { problems: BulkProblem[] })[],
    actor: Actor,
    opts: BatchOptions,
    batch: BatchWrites,
    careful: boolean,
  ): Promise<BulkOutcome[]> {
    const now = new Date();
    const valid = prepared.flatMap((p) => ('prepared' in p ? [p.prepared] : []));
    const matches = opts.mode === 'CREATE' ? null : await matchesOf(m, valid);
    if (batch.deferIdentities) {
      const numbers = [...new Set(valid.flatMap((p) => [p.changes.columns.phone, ...p.extras.phones]).filter((n): n is string => !!n))];
      for (const [n, holder] of await holdersOf(m, IdentityType.PHONE, numbers)) batch.holders.set(n, holder);
    }
    if (matches && batch.deferIdentities) {
      const ids = valid.map((p) => findMatch(matches, p)?.id ?? 0);
      for (const [id, snapshot] of await snapshotsForUpdate(m, ids)) batch.snapshots.set(id, snapshot);
    }
    const outcomes: BulkOutcome[] = [];
    const written = new Map<number, number>();
    for (let index = 0; index < inputs.length; index++) {
      const input = inputs[index];
      const p = prepared[index];
      if ('problems' in p) {
        outcomes.push({ index, status: 'FAILED', userId: null, errors: p.problems, warnings: [] });
        continue;
      }
      const match = matches ? findMatch(matches, p.prepared) : null;
      const again = matches && opts.oncePerAccount ? writtenBefore(opts.oncePerAccount, written, matches, p.prepared, match) : null;
      if (again) {
        outcomes.push({ index, status: 'FAILED', userId: match?.id ?? null, errors: [again], warnings: [] });
        continue;
      }
      // An earlier input of this batch, not inserted yet: the batch runs again input by input.
      if (match && match.id < 0) throw new NeedsCare();
      const mark = batch.mark();
      if (careful) await m.query('SAVEPOINT batch_input');
      try {
        const outcome = match
          ? await this.updateOne(m, index, input, p.prepared, match, actor, opts, now)
          : await this.createOne(m, index, input, p.prepared, actor, opts, now);
        if (outcome.status === 'CREATED' && matches) remember(matches, p.prepared, { id: outcome.userId!, role: (input.role ?? 'END_USER') as Role });
        if (careful) await m.query('RELEASE SAVEPOINT batch_input');
        if (outcome.status !== 'FAILED' && outcome.userId !== null) written.set(outcome.userId, index);
        outcomes.push(outcome);
      } catch (err) {
        if (!careful) throw problemOf(err) || duplicateKeyOf(err) ? new NeedsCare() : err;
        await m.query('ROLLBACK TO SAVEPOINT batch_input');
        batch.undo(mark);
        const explained = await this.accounts.explainDuplicate(
          err,
          {
            email: p.prepared.email?.normalized,
            extraEmails: p.prepared.extras.emails.map((e) => e.normalized),
            externalIdKey: p.prepared.changes.columns.externalIdKey,
          },
          match?.id,
        );
        const problem = problemOf(explained);
        if (!problem) throw explained;
        outcomes.push({ index, status: 'FAILED', userId: match?.id ?? null, errors: [problem], warnings: [] });
      }
    }
    return outcomes;
  }

  private async createOne(
    m: EntityManager,
    index: number,
    input: BatchInput,
    prepared: PreparedUpdate,
    actor: Actor,
    opts: BatchOptions,
    now: Date,
  ): Promise<BulkOutcome> {
    const failed = (errors: BulkProblem[]): BulkOutcome => ({ index, status: 'FAILED', userId: null, errors, warnings: [] });
    if (opts.mode === 'UPDATE') return failed([{ code: 'NOT_FOUND', field: null, text: msg('users.noMatch') }]);
    const refused = opts.guard?.({ kind: 'create', input });
    if (refused) return failed([{ code: 'FORBIDDEN', field: null, text: refused }]);
    let asCreate;
    try {
      asCreate = await this.accounts.asCreate(prepared);
    } catch (err) {
      const problem = problemOf(err);
      if (!problem) throw err;
      return failed([problem]);
    }
    const created = await this.accounts.insertForTeam(m, asCreate, actor, opts.wo, now);
    return { index, status: 'CREATED', userId: created.user.id, errors: [], warnings: created.warnings };
  }

  private async updateOne(
    m: EntityManager,
    index: number,
    input: BatchInput,
    prepared: PreparedUpdate,
    match: Matched,
    actor: Actor,
    opts: BatchOptions,
    now: Date,
  ): Promise<BulkOutcome> {
    const snapshot = opts.wo.batch?.snapshots.get(match.id);
    if (opts.guard) {
      const user = snapshot?.user ?? (await this.reads.findById(match.id, m));
      const refused = user ? opts.guard({ kind: 'update', user, input }) : msg('users.accountCannotBeChanged');
      if (refused) {
        const errors = [{ code: 'FORBIDDEN', field: null, text: refused }];
        return { index, status: 'FAILED', userId: match.id, errors, warnings: [] };
      }
    }
    // An address the matched user already has is not a change of their primary email.
    const owned = !prepared.email
      ? null
      : snapshot
        ? ownerIn(snapshot, prepared.email.normalized, match.id)
        : ((await holderOf(m, IdentityType.EMAIL, prepared.email.normalized))?.id ?? null);
    const p = owned === match.id ? { ...prepared, email: null } : prepared;
    const emptied = match.role === Role.END_USER ? emptiedRequired(p.fields) : [];
    if (emptied.length > 0) {
      const errors = emptied.map((e) => ({ code: 'BAD_USER_INPUT', field: e.field, text: e.message }));
      return { index, status: 'FAILED', userId: match.id, errors, warnings: [] };
    }
    const applied = await this.accounts.applyUpdate(m, match, p, actor, opts.wo, now);
    return { index, status: applied.changes.length ? 'UPDATED' : 'UNCHANGED', userId: match.id, errors: [], warnings: applied.warnings };
  }
}

/** The fields of a batch input an update takes (extra addresses apart). */
export function updateInputOf(input: BatchInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) if (input[key] !== undefined) out[key] = input[key];
  return out;
}

/** An outcome names the ids the database gave the batch's new accounts, not their temporary ones. */
function realIdsOf(o: BulkOutcome, batch: BatchWrites): void {
  if (o.userId !== null) o.userId = batch.realId(o.userId);
  for (const w of o.warnings) {
    const id = Number(w.existingUserId);
    if (w.existingUserId && id < 0) w.existingUserId = String(batch.realId(id));
  }
}
