import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title (what screen readers announce and tabs show) for the page on screen. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : t('appName');
  }, [title, t]);
}
