import { Alert, Button, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { isStaleSave } from '../../platform/forms/stale-save';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { ALL_STAGES, STAGE_RULES_JA, decideMove, needsNote, type Stage } from '../pipeline/stages';
import { moveStage, prospectIsStale, prospectQuery, prospectsChanged, type Prospect } from '../queries';
import { AffiliationForm } from './AffiliationForm';
import { STAGE_MOVE_FIELDS, checkNote, stageMoveBody, stageMoveValuesOf } from './stage-move-form';

interface Props {
  prospect: Prospect;
  /** Council staff affiliate; organizers see why they cannot. */
  mayAffiliate: boolean;
  onDone: (outcome: 'sent' | 'queued') => void;
  onCancel: () => void;
}

/** The API's refusal of a move, in Japanese: a move no longer allowed from the stage the workplace is at now. */
const refusal = (error: unknown): string =>
  error instanceof ApiError && error.body.code === 'ILLEGAL_STAGE_CHANGE'
    ? `このステージ変更は受け付けられませんでした。ほかの人が先にステージを変えた可能性があります。最新の状態を読み込み直しました。`
    : errorMessageJa(error);

/** 「ステージを変更」: the rules in Japanese, the move checked before it is sent, and the API's own refusal explained. */
export function StageMoveForm({ prospect, mayAffiliate, onDone, onCancel }: Props) {
  const label = useLabels();
  const stageLabel = (s: Stage) => label('stages', s);
  const queryClient = useQueryClient();

  const { values, base, field, formProps, saveProblem, saving, error } = useApiForm({
    initialValues: stageMoveValuesOf(prospect),
    validate: { note: checkNote },
    save: async (v, at: Prospect = prospect) => {
      try {
        return await moveStage(prospect, stageLabel(v.to), stageMoveBody(v, at.version));
      } catch (refused) {
        // a move no longer allowed (someone else moved it meanwhile): show the stage as it is now
        if (refused instanceof ApiError && refused.status === 409 && !isStaleSave(refused)) void prospectIsStale(queryClient, prospect.id);
        throw refused;
      }
    },
    onSaved: async (result) => {
      await prospectsChanged(queryClient);
      onDone(result.state);
    },
    stale: {
      record: prospect,
      reload: async (p) => {
        void prospectIsStale(queryClient, p.id);
        return queryClient.fetchQuery({ ...prospectQuery(p.id), staleTime: 0 });
      },
      valuesOf: stageMoveValuesOf,
      fields: STAGE_MOVE_FIELDS,
      compared: (p) => ({ stage: p.stage }),
      inWords: (p) => stageLabel(p.stage),
    },
  });
  const current = base ?? prospect;
  const decision = decideMove(current, values.to, stageLabel);

  return (
    <Stack gap="md">
      <div>
        <Text fw={700} size="sm">
          ステージ変更のきまり
        </Text>
        <List size="sm" spacing={2}>
          {STAGE_RULES_JA.map((rule) => (
            <List.Item key={rule}>{rule}</List.Item>
          ))}
        </List>
      </div>
      <form {...formProps} aria-label="ステージの変更">
        <Stack gap="md">
          <Text size="sm">
            現在のステージ: <strong>{stageLabel(current.stage)}</strong>
          </Text>
          <NativeSelect
            label="変更後のステージ"
            {...field('to', 'stage')}
            data={ALL_STAGES.filter((s) => s !== current.stage).map((s) => ({ value: s, label: stageLabel(s) }))}
          />
          {!decision.allowed && (
            <Alert color="orange" role="alert" title="この変更はできません" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
              {decision.reason}
            </Alert>
          )}
          {saveProblem.stale ? (
            <SaveProblem {...saveProblem} />
          ) : (
            error !== null && (
              <Alert color="red" role="alert">
                {refusal(error)}
              </Alert>
            )
          )}
          {decision.allowed && decision.via === 'move' && (
            <>
              <Textarea label={needsNote(values.to) ? '理由' : 'メモ(任意)'} required={needsNote(values.to)} autosize minRows={2} {...field('note')} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onCancel}>
                  キャンセル
                </Button>
                <Button type="submit" loading={saving}>
                  {stageLabel(values.to)}に変更
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
      {decision.allowed &&
        decision.via === 'affiliate' &&
        (mayAffiliate ? (
          <AffiliationForm prospect={current} onDone={onDone} onCancel={onCancel} />
        ) : (
          <Alert color="blue" role="status">
            加盟手続(雇用形態別の組合員数の記録)は地域連合の事務局が行います。事務局に連絡してください。
          </Alert>
        ))}
      {!(decision.allowed && decision.via === 'move') && !(decision.allowed && decision.via === 'affiliate' && mayAffiliate) && (
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            閉じる
          </Button>
        </Group>
      )}
    </Stack>
  );
}
