import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/** Keeps `document.title` as "<page> · Accueil", in the interface language. */
export function useDocumentTitle(title: () => string | null | undefined): void {
  const { t } = useI18n();
  watchEffect(() => {
    const page = title();
    document.title = page ? `${page} · ${t('app.name')}` : t('app.name');
  });
}
