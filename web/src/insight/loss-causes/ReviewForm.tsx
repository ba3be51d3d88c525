import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { ApiError, errorMessageJa, unwrap } from '../../platform/api/errors';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';

type Cause = Schemas['CreateLossReviewDto']['causes'][number];

interface Props {
  regionalCouncilId: string;
  /** The period on screen, which the review starts as. */
  from: string;
  to: string;
  /** The decrease causes to choose from, the largest first (it is the one preselected). */
  causes: { value: string; label: string }[];
  onSaved: () => void;
  onCancel: () => void;
}

/** 振り返り: a council's review of a period's losses (what it found, what it will do). */
export function ReviewForm({ regionalCouncilId, from, to, causes, onSaved, onCancel }: Props) {
  const [periodFrom, setPeriodFrom] = useState(from);
  const [periodTo, setPeriodTo] = useState(to);
  const [cause, setCause] = useState(causes[0]?.value ?? '');
  const [findings, setFindings] = useState('');
  const [countermeasures, setCountermeasures] = useState('');
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/loss-reviews', {
          body: { regionalCouncilId, periodFrom, periodTo, causes: cause ? [cause as Cause] : [], findings, countermeasures },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['loss-reviews'] });
      onSaved();
    },
  });
  const problem = (field: string) => (save.error instanceof ApiError ? save.error.fieldMessage(field) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack>
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(save.error)}
          </Alert>
        )}
        <Group grow>
          <TextInput label="期間(開始)" type="month" required value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} error={problem('periodFrom')} />
          <TextInput label="期間(終了)" type="month" required value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} error={problem('periodTo')} />
        </Group>
        <NativeSelect label="主な要因" data={causes} value={cause} onChange={(e) => setCause(e.currentTarget.value)} error={problem('causes')} />
        <Textarea label="把握した内容" required autosize minRows={3} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={problem('findings')} />
        <Textarea label="対策" required autosize minRows={3} value={countermeasures} onChange={(e) => setCountermeasures(e.currentTarget.value)} error={problem('countermeasures')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={save.isPending}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
