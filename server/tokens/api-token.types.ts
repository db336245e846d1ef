import { Authorized, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiTokenScope } from './api-token-scope.js';
import { apiTokenPolicy } from './api-token.policy.js';
import { listSize } from '../graphql/list-size.js';

@ObjectType({ description: 'A named secret for a partner app. Its secret is shown once, at creation; only a hash is kept. Admins signed in.' })
@Authorized(apiTokenPolicy.manage)
export class ApiToken {
  @Field(() => ID, { description: 'Identifies the token (for revokeApiToken).' })
  id: number;

  @Field(() => String, { description: 'What the token is for, e.g. the partner app.' })
  name: string;

  @Field(() => [ApiTokenScope], { description: "What the token may do, on top of its creator's role." })
  @listSize({ kind: 'bound', max: 3 })
  scopes: ApiTokenScope[];

  @Field(() => Date, { description: 'When it was made (UTC).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute); null when never.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt: Date | null;

  createdById: number;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, e.g. the partner app; one line, at most 255 characters.' })
  name: string;

  @Field(() => [ApiTokenScope], { description: 'At least one scope.' })
  scopes: ApiTokenScope[];
}

@ObjectType({ description: 'A new API token and its secret.' })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { description: 'The token.' })
  token: ApiToken;

  @Field(() => String, { description: 'Send as `Authorization: Bearer <secret>`. Shown only now.' })
  secret: string;
}
