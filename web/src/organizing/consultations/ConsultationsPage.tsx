import { Alert, Button, Card, Chip, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { formatDate } from '../../platform/format/format';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { consultationsChanged, consultationsQuery, prospectsQuery, recordConsultation, todayInJapan } from '../queries';
import { consultationBody, consultationChecks, emptyConsultation, nextConsultation, type ConsultationValues } from './consultation-form';
import { PRIVACY_NOTICE_JA, contactDetailProblemJa } from './privacy';

/** The consultation form: the privacy rule said before anything is written, the API's refusal shown at the field. */
function ConsultationForm({ regionalCouncilId }: { regionalCouncilId: string | null }) {
  const label = useLabels();
  const prospects = useQuery(prospectsQuery({ regionalCouncilId: regionalCouncilId ?? undefined }));
  const queryClient = useQueryClient();

  const { values, form, field, problem, formProps, saving, error, saved } = useApiForm({
    initialValues: emptyConsultation(todayInJapan()),
    validate: consultationChecks,
    save: (v) => recordConsultation(formatDate(v.receivedOn), consultationBody(v)),
    onSaved: async (_result, recorded) => {
      form.setValues(nextConsultation(recorded));
      await consultationsChanged(queryClient);
    },
  });
  /** A field's problem: the form's own check, a contact detail the API found in it, or the API's other reason. */
  const fieldProps = (path: keyof ConsultationValues) => {
    const code = error instanceof ApiError ? error.fieldCode(path) : undefined;
    const own = form.errors[path];
    return { ...field(path), error: typeof own === 'string' ? own : (contactDetailProblemJa(code) ?? problem(path)) };
  };

  return (
    <form {...formProps} aria-label="労働相談の記録">
      <Stack>
        <Alert color="orange" title="氏名・連絡先は書かないでください" data-testid="privacy-notice" styles={{ title: { color: 'var(--mantine-color-black)' } }}>
          {PRIVACY_NOTICE_JA}
        </Alert>
        {error !== null && (
          <Alert color="red" role="alert">
            {errorMessageJa(error)}
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status">
            {saved.state === 'sent' ? '相談を記録しました。' : '送信待ちに入れました。電波が戻ると送信されます。'}
          </Alert>
        )}
        <Group grow wrap="nowrap" align="flex-start">
          <TextInput label="受付日" type="date" required max={todayInJapan()} {...fieldProps('receivedOn')} />
          <NativeSelect label="受付方法" {...fieldProps('channel')} data={label.options('consultationChannels')} />
        </Group>
        <div role="group" aria-labelledby="topics-label">
          <Text id="topics-label" fw={500} size="sm" mb={6}>
            相談内容の分類
          </Text>
          <Chip.Group multiple value={values.topics} onChange={(topics) => form.setFieldValue('topics', topics)}>
            <Group gap="xs">
              {label.options('consultationTopics').map((o) => (
                <Chip key={o.value} value={o.value} size="md" radius="sm">
                  {o.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {fieldProps('topics').error && (
            <Text c="red.8" size="sm" mt={4}>
              {fieldProps('topics').error}
            </Text>
          )}
        </div>
        <TextInput label="事業所名(わかれば)" {...fieldProps('employerName')} />
        <TextInput label="同じ悩みを持つ人数(おおよそ)" inputMode="numeric" {...fieldProps('workersConcerned')} />
        <Textarea label="相談の内容" description="何が起きているか。氏名・連絡先は書かない" required autosize minRows={4} {...fieldProps('summary')} />
        <NativeSelect
          label="つながる事業所"
          {...fieldProps('prospectId')}
          data={[{ value: '', label: 'なし' }, ...(prospects.data?.items ?? []).map((p) => ({ value: p.id, label: p.employerName }))]}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
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
