import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorize, refusal } from '../auth/policy.js';
import { NotFoundError, textOf, UserInputError } from '../graphql/errors.js';
import type { Context } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { normalizeTags } from './profile-rules.js';
import { userFilterOf } from './user-filter.js';
import { userPolicy } from './user.policy.js';
import type { User } from './user.entity.js';
import { UpdateUserInput } from './user.inputs.js';
import { BulkDeleteUsersInput, BulkUserFailure, BulkUsersPayload, BulkUpdateUsersInput, MAX_BULK_IDS, MAX_FAILURES } from './user-bulk.types.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import type { Lang } from '../i18n/language.js';

/**
 * Bulk actions (issue 9): the same writes as updateUser and deleteUser, one
 * user at a time through the user service (each in its transaction, with its
 * history line), each checked against the caller's rights on that user.
 * What one user refuses is listed in `failed`; the others go on. Who may act
 * (and read the answer) is `userPolicy.bulk`.
 */
const CHUNK = 100;
const ID_PAGE = 1000;

class Outcome {
  matched = 0;
  changed = 0;
  failedCount = 0;
  failed: BulkUserFailure[] = [];

  /** `lang`: the asker's, for the failures' messages. */
  constructor(private readonly lang: Lang) {}

  fail(id: number | string, code: string, text: Text): void {
    this.failedCount++;
    if (this.failed.length < MAX_FAILURES) {
      this.failed.push(Object.assign(new BulkUserFailure(), { id: String(id), code, message: renderText(text, this.lang) }));
    }
  }

  result(): BulkUsersPayload {
    return Object.assign(new BulkUsersPayload(), {
      matched: this.matched,
      changed: this.changed,
      failed: this.failed,
      failedCount: this.failedCount,
    });
  }
}

/** The ids to act on: the ones given (bad ones fail as NOT_FOUND), or every user the filter matches, read before anything changes. */
async function targetIds(input: { ids?: string[] | null; filter?: BulkUpdateUsersInput['filter'] }, ctx: Context, out: Outcome): Promise<number[]> {
  if ((input.ids == null) === (input.filter == null)) throw new UserInputError('ids', msg('users.giveIdsFilterOne'));
  if (input.ids) {
    if (input.ids.length > MAX_BULK_IDS) throw new UserInputError('ids', msg('users.nameAtMostUsers', { maxBulkIds: MAX_BULK_IDS }));
    // An id given twice is counted, and its user changed, once; a non-canonical spelling ("04") is no id (graphql/ids.ts).
    const ids = new Set<number>();
    const bad = new Set<string>();
    for (const raw of input.ids) {
      const n = parseId(raw);
      if (n === null ? bad.has(raw) : ids.has(n)) continue;
      out.matched++;
      if (n === null) {
        bad.add(raw);
        out.fail(raw, 'NOT_FOUND', msg('users.noUserWithThisId'));
      } else ids.add(n);
    }
    return [...ids];
  }
  authorize(ctx.viewer, userPolicy.list);
  const filter = await userFilterOf(input.filter, ctx.fieldValues);
  const ids: number[] = [];
  for (let before: number | null = null; ;) {
    const page = await ctx.users.matchingIds(input.filter!.query ?? null, filter, before, ID_PAGE);
    ids.push(...page);
    if (page.length < ID_PAGE) break;
    before = page[page.length - 1];
  }
  out.matched += ids.length;
  return ids;
}

/** Runs `act` for each existing user of the ids, a chunk at a time, turning refusals and input errors into failures. */
async function eachUser(ids: number[], ctx: Context, out: Outcome, act: (user: User, tags: string[]) => Promise<boolean>): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const users = new Map((await ctx.users.byIds(chunk)).map((u) => [u.id, u]));
    const tags = new Map<number, string[]>();
    for (const t of await ctx.users.tagsOf(chunk)) tags.set(t.userId, [...(tags.get(t.userId) ?? []), t.tag]);
    for (const id of chunk) {
      const user = users.get(id);
      if (!user) {
        out.fail(id, 'NOT_FOUND', msg('users.noUserWithThisId'));
        continue;
      }
      try {
        if (await act(user, tags.get(id) ?? [])) out.changed++;
      } catch (e) {
        if (!(e instanceof GraphQLError)) {
          ctx.log.error({ err: e, userId: id }, 'bulk action failed for a user');
          out.fail(id, 'INTERNAL_SERVER_ERROR', msg('users.userCouldNotBeChanged'));
        } else out.fail(id, String(e.extensions?.code ?? 'BAD_USER_INPUT'), textOf(e));
      }
    }
  }
}

@Resolver()
export class UserBulkResolver {
  @Mutation(() => BulkUsersPayload, {
    description:
      'Adds or removes tags, sets or clears the organization of many users (ids, or all a filter matches). Each user changes as updateUser would, ' +
      'with its history line, if the caller may change it; the others are listed in `failed`.',
  })
  @Authorized(userPolicy.bulk)
  async bulkUpdateUsers(
    @Arg('input', () => BulkUpdateUsersInput, { description: 'Whom to change and how.' }) input: BulkUpdateUsersInput,
    @Ctx() ctx: Context,
  ): Promise<BulkUsersPayload> {
    const add = input.addTags ? normalizeTags(input.addTags) : [];
    const remove = new Set(input.removeTags ? normalizeTags(input.removeTags) : []);
    if (input.organizationId != null && input.clearOrganization) {
      throw new UserInputError('organizationId', msg('users.giveOrganizationidClearorganizationNot'));
    }
    let orgId: number | null | undefined;
    if (input.organizationId != null) {
      const n = parseId(input.organizationId);
      if (n === null || !(await ctx.organizations.findById(n))) throw new NotFoundError(msg('notFound.organization', { id: input.organizationId }));
      orgId = n;
    } else if (input.clearOrganization) orgId = null;
    if (add.length === 0 && remove.size === 0 && orgId === undefined) {
      throw new UserInputError('addTags', msg('users.sayWhatChangeAddtags'));
    }
    const out = new Outcome(ctx.lang);
    const ids = await targetIds(input, ctx, out);
    await eachUser(ids, ctx, out, async (user, current) => {
      const change = new UpdateUserInput();
      const tags = [...current.filter((t) => !remove.has(t)), ...add.filter((t) => !current.includes(t) && !remove.has(t))];
      if (tags.length !== current.length || tags.some((t, i) => t !== current[i])) change.tags = tags;
      if (orgId !== undefined && orgId !== user.organizationId) change.organizationId = orgId === null ? null : String(orgId);
      if (change.tags === undefined && change.organizationId === undefined) return false;
      const why = refusal(ctx.viewer, userPolicy.update, { user, input: change });
      if (why) {
        out.fail(user.id, why.code, why.message);
        return false;
      }
      // What the chunk read may be stale by now: the tags are added and removed on the user's tags as locked (a tag added
      // meanwhile stays), the organization compared with the locked row's, and the rule checked again on that row (a role
      // changed since). Nothing left to change there: not changed, no history line.
      const write = new UpdateUserInput();
      if (orgId !== undefined) write.organizationId = orgId === null ? null : String(orgId);
      return ctx.users.edit(user, write, ctx.actor, {
        canCreateOrganization: false,
        tagEdit: add.length > 0 || remove.size > 0 ? { add, remove: [...remove] } : undefined,
        unless: (locked) => authorize(ctx.viewer, userPolicy.update, { user: locked, input: change }),
      });
    });
    return out.result();
  }

  @Mutation(() => BulkUsersPayload, {
    description: 'Deletes many users (ids, or all a filter matches), each as deleteUser would, if the caller may; the others are listed in `failed`.',
  })
  @Authorized(userPolicy.bulk)
  async bulkDeleteUsers(
    @Arg('input', () => BulkDeleteUsersInput, { description: 'Whom to delete.' }) input: BulkDeleteUsersInput,
    @Ctx() ctx: Context,
  ): Promise<BulkUsersPayload> {
    const out = new Outcome(ctx.lang);
    const ids = await targetIds(input, ctx, out);
    await eachUser(ids, ctx, out, async (user) => {
      const why = refusal(ctx.viewer, userPolicy.delete, user);
      if (why) {
        out.fail(user.id, why.code, why.message);
        return false;
      }
      // Checked again on the row as locked: it was read with its chunk, and its role may have changed since.
      await ctx.users.delete(user, ctx.actor, (locked) => authorize(ctx.viewer, userPolicy.delete, locked));
      return true;
    });
    return out.result();
  }
}
