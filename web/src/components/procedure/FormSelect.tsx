import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import type { Key } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

/** A labelled React Aria select (keyboard and screen-reader ready) styled for the procedure pages. */
export function FormSelect({ label, options, value, onChange, description, error, isRequired, placeholder, className }: {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (id: string) => void;
  description?: string;
  error?: string | null;
  isRequired?: boolean;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Select
      className={`field proc-select ${className ?? ''}`}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key))}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <Button className="proc-select-button">
        <SelectValue />
        <span aria-hidden="true" className="proc-select-arrow">▾</span>
      </Button>
      {description && <Text slot="description" className="field-description">{description}</Text>}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="proc-popover">
        <ListBox className="proc-listbox">
          {options.map((o) => <ListBoxItem key={o.id} id={o.id} textValue={o.label} className="proc-option">{o.label}</ListBoxItem>)}
        </ListBox>
      </Popover>
    </Select>
  );
}
