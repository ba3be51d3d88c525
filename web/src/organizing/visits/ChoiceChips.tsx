import { Chip, Group, Text } from '@mantine/core';

interface Props {
  /** The group's name, read out and shown above it (「結果」). */
  label: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** One choice among a few, as large chips a thumb can hit: a radio group with a name. Tapping the chosen one again clears it. */
export function ChoiceChips({ label, options, value, onChange, error }: Props) {
  const id = `choice-${label}`;
  return (
    <div role="radiogroup" aria-labelledby={id} aria-invalid={error ? true : undefined}>
      <Text id={id} component="div" fw={500} size="sm" mb={6}>
        {label}
      </Text>
      <Chip.Group multiple={false} value={value} onChange={(v) => onChange(v === value ? '' : v)}>
        <Group gap="xs">
          {options.map((o) => (
            <Chip key={o.value} value={o.value} size="md" radius="sm" onClick={() => o.value === value && onChange('')}>
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
