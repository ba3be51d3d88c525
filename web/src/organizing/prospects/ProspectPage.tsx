import { useState } from 'react';
import { Alert, Button, Card, Modal, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams, useRouteContext } from '@tanstack/react-router';
import { formatDate, formatNumber } from '../../platform/format/format';
import { RecordHistory } from '../../platform/audit/RecordHistory';
import { ProspectGroup } from '../company-groups/ProspectGroup';
import { QueryState } from '../../platform/shell/QueryState';
import { daysInStage } from '../pipeline/stages';
import { consultationsQuery, historyQuery, prospectQuery, todayInJapan, visitsQuery, type Prospect, type Visit } from '../queries';
import { VisitForm } from '../visits/VisitForm';
import { VisitList } from '../visits/VisitList';
import { VISIT_FIELDS } from '../visits/visit-fields';
import { AssignedOrganizers } from './AssignedOrganizers';
import { PROSPECT_FIELDS } from './prospect-fields';
import { StageHistory } from './StageHistory';
import { StageMoveForm } from './StageMoveForm';
import { StageStepper } from './StageStepper';

/** A workplace's 履歴 shows its own changes and its visits'. */
const PROSPECT_HISTORY_FIELDS = { prospect: PROSPECT_FIELDS, visit: VISIT_FIELDS };

type Dialog = { kind: 'visit'; visit?: Visit } | { kind: 'stage' } | null;

/** まちかど労働相談 that led to this workplace (council staff only: organizers do not read consultations). */
function LinkedConsultations({ prospectId }: { prospectId: string }) {
  const consultations = useQuery(consultationsQuery({ prospectId }));
  return (
    <QueryState isPending={consultations.isPending} error={consultations.error}>
      {() =>
        (consultations.data?.items ?? []).length === 0 ? (
          <Text size="sm">つながる労働相談はありません。</Text>
        ) : (
          <Stack gap="xs">
            {consultations.data?.items.map((c) => (
              <Card key={c.id} withBorder padding="sm" radius="md">
                <Text size="sm" fw={700}>
                  {formatDate(c.receivedOn)} {c.channelLabel}・{c.topicLabels.join('、')}
                </Text>
                <Text size="sm">{c.summary}</Text>
              </Card>
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

function Facts({ prospect }: { prospect: Prospect }) {
  const today = todayInJapan();
  return (
    <Text size="sm">
      {[prospect.establishmentName, prospect.municipality, `推定 ${formatNumber(prospect.estimatedWorkers)}人`, prospect.sourceLabel]
        .filter(Boolean)
        .join('・')}
      <br />「{prospect.stageLabel}」になって{formatNumber(daysInStage(prospect.stageChangedAt, today))}日・次回{' '}
      {prospect.nextActionOn ? formatDate(prospect.nextActionOn) : '未定'}
    </Text>
  );
}

/** 事業所詳細: the workplace, where it stands, what happened there (and its 「履歴」); 「訪問を記録」 and 「ステージを変更」. */
export function ProspectPage() {
  const { id } = useParams({ from: '/signed-in/prospects/$id' });
  const { me } = useRouteContext({ from: '/signed-in' });
  const prospect = useQuery(prospectQuery(id));
  const visits = useQuery(visitsQuery(id));
  const history = useQuery(historyQuery(id));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string>();
  const phone = useMediaQuery('(max-width: 36em)');
  const staff = me.role === 'regional';
  // a saved assignment starts the form afresh from the prospect as it is now (its new version)
  const [assignmentSaves, setAssignmentSaves] = useState(0);

  const done = (what: string) => (outcome: 'sent' | 'queued') => {
    setDialog(null);
    setNotice(outcome === 'sent' ? `${what}を保存しました。` : `${what}を送信待ちに入れました。電波が戻ると送信されます。`);
  };

  return (
    <QueryState isPending={prospect.isPending} error={prospect.error}>
      {() => {
        const p = prospect.data as Prospect;
        return (
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {p.employerName}
              </Title>
              <Facts prospect={p} />
            </Stack>
            <StageStepper stage={p.stage} heldFromStage={p.heldFromStage} />
            {notice && (
              <Alert color="green" role="status" withCloseButton closeButtonLabel="閉じる" onClose={() => setNotice(undefined)}>
                {notice}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={560}>
              <Button size="lg" onClick={() => setDialog({ kind: 'visit' })}>
                訪問を記録
              </Button>
              <Button size="lg" variant="default" onClick={() => setDialog({ kind: 'stage' })}>
                ステージを変更
              </Button>
            </SimpleGrid>

            <Tabs defaultValue="record" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="record">訪問と経過</Tabs.Tab>
                <Tabs.Tab value="history">履歴</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="record" pt="md">
                <Stack gap="lg">
                  <Stack gap="xs" component="section" aria-labelledby="visits-heading">
                    <Title order={2} size="h3" id="visits-heading">
                      訪問の記録
                    </Title>
                    <QueryState isPending={visits.isPending} error={visits.error}>
                      {() => <VisitList visits={visits.data?.items ?? []} myId={me.id} onEdit={(visit) => setDialog({ kind: 'visit', visit })} />}
                    </QueryState>
                  </Stack>

                  <Stack gap="xs" component="section" aria-labelledby="history-heading">
                    <Title order={2} size="h3" id="history-heading">
                      ステージの経過
                    </Title>
                    <QueryState isPending={history.isPending} error={history.error}>
                      {() => <StageHistory changes={history.data?.items ?? []} />}
                    </QueryState>
                  </Stack>

                  {me.role !== 'federation' && (
                    <AssignedOrganizers
                      key={assignmentSaves}
                      prospect={p}
                      mayAssign={me.role === 'admin' || (staff && me.regionalCouncilId === p.regionalCouncilId)}
                      onSaved={() => {
                        setAssignmentSaves((n) => n + 1);
                        setNotice('担当オルガナイザーを保存しました。');
                      }}
                    />
                  )}

                  {p.companyId && <ProspectGroup companyId={p.companyId} />}

                  {staff && (
                    <Stack gap="xs" component="section" aria-labelledby="consultations-heading">
                      <Title order={2} size="h3" id="consultations-heading">
                        つながる労働相談
                      </Title>
                      <LinkedConsultations prospectId={p.id} />
                    </Stack>
                  )}
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <RecordHistory path="/api/v1/prospects/{id}/audit" id={p.id} name={p.employerName} fields={PROSPECT_HISTORY_FIELDS} />
              </Tabs.Panel>
            </Tabs>

            <Modal
              opened={dialog !== null}
              onClose={() => setDialog(null)}
              title={dialog?.kind === 'stage' ? 'ステージを変更' : dialog?.kind === 'visit' && dialog.visit ? '訪問記録の修正' : '訪問を記録'}
              fullScreen={phone}
              // opens at once: a form half faded in is unreadable on a phone in the sun
              transitionProps={{ duration: 0 }}
              size="lg"
              closeButtonProps={{ 'aria-label': '閉じる' }}
            >
              {dialog?.kind === 'visit' && (
                <VisitForm prospect={p} visit={dialog.visit} onDone={done(dialog.visit ? '訪問記録の修正' : '訪問の記録')} onCancel={() => setDialog(null)} />
              )}
              {dialog?.kind === 'stage' && <StageMoveForm prospect={p} mayAffiliate={staff} onDone={done('ステージの変更')} onCancel={() => setDialog(null)} />}
            </Modal>
          </Stack>
        );
      }}
    </QueryState>
  );
}
