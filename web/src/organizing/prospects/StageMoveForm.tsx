import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { sendOrQueue } from '../outbox/outbox';
import { ALL_STAGES, PATH_STAGES, STAGE_RULES_JA, allowedNextStages, decideMove, needsNote, stageIndex, type Stage } from '../pipeline/stages';
import type { Prospect } from '../pipeline/queries';
import { AffiliationForm } from './AffiliationForm';

/** The form starts at the next step forward when there is one, else the first move allowed. */
function firstChoice(current: { stage: Stage; heldFromStage: Stage | null }): Stage {
  const allowed = allowedNextStages(current);
  const forward = PATH_STAGES[stageIndex(current.stage) + 1];
  if (stageIndex(current.stage) >= 0 && forward && forward !== 'affiliated' && allowed.includes(forward)) return forward;
  return allowed.find((s) => s !== 'affiliated' && s !== 'lost') ?? allowed[0] ?? current.stage;
}

interface Props {
  prospect: Prospect;
  /** Council staff affiliate; organizers see why they cannot. */
  mayAffiliate: boolean;
  onDone: (outcome: 'sent' | 'queued') => void;
  onCancel: () => void;
}

/** 「ステージを変更」: the rules in Japanese, the move checked before it is sent, and the API's own refusal explained. */
export function StageMoveForm({ prospect, mayAffiliate, onDone, onCancel }: Props) {
  const label = useLabels();
  const stageLabel = (s: Stage) => label('stages', s);
  const current = { stage: prospect.stage, heldFromStage: prospect.heldFromStage };
  const [to, setTo] = useState<Stage>(firstChoice(current));
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();
  const decision = decideMove(current, to, stageLabel);

  const move = useMutation({
    mutationFn: () =>
      sendOrQueue({
        label: `ステージ変更 ${prospect.employerName}(${stageLabel(to)})`,
        method: 'POST',
        path: `/api/v1/prospects/${prospect.id}/stage`,
        body: { stage: to, version: prospect.version, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['prospects'] });
      void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
      onDone(result.state);
    },
    onError: (error) => {
      // someone else moved it meanwhile: show the stage as it is now
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['prospects', prospect.id] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision.allowed || decision.via !== 'move') return;
    if (needsNote(to) && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    move.mutate();
  }

  const refusal = (error: unknown): string =>
    error instanceof ApiError && error.body.code === 'ILLEGAL_STAGE_CHANGE'
      ? `このステージ変更は受け付けられませんでした。ほかの人が先にステージを変えた可能性があります。最新の状態を読み込み直しました。`
      : errorMessageJa(error);

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
      <form onSubmit={submit} onKeyDown={imeSafe} noValidate aria-label="ステージの変更">
        <Stack gap="md">
          <Text size="sm">
            現在のステージ: <strong>{stageLabel(prospect.stage)}</strong>
          </Text>
          <NativeSelect
            label="変更後のステージ"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value as Stage);
              move.reset();
            }}
            data={ALL_STAGES.filter((s) => s !== prospect.stage).map((s) => ({ value: s, label: stageLabel(s) }))}
          />
          {!decision.allowed && (
            <Alert color="orange" role="alert" title="この変更はできません" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
              {decision.reason}
            </Alert>
          )}
          {move.error !== null && (
            <Alert color="red" role="alert">
              {refusal(move.error)}
            </Alert>
          )}
          {decision.allowed && decision.via === 'move' && (
            <>
              <Textarea
                label={needsNote(to) ? '理由' : 'メモ(任意)'}
                required={needsNote(to)}
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={noteMissing && !note.trim() ? '断念の理由を入力してください' : undefined}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onCancel}>
                  キャンセル
                </Button>
                <Button type="submit" loading={move.isPending}>
                  {stageLabel(to)}に変更
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
      {decision.allowed &&
        decision.via === 'affiliate' &&
        (mayAffiliate ? (
          <AffiliationForm prospect={prospect} onDone={onDone} onCancel={onCancel} />
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
