// The words for a warning the server gave about a user (a reserved address, a
// shared phone number…): the app's own text for the codes it knows, else the
// server's message.
import { useI18n } from 'vue-i18n';
import type { WarningDetailsFragment } from '../graphql/generated/graphql';

export function useWarningText(): (warning: Pick<WarningDetailsFragment, 'code' | 'message'>) => string {
  const { t, te } = useI18n();
  return (warning) => {
    const key = `warnings.${warning.code}`;
    return te(key) ? t(key) : warning.message;
  };
}
