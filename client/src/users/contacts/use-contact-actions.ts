// What the Contacts card does to one email address or phone number: remove
// it, make it primary, mark it verified. One at a time; the user the server
// hands back goes to `onUpdated`; a failure is kept to show; what happened
// is said in words for a live region.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { request } from '../../graphql/client';
import { toFormErrors, type FieldError } from '../../graphql/errors';
import {
  MAKE_USER_IDENTITY_PRIMARY,
  REMOVE_USER_IDENTITY,
  VERIFY_USER_IDENTITY,
} from '../../graphql/operations';
import type { User, UserIdentity } from '../../graphql/schema-types';

export function useContactActions(user: () => User, onUpdated: (user: User) => void) {
  const { t } = useI18n();
  /** The identity an action is running on. */
  const busyId = ref<string | null>(null);
  const error = ref<FieldError | null>(null);
  const announcement = ref('');

  async function run(identity: UserIdentity, action: () => Promise<User>, done: string): Promise<void> {
    if (busyId.value) return;
    busyId.value = identity.id;
    error.value = null;
    announcement.value = '';
    try {
      onUpdated(await action());
      announcement.value = done;
    } catch (failure) {
      error.value = toFormErrors(failure, []).general[0] ?? null;
    } finally {
      busyId.value = null;
    }
  }

  function remove(identity: UserIdentity): Promise<void> {
    if (!window.confirm(t('contacts.confirmRemove', { value: identity.displayValue }))) return Promise.resolve();
    return run(
      identity,
      async () => (await request(REMOVE_USER_IDENTITY, { id: identity.id })).removeUserIdentity,
      t('contacts.removed', { value: identity.displayValue }),
    );
  }

  function makePrimary(identity: UserIdentity): Promise<void> {
    return run(
      identity,
      async () => (await request(MAKE_USER_IDENTITY_PRIMARY, { id: identity.id })).makeUserIdentityPrimary,
      t('contacts.madePrimary', { value: identity.displayValue }),
    );
  }

  function verify(identity: UserIdentity): Promise<void> {
    return run(
      identity,
      async () => {
        const { verifyUserIdentity } = await request(VERIFY_USER_IDENTITY, { id: identity.id });
        const current = user();
        return {
          ...current,
          identities: current.identities.map((each) => (each.id === verifyUserIdentity.id ? verifyUserIdentity : each)),
        };
      },
      t('contacts.verifiedDone', { value: identity.displayValue }),
    );
  }

  return { busyId, error, announcement, remove, makePrimary, verify };
}
