import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { errorMessageJa, fieldProblem, unwrap } from '../../platform/api/errors';
import { tokyoDate } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';

type Change = Schemas['CreateMembershipChangeDto'];

/** Records one membership change of a union (an entry of the ledger); sent once even if the button is pressed twice. */
export function ChangeForm({ unionId, onSaved }: { unionId: string; onSaved: (change: Schemas['MembershipChangeDto']) => void }) {
  const label = useLabels();
  const [effectiveOn, setEffectiveOn] = useState(() => tokyoDate(new Date()));
  const [delta, setDelta] = useState('');
  const [cause, setCause] = useState<Change['cause']>('new_hire');
  const [employmentType, setEmploymentType] = useState<Change['employmentType']>('regular');
  const [gender, setGender] = useState<Change['gender']>('unspecified');
  const [note, setNote] = useState('');
  // one key per change being entered: a retry of the same request records nothing new
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const imeSafe = useImeSafeSubmit();

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/membership-changes', {
          body: { unionId, effectiveOn, delta: Number(delta), cause, employmentType, gender, ...(note ? { note } : {}) },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: (change) => {
      setDelta('');
      setNote('');
      setIdempotencyKey(crypto.randomUUID());
      onSaved(change);
    },
  });
  const problem = (field: string) => fieldProblem(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack gap="sm">
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(save.error)}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="発効日"
            type="date"
            required
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            error={problem('effectiveOn')}
          />
          <TextInput
            label="増減数"
            description="増加は正、減少は負の数"
            type="number"
            required
            value={delta}
            onChange={(e) => setDelta(e.currentTarget.value)}
            error={problem('delta')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="事由"
            value={cause}
            onChange={(e) => setCause(e.currentTarget.value as Change['cause'])}
            data={label.options('causes', (code) => code !== 'survey_adjustment')}
            error={problem('cause')}
          />
          <NativeSelect
            label="雇用形態"
            value={employmentType}
            onChange={(e) => setEmploymentType(e.currentTarget.value as Change['employmentType'])}
            data={label.options('employmentTypes')}
            error={problem('employmentType')}
          />
          <NativeSelect
            label="性別"
            value={gender}
            onChange={(e) => setGender(e.currentTarget.value as Change['gender'])}
            data={label.options('genders')}
            error={problem('gender')}
          />
        </Group>
        <TextInput label="備考" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={problem('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            記録する
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
