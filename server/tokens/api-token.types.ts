import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A named secret for a partner app. Its secret is shown once, at creation; only a hash is kept.' })
export class ApiToken {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'users:read, users:write, import' })
  scopes: string[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  createdById: number;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Any of users:read, users:write, import.' })
  scopes: string[];
}

@ObjectType()
export class CreateApiTokenPayload {
  @Field(() => ApiToken)
  token: ApiToken;

  @Field(() => String, { description: 'Send as `Authorization: Bearer <secret>`. Shown only now.' })
  secret: string;
}
