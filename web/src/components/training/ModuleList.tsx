import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModuleInfo {
  id: string;
  position: number;
  title: string;
  outline: string;
  kind: string;
  durationMinutes: number;
  passMark?: number | null;
}

/** A curriculum's modules in order: kind, duration, pass mark; `extra` adds the member's own state and controls. */
export function ModuleList({ modules, language, extra }: {
  modules: readonly ModuleInfo[];
  language: string;
  extra?: (module: ModuleInfo) => ReactNode;
}) {
  const { t } = useTranslation('training');
  const minutes = new Intl.NumberFormat(t('locale'), { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  return (
    <ol className="training-modules">
      {[...modules].sort((a, b) => a.position - b.position).map((m) => (
        <li key={m.id} className="training-module" data-module={m.id}>
          <h3 lang={language}>{m.title}</h3>
          <p className="training-meta">
            {t(`kind.${m.kind}`)} · {minutes.format(m.durationMinutes)} · {m.passMark === null || m.passMark === undefined ? t('module.unscored') : t('module.passMark', { mark: m.passMark })}
          </p>
          <p lang={language}>{m.outline}</p>
          {extra?.(m)}
        </li>
      ))}
    </ol>
  );
}
