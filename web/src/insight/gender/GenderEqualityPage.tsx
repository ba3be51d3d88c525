import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { preloadCharts } from '../../platform/charts/useEChart';
import { formatDateTime, formatFiscalYear } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { fiscalYearChoices, fiscalYearOfMonth } from '../dashboard/fiscal-year';
import { currentMonth, genderParticipationQuery, type GenderGroupBy } from '../queries';
import { CompositionForm } from './CompositionForm';
import { ParticipationFigure } from './ParticipationFigure';
import { tally } from './participation';
import { ExecutiveTable, TargetsTable } from './ParticipationTables';

// the charts' library downloads while the screen's figures do
preloadCharts();

const GROUPINGS: { value: GenderGroupBy; label: string }[] = [
  { value: 'federation', label: '構成組織' },
  { value: 'regionalCouncil', label: '地域連合' },
];

/**
 * ジェンダー平等: women in the executive and decision bodies against the members' own female
 * share, organization by organization, and the plan's targets (達成 / 未達 / 未把握). Leadership
 * and admins see every organization; federation and council staff their own.
 */
export function GenderEqualityPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const now = currentMonth();
  const [fiscalYear, setFiscalYear] = useState(() => fiscalYearOfMonth(now));
  const [groupBy, setGroupBy] = useState<GenderGroupBy>('federation');
  const [recording, setRecording] = useState(false);
  const everyone = me.role === 'admin' || me.role === 'leadership';
  const reportOf = genderParticipationQuery({ fiscalYear, groupBy });
  const report = useQuery(reportOf);
  const years = fiscalYearChoices(now);
  const counts = report.data ? tally(report.data.organizations) : undefined;

  return (
    <Stack gap="lg">
      <Title order={1}>ジェンダー平等</Title>
      <Text size="sm">
        執行委員会や議決機関の女性比率を、組合員の女性比率(組合員数の記録から)と比べます。組合員比率以上で「達成」、構成が記録されていないときは「未把握」です。
      </Text>
      <Group align="flex-end" className="no-print">
        <NativeSelect label="対象年度" value={String(fiscalYear)} onChange={(e) => setFiscalYear(Number(e.currentTarget.value))} data={years} />
        {everyone && (
          <SegmentedControl
            value={groupBy}
            onChange={(v) => setGroupBy(v === 'regionalCouncil' ? 'regionalCouncil' : 'federation')}
            data={GROUPINGS}
            aria-label="比べる組織"
          />
        )}
        <Button onClick={() => setRecording(true)} disabled={!report.data?.organizations.length}>
          構成を記録
        </Button>
      </Group>
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          report.data && (
            <>
              {counts && (
                <Text data-testid="gender-tally">
                  {formatFiscalYear(report.data.fiscalYear)}の執行委員会:達成 {counts.met}・未達 {counts.not_met}・未把握 {counts.unknown}
                  {report.data.asOf && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({formatDateTime(report.data.asOf)} までの記録による)
                    </Text>
                  )}
                </Text>
              )}
              <Stack component="section" aria-labelledby="parity-heading" gap="xs">
                <Title order={2} id="parity-heading" size="h3">
                  女性組合員比率と執行委員の女性比率
                </Title>
                <ExportButtons name="ジェンダー平等推進計画の達成状況" of={reportOf} />
                <ParticipationFigure report={report.data} />
                <ExecutiveTable report={report.data} />
              </Stack>
              <Stack component="section" aria-labelledby="targets-heading" gap="xs">
                <Title order={2} id="targets-heading" size="h3">
                  計画の目標
                </Title>
                <TargetsTable report={report.data} />
              </Stack>
            </>
          )
        }
      </QueryState>
      <Modal opened={recording} onClose={() => setRecording(false)} title="構成を記録" size="lg">
        {recording && report.data && (
          <CompositionForm
            organizations={report.data.organizations}
            fiscalYear={fiscalYear}
            years={years}
            onSaved={() => setRecording(false)}
            onCancel={() => setRecording(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}
