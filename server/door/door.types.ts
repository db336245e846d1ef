import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AccountLinkState {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  USED = 'USED',
  INVALID = 'INVALID',
}
registerEnumType(AccountLinkState, {
  name: 'AccountLinkState',
  description: 'What a mailed link (verification, password reset) is worth now.',
  valuesConfig: {
    VALID: { description: 'It works: choose a password.' },
    EXPIRED: { description: 'Too old: ask for a new one (renewAccountLink).' },
    USED: { description: 'Already followed once: ask for a new one, or sign in.' },
    INVALID: { description: 'Not a link Accueil made (cut short, changed, or forged).' },
  },
});

export enum AccountLinkPurpose {
  VERIFY = 'VERIFY',
  RESET = 'RESET',
  INVITE = 'INVITE',
}
registerEnumType(AccountLinkPurpose, {
  name: 'AccountLinkPurpose',
  description: 'What a mailed link is for.',
  valuesConfig: {
    VERIFY: { description: 'Confirm an address (and choose a password).' },
    RESET: { description: 'Choose a new password.' },
    INVITE: { description: 'Join the team: an admin invited this agent or admin (inviteTeamMember); choose a password.' },
  },
});

@ObjectType({ description: 'A mailed link, as the help center page shows it before the person chooses a password.' })
export class AccountLinkInfo {
  @Field(() => AccountLinkState, { description: 'Whether it still works.' })
  state: AccountLinkState;

  @Field(() => AccountLinkPurpose, { nullable: true, description: 'What it is for (null when INVALID).' })
  purpose: AccountLinkPurpose | null;
}

@InputType({ description: 'Signing up in the help center.' })
export class SignUpInput {
  @Field(() => String, { description: 'Your name.' })
  name: string;

  @Field(() => String, { description: 'Your email address: a link to confirm it and choose a password is mailed there.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Leave empty (a field people never see; bots fill it).' })
  website?: string | null;
}

@ObjectType({ description: 'The same answer for every well-formed sign-up, so that nobody learns who has an account.' })
export class SignUpPayload {
  @Field(() => Boolean, { description: 'Always true: look for our mail.' })
  received: boolean;
}
