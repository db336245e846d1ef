import type { EntityManager } from 'typeorm';
import { duplicateKeyOf } from '../db/database.js';
import { UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { cleanText } from '../text/text-rules.js';
import { LIMITS } from './profile-rules.js';
import type { ParsedEmail } from './email-address.js';
import type { UserAccounts } from './user-accounts.js';
import type { UserReads } from './user-reads.js';
import type { UserWarning } from './user.inputs.js';
import type { CreatedVia, User } from './user.entity.js';
import { msg } from '../i18n/message.js';
import { holderOf } from './identity-holders.js';
import { IdentityType } from './user-identity.entity.js';

/** How an account made on the way came into being (createdVia) and the tag it gets, if any. */
export interface ContactOrigin {
  via: CreatedVia;
  tag?: string;
}

export interface FoundOrCreated {
  user: User;
  /** true when this call made the account. */
  created: boolean;
  warnings: UserWarning[];
}

let savepoints = 0;

/**
 * The name a new account gets from what a sender or an agent gave: the
 * display name when it is a usable name, else the address's local part,
 * else the whole address. Never refused: a name with control characters or
 * nothing visible falls back to the next.
 */
export function contactName(displayName: string | null | undefined, email: ParsedEmail): string {
  for (const candidate of [displayName ?? '', email.address.split('@')[0], email.address]) {
    const r = cleanText(candidate.replace(/^["'\s]+|["'\s]+$/g, ''), 'name');
    if (r.ok && r.text !== '' && [...r.text].length <= LIMITS.name) return r.text;
  }
  return 'Customer';
}

/**
 * People who come into being while a ticket is worked (its requester, its
 * CCs, side-conversation participants, who writes in by email or by the web
 * form): found by any of their addresses in any letter case, else made as end
 * users, inside the caller's transaction so that no account outlives a ticket
 * that failed. Two requests for one new address at once make one account: the
 * loser's insert hits the unique address index (on MySQL it waits for the
 * winner to commit), its part is rolled back to a savepoint, and the winner is
 * read again (READ COMMITTED sees it).
 */
export class UserContacts {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly reads: UserReads,
  ) {}

  async findOrCreateByEmail(
    m: EntityManager,
    ref: { email: ParsedEmail; name?: string | null },
    origin: ContactOrigin,
    actor: Actor,
  ): Promise<FoundOrCreated> {
    const found = await this.owner(m, ref.email);
    if (found) return { user: found, created: false, warnings: [] };
    const prepared = await this.accounts.prepareCreate(
      { name: contactName(ref.name, ref.email), email: ref.email.address, tags: origin.tag ? [origin.tag] : undefined },
      {},
      ref.email,
    );
    const savepoint = `sp_contact_${++savepoints}`;
    await m.query(`SAVEPOINT ${savepoint}`);
    try {
      const created = await this.accounts.insertPrepared(m, prepared, { ...actor, via: origin.via }, {}, new Date());
      await m.query(`RELEASE SAVEPOINT ${savepoint}`);
      return { user: created.user, created: true, warnings: created.warnings };
    } catch (err) {
      if (!duplicateKeyOf(err)) throw err;
      await m.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      const winner = await this.owner(m, ref.email);
      if (!winner) throw err;
      return { user: winner, created: false, warnings: [] };
    }
  }

  private async owner(m: EntityManager, email: ParsedEmail): Promise<User | null> {
    const owner = await holderOf(m, IdentityType.EMAIL, email.normalized);
    if (!owner) return null;
    const user = await this.reads.findById(owner.id, m);
    // A deleted customer keeps their addresses until erased: nobody else gets them, and nothing is added to a deleted account.
    if (!user) {
      const e = new UserInputError('email', msg('users.belongsDeletedCustomerRestore', { address: email.address }));
      Object.assign(e.extensions, { reason: DELETED_CUSTOMER });
      throw e;
    }
    return user;
  }
}

const DELETED_CUSTOMER = 'DELETED_CUSTOMER';

/**
 * The refusal of an address a deleted customer holds (`reason: DELETED_CUSTOMER`). Staff are told, to restore the
 * customer; the public paths (web form, inbound mail, sign-up) answer it as any refused request, so it tells nobody
 * that the address had an account (the account can be deleted between their admission and their transaction).
 */
export function isDeletedCustomerError(err: unknown): boolean {
  return err instanceof UserInputError && err.extensions.reason === DELETED_CUSTOMER;
}
