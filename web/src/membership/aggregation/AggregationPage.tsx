import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorMessageJa } from '../../platform/api/errors';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { InvariantReport } from './InvariantReport';
import { checkInvariants, rebuildJobQuery, startRebuild } from './queries';
import { rebuildView } from './rebuild-job';

/** Where the queue UI (Bull Board) lives; it takes the console's session, for admins. */
const QUEUE_BOARD = '/api/v1/admin/queues';

/** The rebuild's state and percent, asked for until it is over. */
function RebuildProgress({ jobId }: { jobId: string }) {
  const job = useQuery(rebuildJobQuery(jobId));
  if (job.error)
    return (
      <Alert color="red" role="alert">
        {errorMessageJa(job.error)}
      </Alert>
    );
  const view = rebuildView(job.data ?? { state: 'waiting', progress: 0 });
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text id="rebuild-progress-label" fw={700}>
          再集計の進み具合
        </Text>
        <Text role="status" data-testid="rebuild-state">
          {view.stateLabel} {view.percent}%
        </Text>
      </Group>
      <Progress.Root size="xl">
        <Progress.Section value={view.percent} color={view.failed ? 'red.9' : view.finished ? 'teal.9' : 'blue.8'} aria-labelledby="rebuild-progress-label">
          <Progress.Label>{view.percent}%</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      {view.failed && (
        <Alert color="red" role="alert">
          再集計に失敗しました。集計は元のままです。時間をおいてもう一度お試しください。
        </Alert>
      )}
    </Stack>
  );
}

/** 集計 (admins): rebuild every rollup from the ledger, check them against it, open the queue UI. */
export function AggregationPage() {
  const rebuild = useApiForm({ initialValues: {}, save: startRebuild });
  const check = useMutation({ mutationFn: checkInvariants });

  return (
    <Stack gap="lg">
      <Title order={1}>集計</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="rebuild-heading">
        <Title order={2} size="h3" id="rebuild-heading" mb="xs">
          再集計
        </Title>
        <Text size="sm" mb="sm">
          組合員数の集計をすべて台帳から計算し直します。計算中も画面と報告はこれまでの集計で表示され、終わったときに一度に入れ替わります。
        </Text>
        <form {...rebuild.formProps}>
          <Stack gap="sm">
            <Group>
              <Button type="submit" loading={rebuild.saving}>
                再集計を開始
              </Button>
            </Group>
            <SaveProblem {...rebuild.saveProblem} />
            {rebuild.saved && <RebuildProgress key={rebuild.saved.jobId} jobId={rebuild.saved.jobId} />}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="invariants-heading">
        <Title order={2} size="h3" id="invariants-heading" mb="xs">
          整合性の確認
        </Title>
        <Text size="sm" mb="sm">
          集計が台帳(組合員数の増減の記録)の合計と一致しているかを確かめます。
        </Text>
        <Stack gap="sm">
          <Group>
            <Button variant="default" onClick={() => check.mutate()} loading={check.isPending}>
              整合性を確認
            </Button>
          </Group>
          {check.error && (
            <Alert color="red" role="alert">
              {errorMessageJa(check.error)}
            </Alert>
          )}
          {check.data && <InvariantReport report={check.data} />}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="queues-heading">
        <Title order={2} size="h3" id="queues-heading" mb="xs">
          キュー
        </Title>
        <Text size="sm">
          集計の処理待ち・実行中・失敗したジョブは{' '}
          <Anchor href={QUEUE_BOARD} target="_blank" rel="noopener">
            キュー管理画面(Bull Board、新しいタブ)
          </Anchor>{' '}
          で確認できます(管理者のみ・英語表示)。
        </Text>
      </Paper>
    </Stack>
  );
}
