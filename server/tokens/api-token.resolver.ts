import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { requireAdminSession } from '../auth/viewer.js';
import { User } from '../users/user.entity.js';
import { ApiToken, CreateApiTokenInput, CreateApiTokenPayload } from './api-token.types.js';

/** Admins manage partner apps' tokens from a signed-in session; tokens never manage tokens. */
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'All API tokens, newest first, revoked ones included.' })
  apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    requireAdminSession(ctx.viewer);
    return ctx.tokens.list();
  }

  @Mutation(() => CreateApiTokenPayload)
  createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreateApiTokenPayload> {
    const v = requireAdminSession(ctx.viewer);
    return ctx.tokens.create(input, v.user.id);
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    requireAdminSession(ctx.viewer);
    if (!/^\d{1,15}$/.test(id)) throw new NotFoundError(`API token ${id}`);
    return ctx.tokens.revoke(Number(id));
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.users.findById(token.createdById);
  }
}
