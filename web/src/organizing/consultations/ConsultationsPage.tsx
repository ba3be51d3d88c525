import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Chip, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { formatDate } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { sendOrQueue } from '../outbox/outbox';
import { membersFrom } from '../prospects/AffiliationForm';
import { consultationsQuery, prospectsQuery, todayInJapan } from '../pipeline/queries';
import { PRIVACY_NOTICE_JA, contactDetailProblemJa } from './privacy';

/** The consultation form: the privacy rule said before anything is written, the API's refusal shown at the field. */
function ConsultationForm({ regionalCouncilId }: { regionalCouncilId: string | null }) {
  const label = useLabels();
  const prospects = useQuery(prospectsQuery({ regionalCouncilId: regionalCouncilId ?? undefined }));
  const [receivedOn, setReceivedOn] = useState(todayInJapan());
  const [channel, setChannel] = useState('street');
  const [topics, setTopics] = useState<string[]>([]);
  const [employerName, setEmployerName] = useState('');
  const [workersConcerned, setWorkersConcerned] = useState('');
  const [summary, setSummary] = useState('');
  const [prospectId, setProspectId] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [saved, setSaved] = useState<string>();
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const record = useMutation({
    mutationFn: () =>
      sendOrQueue({
        label: `労働相談 ${formatDate(receivedOn)}`,
        method: 'POST',
        path: '/api/v1/consultations',
        body: {
          receivedOn,
          channel,
          topics,
          ...(employerName.trim() ? { employerName: employerName.trim() } : {}),
          ...(membersFrom(workersConcerned) ? { workersConcerned: membersFrom(workersConcerned) } : {}),
          summary: summary.trim(),
          ...(prospectId ? { prospectId } : {}),
        },
      }),
    onSuccess: async (result) => {
      setSaved(result.state === 'sent' ? '相談を記録しました。' : '送信待ちに入れました。電波が戻ると送信されます。');
      setSummary('');
      setEmployerName('');
      setWorkersConcerned('');
      setTopics([]);
      setProspectId('');
      await queryClient.invalidateQueries({ queryKey: ['consultations'] });
    },
  });
  const problem = (field: string): string | undefined => {
    if (missing.includes(field)) return field === 'topics' ? '相談内容の分類を1つ以上選んでください' : '入力してください';
    if (!(record.error instanceof ApiError)) return undefined;
    const raw = record.error.fieldCode(field);
    return contactDetailProblemJa(raw) ?? record.error.fieldMessage(field);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(undefined);
    const empty = [topics.length === 0 && 'topics', !summary.trim() && 'summary'].filter((f): f is string => Boolean(f));
    setMissing(empty);
    if (empty.length === 0) record.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate aria-label="労働相談の記録">
      <Stack>
        <Alert color="orange" title="氏名・連絡先は書かないでください" data-testid="privacy-notice" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
          {PRIVACY_NOTICE_JA}
        </Alert>
        {record.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(record.error)}
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status">
            {saved}
          </Alert>
        )}
        <Group grow wrap="nowrap" align="flex-start">
          <TextInput
            label="受付日"
            type="date"
            required
            max={todayInJapan()}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={problem('receivedOn')}
          />
          <NativeSelect
            label="受付方法"
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
            data={label.options('consultationChannels')}
            error={problem('channel')}
          />
        </Group>
        <div role="group" aria-labelledby="topics-label">
          <Text id="topics-label" fw={500} size="sm" mb={6}>
            相談内容の分類
          </Text>
          <Chip.Group multiple value={topics} onChange={setTopics}>
            <Group gap="xs">
              {label.options('consultationTopics').map((o) => (
                <Chip key={o.value} value={o.value} size="md" radius="sm">
                  {o.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {problem('topics') && (
            <Text c="red.8" size="sm" mt={4}>
              {problem('topics')}
            </Text>
          )}
        </div>
        <TextInput label="事業所名(わかれば)" value={employerName} onChange={(e) => setEmployerName(e.currentTarget.value)} error={problem('employerName')} />
        <TextInput
          label="同じ悩みを持つ人数(おおよそ)"
          inputMode="numeric"
          value={workersConcerned}
          onChange={(e) => setWorkersConcerned(e.currentTarget.value)}
          error={problem('workersConcerned')}
        />
        <Textarea
          label="相談の内容"
          description="何が起きているか。氏名・連絡先は書かない"
          required
          autosize
          minRows={4}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={problem('summary')}
        />
        <NativeSelect
          label="つながる事業所"
          value={prospectId}
          onChange={(e) => setProspectId(e.currentTarget.value)}
          data={[{ value: '', label: 'なし' }, ...(prospects.data?.items ?? []).map((p) => ({ value: p.id, label: p.employerName }))]}
          error={problem('prospectId')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            相談を記録
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** まちかど労働相談: record a street-corner consultation, and the council's latest ones. */
export function ConsultationsPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const recent = useQuery(consultationsQuery({}));
  return (
    <Stack maw={720}>
      <Title order={1}>まちかど労働相談</Title>
      <ConsultationForm regionalCouncilId={me.regionalCouncilId} />
      <Title order={2} size="h3">
        最近の相談
      </Title>
      <QueryState isPending={recent.isPending} error={recent.error}>
        {() => (
          <Stack gap="xs">
            {(recent.data?.items ?? []).slice(0, 20).map((c) => (
              <Card key={c.id} withBorder padding="sm" radius="md">
                <Text size="sm" fw={700}>
                  {formatDate(c.receivedOn)} {c.channelLabel}・{c.topicLabels.join('、')}
                  {c.employerName ? `・${c.employerName}` : ''}
                </Text>
                <Text size="sm">{c.summary}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
