import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/index.ts';
import { isLanguage, LANGUAGES } from '../i18n/languages.ts';
import './LanguageSwitcher.css';

/** The interface language (English, Español, Deutsch), each named in itself; remembered for the member. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = LANGUAGES.find((l) => l.code === i18n.language) ?? LANGUAGES[0];
  return (
    <Select
      className="language-switcher"
      selectedKey={current.code}
      onSelectionChange={(key: Key | null) => isLanguage(key) && chooseLanguage(key)}
    >
      <Label className="language-label">{t('language.label')}</Label>
      <Button className="language-button">
        <SelectValue>{() => <span lang={current.code}>{current.name}</span>}</SelectValue>
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="language-popover">
        <ListBox className="language-list">
          {LANGUAGES.map((l) => (
            <ListBoxItem key={l.code} id={l.code} textValue={l.name} className="language-option" lang={l.code}>{l.name}</ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
