import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';

/** What happened to an account, as the audit trail records it. */
export enum UserEventAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  SUSPENDED = 'SUSPENDED',
  UNSUSPENDED = 'UNSUSPENDED',
  DELETED = 'DELETED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  UNLOCKED = 'UNLOCKED',
  RESTORED = 'RESTORED',
  ERASED = 'ERASED',
  MERGED = 'MERGED',
}
registerEnumType(UserEventAction, {
  name: 'UserEventAction',
  description: 'What happened to an account.',
  valuesConfig: {
    CREATED: { description: 'The account was added.' },
    UPDATED: { description: 'Profile fields, addresses, tags, organization or custom field values changed.' },
    ROLE_CHANGED: { description: 'The role changed (other fields changed in the same save are listed too).' },
    SUSPENDED: { description: 'The account was suspended: its sessions ended and its tokens stopped working.' },
    UNSUSPENDED: { description: 'The account was allowed back in.' },
    DELETED: {
      description:
        "The account was deleted. An end user's goes to Deleted customers (addresses kept, restorable) until erased; a staff account's addresses became free.",
    },
    RESTORED: { description: 'A deleted end user was restored from Deleted customers, with everything they had.' },
    ERASED: { description: "A deleted account's personal data was erased; only this anonymous record remains." },
    MERGED: { description: 'Another account was merged into this one: the entry lists everything that moved (its history moved here too).' },
    PASSWORD_CHANGED: { description: 'The password was changed, by the person or by an admin (the password itself is never recorded).' },
    UNLOCKED: { description: 'An admin lifted the sign-in lock of the account.' },
  },
});

/**
 * Where a change came from. It follows the credential: a session (someone
 * signed in to the admin app) is ADMIN_APP, an API token is API.
 */
export enum AuditSource {
  ADMIN_APP = 'ADMIN_APP',
  API = 'API',
  IMPORT = 'IMPORT',
  WEB_FORM = 'WEB_FORM',
  EMAIL = 'EMAIL',
  SYSTEM = 'SYSTEM',
}
registerEnumType(AuditSource, {
  name: 'AuditSource',
  description: 'Where a change came from. It follows the credential of the request: a session cookie is ADMIN_APP, an API token is API.',
  valuesConfig: {
    ADMIN_APP: { description: 'Someone signed in (a session cookie), in the admin app or any client that uses its session.' },
    API: { description: "A partner app's API token." },
    IMPORT: { description: 'A CSV import.' },
    WEB_FORM: { description: 'The public Submit a request form.' },
    EMAIL: { description: 'Mail to the desk (POST /inbound/email or the SMTP listener).' },
    SYSTEM: { description: 'Accueil itself, e.g. the first admin made at first start.' },
  },
});

/** Who made a change. */
export enum EventActorKind {
  USER = 'USER',
  TOKEN = 'TOKEN',
  SYSTEM = 'SYSTEM',
}
registerEnumType(EventActorKind, {
  name: 'EventActorKind',
  description: 'Who made a change.',
  valuesConfig: {
    USER: { description: 'A person, signed in.' },
    TOKEN: { description: 'An API token, acting for the admin who made it.' },
    SYSTEM: { description: 'Accueil itself.' },
  },
});

@ObjectType({ description: 'One changed field. Notes, details and passwords are recorded as changed, without their text.' })
export class FieldChange {
  @Field(() => String, {
    description:
      'The field: a profile field (name, email, phone, tags, organization, …), emails/phones for added or removed addresses, or fields.<key> for a custom field.',
  })
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as text; null when there was none or when redacted.' })
  oldValue: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as text; null when cleared or when redacted.' })
  newValue: string | null;

  @Field(() => Boolean, {
    description:
      "true when the values are not shown: notes, details and passwords (recorded without their text), and a ticket history's people (requester, ccs) for a token without USERS_READ.",
  })
  redacted: boolean;

  /** An organization change: the organizations' ids (recorded since issue 13), so that the history names them as they are now. */
  oldRef?: number | null;
  newRef?: number | null;
}

@ObjectType({ description: 'Who made a change: a person, an API token (acting for its creator), or the system.' })
export class EventActor {
  @Field(() => EventActorKind, { description: 'A person, a token or the system.' })
  kind: EventActorKind;

  /** Resolved from userId by the resolver. */
  userId: number | null;

  @Field(() => String, { nullable: true, description: 'For a token: its name at the time of the change.' })
  tokenName: string | null;
}

@ObjectType({ description: 'An entry of the audit trail.' })
export class UserEvent {
  @Field(() => ID, { description: 'Identifies the entry.' })
  id: number;

  @Field(() => UserEventAction, { description: 'What happened.' })
  action: UserEventAction;

  @Field(() => AuditSource, { description: 'Where the change came from.' })
  source: AuditSource;

  @Field(() => EventActor, { description: 'Who made the change.' })
  actor: EventActor;

  @Field(() => [FieldChange], { description: 'Each field that changed, with its old and new value.' })
  // One per profile field, address list, tag list and custom field: a declared bound for the cost limit.
  @listSize({ kind: 'bound', max: 50 })
  changes: FieldChange[];

  @Field(() => Date, { description: 'When it happened (UTC).' })
  createdAt: Date;
}

@ObjectType({ description: 'An entry of the audit trail, with its place in the list.' })
export class UserEventEdge {
  @Field(() => String, { description: 'Pass as `after` to read the entries after this one.' })
  cursor: string;

  @Field(() => UserEvent, { description: 'The entry.' })
  node: UserEvent;
}

@ObjectType({ description: 'A page of the audit trail, newest first.' })
export class UserEventConnection {
  @Field(() => [UserEventEdge], { description: 'The entries of this page.' })
  @listSize({ kind: 'edges' })
  edges: UserEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more entries follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many entries the trail holds, over all pages.' })
  totalCount: number;
}

export { User };
