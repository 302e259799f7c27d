import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/index.ts';
import { isLanguage, LANGUAGES } from '../i18n/languages.ts';
import './LanguageSwitcher.css';

/**
 * The interface language (English, Español, Deutsch), each named in itself; remembered for the member. Three toggle
 * buttons (the chosen one pressed) rather than a pop-up list: it is on every page, so it stays light (plain buttons
 * with aria-pressed: the shell carries no widget library code for it).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button key={l.code} type="button" lang={l.code} className="language-option" aria-pressed={l.code === current}
          onClick={() => l.code !== current && chooseLanguage(l.code)}>
          {l.name}
        </button>
      ))}
    </div>
  );
}
