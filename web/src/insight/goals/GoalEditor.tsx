import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { ApiError, fieldProblem, unwrap } from '../../platform/api/errors';
import { formatDate, formatNumber, tokyoDate } from '../../platform/format/format';
import { changedFields, describeChanges, keepEdits, type ChangedField } from '../../platform/forms/stale-changes';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { councilsQuery, federationsQuery } from '../../structure/queries';
import { GOAL_FIELDS, emptyGoalForm, goalBody, goalFormOf, goalValues, milestonePath, type GoalField, type GoalForm } from './goal-form';
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
  const [form, setForm] = useState<GoalForm>(() => (goal ? goalFormOf(goal) : emptyGoalForm(tokyoDate(new Date()))));
  // the version the person is editing from; a 409 moves it to the current one
  const [base, setBase] = useState(goal);
  const [stale, setStale] = useState<ChangedField[]>();
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const inWords = useGoalInWords(goals);
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();
  const set = (change: Partial<GoalForm>) => setForm((f) => ({ ...f, ...change }));

  const save = useMutation({
    mutationFn: () =>
      base
        ? unwrap(api.PATCH('/api/v1/goals/{id}', { params: { path: { id: base.id } }, body: { ...goalBody(form), version: base.version } }))
        : unwrap(api.POST('/api/v1/goals', { body: goalBody(form) })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['goals'] });
      onSaved(saved);
    },
    onError: async (error) => {
      if (!(base && error instanceof ApiError && error.status === 409)) return;
      const current = await unwrap(api.GET('/api/v1/goals/{id}', { params: { path: { id: base.id } } }));
      const changed = changedFields(GOAL_FIELDS, goalValues(base), goalValues(current));
      setStale(describeChanges(GOAL_FIELDS, changed, (field) => inWords(current, field)));
      setForm((mine) => keepEdits(mine, goalFormOf(base), goalFormOf(current)));
      setBase(current);
      void queryClient.invalidateQueries({ queryKey: ['goals'] });
    },
  });
  const problem = (field: string) => fieldProblem(save.error, field);
  const options = (items: { id: string; name: string }[] | undefined, none: string) => [
    { value: '', label: none },
    ...(items ?? []).map((i) => ({ value: i.id, label: i.name })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    setStale(undefined);
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack>
        <SaveProblem stale={stale} error={save.error} />
        <TextInput label="目標名" required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} error={problem('name')} />
        <Group grow align="flex-start">
          <TextInput
            label="目標人数"
            required
            inputMode="numeric"
            rightSection="人"
            value={form.targetMembers}
            onChange={(e) => set({ targetMembers: e.currentTarget.value })}
            error={problem('targetMembers')}
          />
          <TextInput
            label="基準日"
            type="date"
            required
            value={form.baselineOn}
            onChange={(e) => set({ baselineOn: e.currentTarget.value })}
            error={problem('baselineOn')}
          />
          <TextInput
            label="期限"
            type="date"
            required
            value={form.targetOn}
            onChange={(e) => set({ targetOn: e.currentTarget.value })}
            error={problem('targetOn')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="対象の構成組織"
            value={form.federationId}
            onChange={(e) => set({ federationId: e.currentTarget.value })}
            data={options(federations.data?.items, '指定しない')}
            error={problem('scope.federationId')}
          />
          <NativeSelect
            label="対象の地域連合"
            value={form.regionalCouncilId}
            onChange={(e) => set({ regionalCouncilId: e.currentTarget.value })}
            data={options(councils.data?.items, '指定しない')}
            error={problem('scope.regionalCouncilId')}
          />
          <NativeSelect
            label="配分元の目標"
            value={form.parentGoalId}
            onChange={(e) => set({ parentGoalId: e.currentTarget.value })}
            data={options(
              goals.filter((g) => g.id !== goal?.id),
              'なし',
            )}
            error={problem('parentGoalId')}
          />
        </Group>
        <MilestoneRows
          rows={form.milestones}
          targetOn={form.targetOn}
          onChange={(milestones) => set({ milestones })}
          problem={(key, field) => problem(milestonePath(form.milestones, key, field))}
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
