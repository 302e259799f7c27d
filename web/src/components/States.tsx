import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { errorSentence } from '../api/errors.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p className="state state-loading" role="status" aria-live="polite">{label ?? t('status.loading')}</p>;
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t('status.empty')}</p>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p>{errorSentence(error, t)}</p>
      {onRetry && <button type="button" className="button" onClick={onRetry}>{t('status.retry')}</button>}
    </div>
  );
}
