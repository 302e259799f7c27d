import { Button, Checkbox, CheckboxGroup, Group, Input, Label, NumberField, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProcedureDimensionFieldsFragment } from '../../gql/graphql.ts';
import { draftValue } from './dimensionDraft.ts';
import type { DimensionType, DraftValue } from './dimensionDraft.ts';
import { FormSelect } from './FormSelect.tsx';

function Box() {
  return (
    <span className="proc-box" aria-hidden="true">
      <svg viewBox="0 0 18 18"><polyline points="3.5 9.5 7.5 13 14.5 5" /></svg>
    </span>
  );
}

/** The input that fits a dimension's type: checkbox, number with unit, select or checkboxes of labelled values, text. */
export function DimensionControl({ dimension, value, onChange }: {
  dimension: ProcedureDimensionFieldsFragment; value: DraftValue; onChange: (value: DraftValue) => void;
}) {
  const { t } = useTranslation('procedure');
  const type = dimension.valueType as DimensionType;
  const options = dimension.options ?? (dimension.allowedValues ?? []).map((v) => ({ value: v, label: v }));
  const set = (raw: unknown) => onChange(draftValue(type, raw));
  const description = <Text slot="description" className="field-description">{dimension.description}</Text>;
  let control;
  switch (type) {
    case 'BOOLEAN':
      control = (
        <div className="field">
          <Checkbox className="proc-checkbox" isSelected={value === true} isIndeterminate={value === null} onChange={set}
            aria-describedby={`dim-${dimension.key}-desc`}>
            <Box />
            {dimension.label}
          </Checkbox>
          <span className="field-description" id={`dim-${dimension.key}-desc`}>
            {value === null ? t('values.notSetState') : value ? t('values.yes') : t('values.no')} · {dimension.description}
          </span>
        </div>
      );
      break;
    case 'INTEGER':
    case 'DECIMAL':
      control = (
        <NumberField className="field" value={typeof value === 'number' ? value : Number.NaN} onChange={set}
          minValue={0} step={type === 'INTEGER' ? 1 : undefined}
          formatOptions={{ maximumFractionDigits: type === 'INTEGER' ? 0 : 6, useGrouping: false }}>
          <Label>{dimension.unit ? t('values.withUnit', { label: dimension.label, unit: dimension.unit }) : dimension.label}</Label>
          <Group className="proc-number">
            <Input />
            {dimension.unit && <span className="proc-unit" aria-hidden="true">{dimension.unit}</span>}
          </Group>
          {description}
        </NumberField>
      );
      break;
    case 'ENUM':
      control = (
        <FormSelect label={dimension.label} description={dimension.description} placeholder={t('values.choose')}
          options={options.map((o) => ({ id: o.value, label: o.label }))}
          value={typeof value === 'string' ? value : null} onChange={set} />
      );
      break;
    case 'LIST':
      control = (
        <CheckboxGroup className="field proc-checkbox-group" value={Array.isArray(value) ? value : []} onChange={set}>
          <Label>{dimension.label}</Label>
          {description}
          <div className="proc-checkbox-list">
            {options.map((o) => <Checkbox key={o.value} value={o.value} className="proc-checkbox"><Box />{o.label}</Checkbox>)}
          </div>
        </CheckboxGroup>
      );
      break;
    default:
      control = (
        <TextField className="field" value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v === '' ? null : v)}>
          <Label>{dimension.label}</Label>
          <Input />
          {description}
        </TextField>
      );
  }
  return (
    <div className="proc-dimension">
      {control}
      {value !== null && (
        <Button className="button button-quiet proc-clear" onPress={() => onChange(null)}>
          {t('values.clear', { label: dimension.label })}
        </Button>
      )}
    </div>
  );
}
