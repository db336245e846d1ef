import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { RequestAccess } from './request-access.js';

@InputType({ description: 'The settings to change; a field left out keeps its value.' })
export class UpdateSettingsInput {
  @Field(() => Int, { nullable: true, description: 'The version you read: refused (BAD_USER_INPUT on version) when someone saved since.' })
  version?: number | null;

  @Field(() => RequestAccess, { nullable: true, description: 'Who may submit requests.' })
  requestAccess?: RequestAccess | null;

  @Field(() => Boolean, { nullable: true, description: 'Visitors may sign up in the help center.' })
  helpCenterSignUp?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'End users verify their address before signing in.' })
  requireVerification?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Welcome people the team adds.' })
  welcomeOnAgentCreate?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Agents may delete customers (admins always may).' })
  agentsMayDeleteUsers?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Mail requesters who write in that their request arrived.' })
  acknowledgeRequests?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Welcome subject (placeholders {{name}}, {{verify_link}}, {{desk_name}}).' })
  welcomeSubject?: string | null;

  @Field(() => String, { nullable: true, description: 'Welcome body, plain text (same placeholders).' })
  welcomeBody?: string | null;

  @Field(() => String, { nullable: true, description: "The desk's name (1 to 100 characters)." })
  deskName?: string | null;

  @Field(() => [String], { nullable: true, description: 'Allowed domains and addresses (replaces the list).' })
  allowList?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Blocked domains and addresses, with reject: / suspend: prefixes or * (replaces the list).' })
  blockList?: string[] | null;
}

@InputType({ description: 'A welcome email to preview: the saved template where a field is left out.' })
export class PreviewWelcomeEmailInput {
  @Field(() => String, { nullable: true, description: 'Subject template.' })
  welcomeSubject?: string | null;

  @Field(() => String, { nullable: true, description: 'Body template.' })
  welcomeBody?: string | null;

  @Field(() => String, { nullable: true, description: "The desk's name to show." })
  deskName?: string | null;
}

@ObjectType({ description: 'A welcome email rendered for a sample person.' })
export class WelcomeEmailPreview {
  @Field(() => String, { description: 'To (the sample address).' })
  to: string;

  @Field(() => String, { description: 'The subject as sent.' })
  subject: string;

  @Field(() => String, { description: 'The plain-text body as sent.' })
  text: string;

  @Field(() => String, { description: 'The HTML body as sent (values escaped).' })
  html: string;
}

@ObjectType({ description: 'What the help center shows before anyone signs in. Open to anyone.' })
export class HelpCenterInfo {
  @Field(() => String, { description: "The desk's name." })
  deskName: string;

  @Field(() => Boolean, { description: 'Whether the sign-up form is open.' })
  signUpOpen: boolean;
}
