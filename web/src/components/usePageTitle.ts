import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The performance mark set when a page's content is first on screen (what the load budget measures up to). */
export const PAGE_SHOWN_MARK = 'eunomia:page-shown';

/** Sets the document title (what screen readers announce and tabs show) for the page on screen. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : t('appName');
  }, [title, t]);
  useEffect(() => {
    if (performance.getEntriesByName(PAGE_SHOWN_MARK).length === 0) performance.mark(PAGE_SHOWN_MARK);
  }, []);
}
