import { lazy, Suspense, useState } from 'react';
import type { Key } from 'react-aria-components';
import {
  Button, Checkbox, CheckboxGroup, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text, useFilter,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Loading } from '../States.tsx';

// The map and its TopoJSON are their own chunk, fetched only when this page draws them.
const EuropeMap = lazy(() => import('./EuropeMap.tsx'));

export interface PickerJurisdiction {
  code: string;
  name: string;
  level: string;
  parentName: string | null;
}

interface Props {
  jurisdictions: readonly PickerJurisdiction[];
  selected: readonly string[];
  onChange(codes: string[]): void;
  /** False while a comparison opened from a URL is loading: the map's large chunk waits so the matrix comes first. */
  showMap: boolean;
}

export function JurisdictionPicker({ jurisdictions, selected, onChange, showMap }: Props) {
  const { t } = useTranslation('compare');
  const [text, setText] = useState('');
  const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
  const chosen = new Set(selected);
  const { contains } = useFilter({ sensitivity: 'base' });
  // With `items` given, the ComboBox leaves filtering to us: by name or code, accents and case ignored.
  // An empty field lists nothing unless the list was opened on purpose (button, arrow keys): clearing the field after
  // a choice must not reopen the list over the page.
  const [listAll, setListAll] = useState(false);
  // The country list is drawn only when opened (a 27-country comparison should not wait for 30 checkboxes).
  const [listOpen, setListOpen] = useState(false);
  const available = text || listAll ? jurisdictions.filter((j) => !chosen.has(j.code) && (contains(j.name, text) || contains(j.code, text))) : [];
  const nationals = jurisdictions.filter((j) => j.level === 'NATIONAL');
  const mapSelectable = new Map(nationals.map((j) => [j.code, j.name]));
  const add = (code: string) => {
    if (!chosen.has(code) && byCode.has(code)) onChange([...selected, code]);
  };
  const toggle = (code: string) => (chosen.has(code) ? onChange(selected.filter((c) => c !== code)) : add(code));
  const describe = (j: PickerJurisdiction) => (j.parentName && j.level !== 'NATIONAL' ? `${j.name} (${j.parentName})` : j.name);

  return (
    <div className="jurisdiction-picker">
      <div className="picker-controls">
        <ComboBox
          className="react-aria-ComboBox picker-combobox"
          items={available}
          inputValue={text}
          onInputChange={setText}
          selectedKey={null}
          onOpenChange={(open, trigger) => setListAll(open && trigger === 'manual')}
          onSelectionChange={(key: Key | null) => {
            if (key !== null) {
              add(String(key));
              setText('');
            }
          }}
        >
          <Label>{t('jurisdictions.addLabel')}</Label>
          <div className="combobox-field">
            <Input placeholder={t('jurisdictions.addPlaceholder')} />
            <Button className="button combobox-toggle" aria-label={t('jurisdictions.showAll')}>▾</Button>
          </div>
          <Text slot="description" className="muted">{t('jurisdictions.addHelp')}</Text>
          <Popover className="react-aria-Popover picker-popover">
            <ListBox className="picker-listbox">
              {(j: PickerJurisdiction) => (
                <ListBoxItem id={j.code} textValue={`${j.name} ${j.code}`} className="picker-option">
                  {describe(j)} <span className="muted">{j.code}</span>
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>

        <TagGroup
          className="picker-tags"
          onRemove={(keys) => onChange(selected.filter((c) => !keys.has(c)))}
        >
          <Label className="picker-tags-label">{t('jurisdictions.selectedLabel', { count: selected.length })}</Label>
          <TagList
            items={selected.map((code) => ({ code, name: byCode.get(code) ? describe(byCode.get(code)!) : code }))}
            renderEmptyState={() => <span className="muted">{t('jurisdictions.none')}</span>}
          >
            {(item: { code: string; name: string }) => (
              <Tag id={item.code} textValue={item.name} className="react-aria-Tag picker-tag">
                {item.name}
                <Button slot="remove" className="tag-remove" aria-label={t('jurisdictions.remove', { name: item.name })}>×</Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
        {selected.length > 0 && (
          <Button className="button button-quiet picker-clear" onPress={() => onChange([])}>{t('jurisdictions.clear')}</Button>
        )}

        <details className="picker-list" onToggle={(e) => setListOpen(e.currentTarget.open)}>
          <summary>{t('jurisdictions.listToggle')}</summary>
          {listOpen && <CheckboxGroup
            className="picker-checkboxes"
            value={selected.filter((c) => mapSelectable.has(c))}
            onChange={(codes) => {
              const kept = selected.filter((c) => !mapSelectable.has(c) || codes.includes(c));
              onChange([...kept, ...codes.filter((c) => !kept.includes(c))]);
            }}
            aria-label={t('jurisdictions.listLabel')}
          >
            {nationals.map((j) => (
              <Checkbox key={j.code} value={j.code} className="react-aria-Checkbox picker-checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                {j.name}
              </Checkbox>
            ))}
          </CheckboxGroup>}
        </details>
      </div>

      <div className="picker-map">
        <p className="muted" id="map-help">{t('jurisdictions.mapHelp')}</p>
        {showMap ? (
          <Suspense fallback={<Loading label={t('jurisdictions.mapLoading')} />}>
            <EuropeMap selectable={mapSelectable} selected={selected} onToggle={toggle} />
          </Suspense>
        ) : <Loading label={t('jurisdictions.mapLoading')} />}
      </div>
    </div>
  );
}
