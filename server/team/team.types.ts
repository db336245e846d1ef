import { Field, InputType } from 'type-graphql';
import { Role } from '../users/role.js';

@InputType({ description: 'A teammate to invite: an account is made (createdVia INVITATION) and a link to choose a password is mailed.' })
export class InviteTeamMemberInput {
  @Field(() => String, { description: 'Their full name.' })
  name: string;

  @Field(() => String, { description: 'Their email address; a reserved one (such as @example.invalid) is refused: it can never receive the mail.' })
  email: string;

  @Field(() => Role, { description: 'AGENT or ADMIN (END_USER is refused).' })
  role: Role;
}
