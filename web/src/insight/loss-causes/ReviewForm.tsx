import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { MonthSelect } from '../../platform/forms/MonthSelect';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { ApiError, fieldProblem, unwrap } from '../../platform/api/errors';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { describeChanges } from '../../platform/forms/stale-changes';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { REVIEW_FIELDS, changedFields, type ReviewField, type ReviewValues } from './review-changes';

type Cause = Schemas['CreateLossReviewDto']['causes'][number];
type Review = Schemas['LossReviewDto'];

interface Props {
  regionalCouncilId: string;
  /** The period on screen, which a new review starts as. */
  from: string;
  to: string;
  /** The decrease causes to choose from, the largest first (it is the one preselected). */
  causes: { value: string; label: string }[];
  /** A review to edit (its version guards against overwriting someone else's change). */
  review?: Review;
  onSaved: () => void;
  onCancel: () => void;
}

const valuesOf = (r: Review): ReviewValues => ({
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  causes: r.causes,
  findings: r.findings,
  countermeasures: r.countermeasures,
});

/** The notice's lines: each changed field as it reads now. */
function changesOf(changed: ReviewField[], current: Review) {
  return describeChanges(REVIEW_FIELDS, changed, (field) => (field === 'causes' ? current.causeLabels.map((c) => c.label).join('、') : String(current[field])));
}

/** 振り返り: a council's review of a period's losses (what it found, what it will do). */
export function ReviewForm({ regionalCouncilId, from, to, causes, review, onSaved, onCancel }: Props) {
  const [periodFrom, setPeriodFrom] = useState(review?.periodFrom ?? from);
  const [periodTo, setPeriodTo] = useState(review?.periodTo ?? to);
  const [cause, setCause] = useState(review?.causes[0] ?? causes[0]?.value ?? '');
  const [findings, setFindings] = useState(review?.findings ?? '');
  const [countermeasures, setCountermeasures] = useState(review?.countermeasures ?? '');
  // the version the person is editing from; a 409 moves it to the current one
  const [base, setBase] = useState(review);
  const [stale, setStale] = useState<{ changed: ReviewField[]; current: Review }>();
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const body = { periodFrom, periodTo, causes: cause ? [cause as Cause] : [], findings, countermeasures };
  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(api.PATCH('/api/v1/loss-reviews/{id}', { params: { path: { id: base.id } }, body: { ...body, version: base.version } }))
        : unwrap(api.POST('/api/v1/loss-reviews', { body: { ...body, regionalCouncilId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['loss-reviews'] });
      onSaved();
    },
    onError: async (error) => {
      if (!(base && error instanceof ApiError && error.status === 409)) return;
      const current = await unwrap(api.GET('/api/v1/loss-reviews/{id}', { params: { path: { id: base.id } } }));
      setStale({ changed: changedFields(valuesOf(base), valuesOf(current)), current });
      setBase(current);
      void queryClient.invalidateQueries({ queryKey: ['loss-reviews'] });
    },
  });
  const problem = (field: string) => fieldProblem(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    setStale(undefined);
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack>
        <SaveProblem stale={stale && changesOf(stale.changed, stale.current)} error={save.error} />
        <Group grow>
          <MonthSelect label="期間(開始)" required value={periodFrom} onChange={setPeriodFrom} error={problem('periodFrom')} />
          <MonthSelect label="期間(終了)" required value={periodTo} onChange={setPeriodTo} error={problem('periodTo')} />
        </Group>
        <NativeSelect label="主な要因" data={causes} value={cause} onChange={(e) => setCause(e.currentTarget.value)} error={problem('causes')} />
        <Textarea
          label="把握した内容"
          required
          autosize
          minRows={3}
          value={findings}
          onChange={(e) => setFindings(e.currentTarget.value)}
          error={problem('findings')}
        />
        <Textarea
          label="対策"
          required
          autosize
          minRows={3}
          value={countermeasures}
          onChange={(e) => setCountermeasures(e.currentTarget.value)}
          error={problem('countermeasures')}
        />
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
