// What the Contacts card does to one email address or phone number: remove
// it, make it primary, mark it verified. One at a time; the user the server
// hands back goes to `onUpdated`; a failure is kept to show; what happened
// is said in words for a live region. Remove asks first (`removal`, for the
// card's ConfirmDialog, which shows a refusal itself).
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { request } from '../../graphql/client';
import { toFormErrors, type FieldError } from '../../graphql/errors';
import type { IdentityDetailsFragment, UserProfileFragment } from '../../graphql/generated/graphql';
import { useConfirm } from '../../ui/use-confirm';
import { MakeUserIdentityPrimaryDocument, RemoveUserIdentityDocument, VerifyUserIdentityDocument } from './contact-operations';

export function useContactActions(user: () => UserProfileFragment, onUpdated: (user: UserProfileFragment) => void) {
  const { t } = useI18n();
  /** The identity an action is running on. */
  const busyId = ref<string | null>(null);
  const error = ref<FieldError | null>(null);
  const announcement = ref('');

  async function run(identity: IdentityDetailsFragment, action: () => Promise<UserProfileFragment>, done: string): Promise<void> {
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

  /** The address or number Remove asks about, and the dialog's texts for it. */
  const removal = useConfirm(
    (identity: IdentityDetailsFragment) => ({
      title: t('contacts.removeTitle', { value: identity.displayValue }),
      intro: t('contacts.removeIntro'),
      submit: t('contacts.remove'),
      saving: t('contacts.removing'),
    }),
    remove,
  );

  function askRemove(identity: IdentityDetailsFragment): void {
    if (busyId.value) return;
    error.value = null;
    removal.ask(identity);
  }

  /** Removes the one asked about; a failure throws, for the dialog to show. */
  async function remove(identity: IdentityDetailsFragment): Promise<void> {
    announcement.value = '';
    onUpdated((await request(RemoveUserIdentityDocument, { id: identity.id })).removeUserIdentity);
    announcement.value = t('contacts.removed', { value: identity.displayValue });
  }

  function makePrimary(identity: IdentityDetailsFragment): Promise<void> {
    return run(
      identity,
      async () => (await request(MakeUserIdentityPrimaryDocument, { id: identity.id })).makeUserIdentityPrimary,
      t('contacts.madePrimary', { value: identity.displayValue }),
    );
  }

  function verify(identity: IdentityDetailsFragment): Promise<void> {
    return run(
      identity,
      async () => {
        const { verifyUserIdentity } = await request(VerifyUserIdentityDocument, { id: identity.id });
        const current = user();
        return {
          ...current,
          identities: current.identities.map((each) => (each.id === verifyUserIdentity.id ? verifyUserIdentity : each)),
        };
      },
      t('contacts.verifiedDone', { value: identity.displayValue }),
    );
  }

  return { busyId, error, announcement, removal, askRemove, makePrimary, verify };
}
