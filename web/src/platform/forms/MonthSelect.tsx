import { NativeSelect } from '@mantine/core';
import { addMonths, tokyoDate } from '../format/format';
import { monthChoices } from './month-choices';

interface Props {
  /** The field's accessible name, as people and tests find it (「期間(開始)」). */
  label: string;
  /** YYYY-MM */
  value: string;
  onChange: (month: string) => void;
  /** The earliest month offered (default: ten years back). */
  min?: string;
  /** The latest month offered (default: a year ahead). */
  max?: string;
  required?: boolean;
  error?: string;
}

/**
 * A month field in Japanese (「2026年4月」): the browser's own month input speaks the
 * browser's language, so the months are offered as a select whose values are YYYY-MM.
 */
export function MonthSelect({ label, value, onChange, min, max, required, error }: Props) {
  const now = tokyoDate(new Date()).slice(0, 7);
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={monthChoices(min ?? addMonths(now, -120), max ?? addMonths(now, 12), value || undefined)}
      required={required}
      error={error}
    />
  );
}
