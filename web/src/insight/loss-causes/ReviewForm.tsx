import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { MonthSelect } from '../../platform/forms/MonthSelect';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { createLossReview, insightKeys, lossReviewQuery, updateLossReview } from '../queries';
import { REVIEW_FIELDS, newReviewForm, reviewBody, reviewFormOf, reviewValues } from './review-changes';

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

/** 振り返り: a council's review of a period's losses (what it found, what it will do). */
export function ReviewForm({ regionalCouncilId, from, to, causes, review, onSaved, onCancel }: Props) {
  const queryClient = useQueryClient();
  const { field, formProps, saveProblem, saving } = useApiForm({
    initialValues: review ? reviewFormOf(review) : newReviewForm(from, to, causes[0]?.value),
    save: (form, base) =>
      base ? updateLossReview(base.id, { ...reviewBody(form), version: base.version }) : createLossReview({ ...reviewBody(form), regionalCouncilId }),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: insightKeys.lossReviews });
      onSaved();
    },
    stale: {
      record: review,
      reload: async (base) => {
        void queryClient.invalidateQueries({ queryKey: insightKeys.lossReviews });
        return queryClient.fetchQuery({ ...lossReviewQuery(base.id), staleTime: 0 });
      },
      valuesOf: reviewFormOf,
      fields: REVIEW_FIELDS,
      compared: reviewValues,
      inWords: (current, changed) => (changed === 'causes' ? current.causeLabels.map((c) => c.label).join('、') : String(current[changed])),
    },
  });

  return (
    <form {...formProps}>
      <Stack>
        <SaveProblem {...saveProblem} />
        <Group grow>
          <MonthSelect label="期間(開始)" required {...field('periodFrom')} />
          <MonthSelect label="期間(終了)" required {...field('periodTo')} />
        </Group>
        <NativeSelect label="主な要因" data={causes} {...field('cause', 'causes')} />
        <Textarea label="把握した内容" required autosize minRows={3} {...field('findings')} />
        <Textarea label="対策" required autosize minRows={3} {...field('countermeasures')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
