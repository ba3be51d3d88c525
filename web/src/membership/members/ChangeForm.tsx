import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { tokyoDate } from '../../platform/format/format';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { recordChange, type MembershipChange } from '../queries';
import { changeBody, newChange, nextChange } from './change-form';

/** Records one membership change of a union (an entry of the ledger); sent once even if the button is pressed twice. */
export function ChangeForm({ unionId, onSaved }: { unionId: string; onSaved: (change: MembershipChange) => void }) {
  const label = useLabels();
  // one key per change being entered: a retry of the same request records nothing new
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const { form, field, formProps, saveProblem, saving } = useApiForm({
    initialValues: newChange(tokyoDate(new Date())),
    save: (v) => recordChange(changeBody(v, unionId), idempotencyKey),
    onSaved: (change, recorded) => {
      form.setValues(nextChange(recorded));
      setIdempotencyKey(crypto.randomUUID());
      onSaved(change);
    },
  });

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <SaveProblem {...saveProblem} />
        <Group grow align="flex-start">
          <TextInput label="発効日" type="date" required {...field('effectiveOn')} />
          <TextInput label="増減数" description="増加は正、減少は負の数" type="number" required {...field('delta')} />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect label="事由" {...field('cause')} data={label.options('causes', (code) => code !== 'survey_adjustment')} />
          <NativeSelect label="雇用形態" {...field('employmentType')} data={label.options('employmentTypes')} />
          <NativeSelect label="性別" {...field('gender')} data={label.options('genders')} />
        </Group>
        <TextInput label="備考" {...field('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            記録する
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
