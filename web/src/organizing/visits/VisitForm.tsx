import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { formatDate } from '../../platform/format/format';
import { saveVisit, todayInJapan, visitQuery, visitSaved, type Prospect, type Visit } from '../queries';
import { ChoiceChips } from './ChoiceChips';
import { VISIT_FIELDS } from './visit-fields';
import { VISIT_FORM_FIELDS, checkSummary, visitBody, visitValuesOf, type VisitValues } from './visit-form';

interface Props {
  prospect: Prospect;
  /** A visit of the person's own to correct; without it, a new visit. */
  visit?: Visit;
  onDone: (outcome: 'sent' | 'queued') => void;
  onCancel: () => void;
}

/**
 * 訪問を記録: 日付 starts at today (Japan) and 種別 at 訪問, so a note alone is enough; 結果 and
 * 支持度 are chips; 次回予定日 becomes the next follow-up. Sent through the outbox. A correction
 * that meets someone else's save says what they changed and keeps what the person typed.
 */
export function VisitForm({ prospect, visit, onDone, onCancel }: Props) {
  const label = useLabels();
  const today = todayInJapan();
  const queryClient = useQueryClient();

  const { values, form, field, problem, formProps, saveProblem, saving } = useApiForm({
    initialValues: visitValuesOf(visit, today),
    validate: { summary: checkSummary },
    save: (v: VisitValues, base: Visit | undefined) => saveVisit(prospect, base, visitBody(v)),
    onSaved: async (result) => {
      await visitSaved(queryClient, prospect.id);
      onDone(result.state);
    },
    stale: {
      record: visit,
      reload: (base) => queryClient.fetchQuery({ ...visitQuery(base.id), staleTime: 0 }),
      valuesOf: (v) => visitValuesOf(v, today),
      fields: VISIT_FORM_FIELDS,
      compared: (v) => visitValuesOf(v, today),
      inWords: (current, changed) => {
        if (changed === 'occurredOn') return formatDate(current.occurredOn);
        if (changed === 'nextActionOn') return current.nextActionOn ? formatDate(current.nextActionOn) : '未定';
        if (changed === 'kind') return current.kindLabel;
        if (changed === 'outcome') return current.outcomeLabel ?? '未記入';
        if (changed === 'supportLevel') return current.supportLevelLabel ?? '未記入';
        return current.summary;
      },
    },
  });

  const supportOptions = label.options('supportLevels').map((o) => ({ value: o.value, label: `${o.value} ${o.label}` }));
  return (
    <form {...formProps} aria-label="訪問の記録">
      <Stack gap="md">
        <SaveProblem {...saveProblem} />
        <Group grow wrap="nowrap" align="flex-start">
          <TextInput label={VISIT_FIELDS.occurredOn} type="date" required max={today} {...field('occurredOn')} />
          <NativeSelect label={VISIT_FIELDS.kind} data={label.options('visitKinds')} {...field('kind')} />
        </Group>
        <ChoiceChips
          label={VISIT_FIELDS.outcome}
          options={label.options('visitOutcomes')}
          value={values.outcome}
          onChange={(v) => form.setFieldValue('outcome', v as VisitValues['outcome'])}
          error={problem('outcome')}
        />
        <ChoiceChips
          label={VISIT_FIELDS.supportLevel}
          options={supportOptions}
          value={values.supportLevel}
          onChange={(v) => form.setFieldValue('supportLevel', v)}
          error={problem('supportLevel')}
        />
        <Textarea label={VISIT_FIELDS.summary} required autosize minRows={3} {...field('summary')} />
        <TextInput
          label={VISIT_FIELDS.nextActionOn}
          type="date"
          min={values.occurredOn}
          description="次の対応日として「今日」に表示されます"
          {...field('nextActionOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" size="md" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
