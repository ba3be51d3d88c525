import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessageJa, fieldProblem } from '../../platform/api/errors';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { sendOrQueue } from '../outbox/outbox';
import { todayInJapan, type Prospect, type Visit } from '../pipeline/queries';
import { ChoiceChips } from './ChoiceChips';
import { VISIT_FIELDS } from './visit-fields';

interface Props {
  prospect: Prospect;
  /** A visit of the person's own to correct; without it, a new visit. */
  visit?: Visit;
  onDone: (outcome: 'sent' | 'queued') => void;
  onCancel: () => void;
}

/**
 * 訪問を記録: 日付 starts at today (Japan) and 種別 at 訪問, so a note alone is enough; 結果 and
 * 支持度 are chips; 次回予定日 becomes the next follow-up. Sent through the outbox.
 */
export function VisitForm({ prospect, visit, onDone, onCancel }: Props) {
  const label = useLabels();
  const today = todayInJapan();
  const [occurredOn, setOccurredOn] = useState(visit?.occurredOn ?? today);
  const [kind, setKind] = useState<string>(visit?.kind ?? 'visit');
  const [outcome, setOutcome] = useState<string>(visit?.outcome ?? '');
  const [supportLevel, setSupportLevel] = useState<string>(visit?.supportLevel ? String(visit.supportLevel) : '');
  const [summary, setSummary] = useState(visit?.summary ?? '');
  const [nextActionOn, setNextActionOn] = useState(visit?.nextActionOn ?? '');
  const [missingSummary, setMissingSummary] = useState(false);
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const body = {
    occurredOn,
    kind,
    outcome: outcome || null,
    supportLevel: supportLevel ? Number(supportLevel) : null,
    summary: summary.trim(),
    nextActionOn: nextActionOn || null,
  };
  const save = useMutation({
    mutationFn: () =>
      visit
        ? sendOrQueue({
            label: `訪問記録の修正 ${prospect.employerName}`,
            method: 'PATCH',
            path: `/api/v1/visits/${visit.id}`,
            body: { ...body, version: visit.version },
          })
        : sendOrQueue({ label: `訪問の記録 ${prospect.employerName}`, method: 'POST', path: `/api/v1/prospects/${prospect.id}/visits`, body }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['prospects', prospect.id] });
      void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
      onDone(result.state);
    },
  });
  const problem = (field: string) => fieldProblem(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!summary.trim()) {
      setMissingSummary(true);
      return;
    }
    setMissingSummary(false);
    save.mutate();
  }

  const supportOptions = label.options('supportLevels').map((o) => ({ value: o.value, label: `${o.value} ${o.label}` }));
  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate aria-label="訪問の記録">
      <Stack gap="md">
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(save.error)}
          </Alert>
        )}
        <Group grow wrap="nowrap" align="flex-start">
          <TextInput
            label={VISIT_FIELDS.occurredOn}
            type="date"
            required
            max={today}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.currentTarget.value)}
            error={problem('occurredOn')}
          />
          <NativeSelect
            label={VISIT_FIELDS.kind}
            data={label.options('visitKinds')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            error={problem('kind')}
          />
        </Group>
        <ChoiceChips label={VISIT_FIELDS.outcome} options={label.options('visitOutcomes')} value={outcome} onChange={setOutcome} error={problem('outcome')} />
        <ChoiceChips
          label={VISIT_FIELDS.supportLevel}
          options={supportOptions}
          value={supportLevel}
          onChange={setSupportLevel}
          error={problem('supportLevel')}
        />
        <Textarea
          label={VISIT_FIELDS.summary}
          required
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={missingSummary ? '内容を入力してください' : problem('summary')}
        />
        <TextInput
          label={VISIT_FIELDS.nextActionOn}
          type="date"
          min={occurredOn}
          description="次の対応日として「今日」に表示されます"
          value={nextActionOn}
          onChange={(e) => setNextActionOn(e.currentTarget.value)}
          error={problem('nextActionOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" size="md" loading={save.isPending}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
