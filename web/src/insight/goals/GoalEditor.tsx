import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { formatDate, formatNumber, tokyoDate } from '../../platform/format/format';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { councilsQuery, federationsQuery } from '../../structure/queries';
import { createGoal, goalQuery, insightKeys, updateGoal } from '../queries';
import { GOAL_FIELDS, emptyGoalForm, goalBody, goalFormOf, goalValues, milestonePath, type GoalField } from './goal-form';
import { MilestoneRows } from './MilestoneRows';
import { useScopeOf } from './useScopeOf';

type Goal = Schemas['GoalDto'];

interface Props {
  /** The goal to edit; none for a new one. */
  goal?: Goal;
  /** Every goal, to pick the one this one is an allocation of. */
  goals: Goal[];
  onSaved: (goal: Goal) => void;
  onCancel: () => void;
}

/** How each field of the current goal reads, for the notice after a stale save. */
function useGoalInWords(goals: Goal[]): (goal: Goal, field: GoalField) => string {
  const scopeOf = useScopeOf();
  return (goal, field) => {
    switch (field) {
      case 'name':
        return goal.name;
      case 'targetMembers':
        return `${formatNumber(goal.targetMembers)}人`;
      case 'baselineOn':
        return formatDate(goal.baselineOn);
      case 'targetOn':
        return formatDate(goal.targetOn);
      case 'scope':
        return scopeOf(goal);
      case 'parentGoalId':
        return goals.find((g) => g.id === goal.parentGoalId)?.name ?? 'なし';
      case 'milestones':
        return goal.milestones.map((m) => `${m.name} ${formatDate(m.dueOn)} ${formatNumber(m.targetMembers)}人`).join('、') || 'なし';
    }
  };
}

/** 目標の作成・編集: name, target, dates, whose members, and the milestones on the way. */
export function GoalEditor({ goal, goals, onSaved, onCancel }: Props) {
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const inWords = useGoalInWords(goals);
  const queryClient = useQueryClient();

  const { values, form, field, problem, formProps, saveProblem, saving } = useApiForm({
    initialValues: goal ? goalFormOf(goal) : emptyGoalForm(tokyoDate(new Date())),
    save: (form, base) => (base ? updateGoal(base.id, { ...goalBody(form), version: base.version }) : createGoal(goalBody(form))),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: insightKeys.goals });
      onSaved(saved);
    },
    stale: {
      record: goal,
      reload: async (base) => {
        void queryClient.invalidateQueries({ queryKey: insightKeys.goals });
        return queryClient.fetchQuery({ ...goalQuery(base.id), staleTime: 0 });
      },
      valuesOf: goalFormOf,
      fields: GOAL_FIELDS,
      compared: goalValues,
      inWords,
    },
  });
  const options = (items: { id: string; name: string }[] | undefined, none: string) => [
    { value: '', label: none },
    ...(items ?? []).map((i) => ({ value: i.id, label: i.name })),
  ];

  return (
    <form {...formProps}>
      <Stack>
        <SaveProblem {...saveProblem} />
        <TextInput label="目標名" required {...field('name')} />
        <Group grow align="flex-start">
          <TextInput label="目標人数" required inputMode="numeric" rightSection="人" {...field('targetMembers')} />
          <TextInput label="基準日" type="date" required {...field('baselineOn')} />
          <TextInput label="期限" type="date" required {...field('targetOn')} />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect label="対象の構成組織" {...field('federationId', 'scope.federationId')} data={options(federations.data?.items, '指定しない')} />
          <NativeSelect label="対象の地域連合" {...field('regionalCouncilId', 'scope.regionalCouncilId')} data={options(councils.data?.items, '指定しない')} />
          <NativeSelect
            label="配分元の目標"
            {...field('parentGoalId')}
            data={options(
              goals.filter((g) => g.id !== goal?.id),
              'なし',
            )}
          />
        </Group>
        <MilestoneRows
          rows={values.milestones}
          targetOn={values.targetOn}
          onChange={(milestones) => form.setFieldValue('milestones', milestones)}
          problem={(key, name) => problem(milestonePath(values.milestones, key, name))}
        />
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
