import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { listSize } from '../graphql/list-size.js';
import { User } from '../users/user.entity.js';
import { ApiToken, CreateApiTokenInput, CreateApiTokenPayload } from './api-token.types.js';
import { apiTokenPolicy } from './api-token.policy.js';
import { msg } from '../i18n/message.js';

/** No rule caps how many tokens exist; the cost limit counts this many. */
const TOKENS_BOUND = 500;

/** Admins manage partner apps' tokens from a signed-in session; tokens never manage tokens. */
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'All API tokens, newest first, revoked ones included. Admins signed in.' })
  @Authorized(apiTokenPolicy.manage)
  @listSize({ kind: 'bound', max: TOKENS_BOUND })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return ctx.tokens.list();
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Makes an API token (admins signed in); its secret is in the answer, and only there.' })
  @Authorized(apiTokenPolicy.manage)
  createApiToken(
    @Arg('input', () => CreateApiTokenInput, { description: 'The new token.' }) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreateApiTokenPayload> {
    return ctx.tokens.create(input, ctx.viewer.kind === 'anonymous' ? 0 : ctx.viewer.user.id);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token (admins signed in): it stops working at once.' })
  @Authorized(apiTokenPolicy.manage)
  revokeApiToken(@Arg('id', () => ID, { description: 'The token to revoke.' }) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    const n = parseId(id);
    if (n === null) throw new NotFoundError(msg('notFound.aPIToken', { id }));
    return ctx.tokens.revoke(n);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The admin who made it (null once deleted).' })
  @Authorized(apiTokenPolicy.manage)
  createdBy(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.users.load(token.createdById);
  }
}
