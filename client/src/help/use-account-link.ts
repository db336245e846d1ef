// A mailed link's page (verify, reset, an invitation): the link's state as the
// server tells it, a password form that uses the link and signs the person in,
// and a new link when this one died. The help center's page and the team's
// page (auth/StaffLinkPage.vue) differ only in their words and layout.
import { computed, onMounted, ref } from 'vue';
import { useRouter } from 'vue-router';
import { useAuth } from '../auth/auth';
import { request } from '../graphql/client';
import type { AccountLinkQuery } from '../graphql/generated/graphql';
import { missingText, useForm } from '../ui/form/use-form';
import { AccountLinkDocument, RenewAccountLinkDocument, UseAccountLinkDocument } from './help-operations';

export function useAccountLink(token: () => string, opts: { passwordRequired: string; staffHome: string }) {
  const auth = useAuth();
  const router = useRouter();
  const link = ref<AccountLinkQuery['accountLink'] | null>(null);
  const loadFailed = ref(false);
  const renewed = ref(false);
  const renewing = ref(false);

  onMounted(async () => {
    try {
      link.value = (await request(AccountLinkDocument, { token: token() })).accountLink;
    } catch {
      loadFailed.value = true;
    }
  });

  const form = useForm({
    initial: () => ({ password: '' }),
    fields: ['password'],
    validate: (values) => missingText(values, { password: opts.passwordRequired }),
    send: async (values) => {
      const { useAccountLink } = await request(UseAccountLinkDocument, { token: token(), password: values.password });
      await auth.signedIn(useAccountLink);
      await router.replace(auth.can.value.listUsers ? opts.staffHome : '/help/requests');
    },
  });

  /** The link died while the page was open (used in another tab, expired): the server says which. */
  const deadReason = computed(() => form.generalErrors.value.find((e) => e.code === 'BAD_USER_INPUT' && e.reason)?.reason ?? null);
  const state = computed(() => deadReason.value ?? link.value?.state ?? null);

  async function renew(): Promise<void> {
    renewing.value = true;
    try {
      await request(RenewAccountLinkDocument, { token: token() });
      renewed.value = true;
    } finally {
      renewing.value = false;
    }
  }

  return { link, loadFailed, renewed, renewing, form, state, renew };
}
