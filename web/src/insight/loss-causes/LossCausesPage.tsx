import { useState } from 'react';
import { Anchor, Button, Group, Modal, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { MonthSelect } from '../../platform/forms/MonthSelect';
import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { useRouteContext } from '@tanstack/react-router';
import { formatMonth, formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { councilsQuery } from '../../structure/queries';
import { lossCausesQuery, trailingYear } from '../queries';
import { LossCausesFigure } from './LossCausesFigure';
import { type Drill, LossDrilldown } from './LossDrilldown';
import { ReviewForm } from './ReviewForm';
import { ReviewList } from './ReviewList';
import { preloadCharts } from '../../platform/charts/useEChart';
import { ExportButtons } from '../../platform/tables/ExportButtons';

// the charts' library downloads while the screen's figures do
preloadCharts();

/** 減少要因: a council's losses by cause against the previous period, the unions behind them, its review. */
export function LossCausesPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const [range, setRange] = useState(trailingYear);
  const [chosenCouncil, setChosenCouncil] = useState('');
  const councilId = me.regionalCouncilId ?? (chosenCouncil || undefined);
  const councils = useQuery({ ...councilsQuery, enabled: !me.regionalCouncilId });
  const reportOf = lossCausesQuery({ ...range, regionalCouncilId: councilId });
  const report = useQuery(reportOf);
  // a new review, or one of the council's own being edited
  const [drill, setDrill] = useState<Drill>();
  const [reviewing, setReviewing] = useState<Schemas['LossReviewDto'] | 'new'>();
  const mayReview = Boolean(councilId) && (me.role === 'regional' || me.role === 'admin');
  const causeOptions = [...(report.data?.causes ?? [])].sort((a, b) => b.members - a.members).map((c) => ({ value: c.cause, label: c.label }));
  const editing = reviewing === 'new' ? undefined : reviewing;
  const options = editing
    ? [...editing.causeLabels.map((c) => ({ value: c.cause, label: c.label })), ...causeOptions.filter((o) => !editing.causes.includes(o.value))]
    : causeOptions;

  return (
    <Stack gap="lg">
      <Title order={1}>減少要因</Title>
      <Group align="flex-end" className="no-print">
        {!me.regionalCouncilId && (
          <NativeSelect
            label="地域連合"
            value={chosenCouncil}
            onChange={(e) => setChosenCouncil(e.currentTarget.value)}
            data={[{ value: '', label: '全体' }, ...(councils.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
        )}
        <MonthSelect label="対象期間(開始月)" value={range.from} onChange={(from) => setRange({ ...range, from })} />
        <MonthSelect label="対象期間(終了月)" value={range.to} onChange={(to) => setRange({ ...range, to })} />
        {mayReview && (
          <Button onClick={() => setReviewing('new')} disabled={!report.data}>
            振り返りを記録
          </Button>
        )}
      </Group>
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          report.data && (
            <>
              <Stack component="section" aria-labelledby="causes-heading" gap="xs">
                <Title order={2} id="causes-heading" size="h3">
                  要因別の減少({formatMonth(report.data.from)}〜{formatMonth(report.data.to)}、計 {formatNumber(report.data.total)}人)
                </Title>
                <ExportButtons name="要因別の減少と減少の多い単組" of={reportOf} />
                <LossCausesFigure report={report.data} title="要因別の減少" onOpenCause={(cause) => setDrill({ cause })} />
              </Stack>
              <Stack component="section" aria-labelledby="unions-heading" gap="xs">
                <Title order={2} id="unions-heading" size="h3">
                  減少の多い単組
                </Title>
                <ExportButtons name="減少の多い単組" of={reportOf} />
                {report.data.topUnions.length ? (
                  <Table withTableBorder striped>
                    <Table.Caption>期間中の減少人数の多い順。人数を押すと台帳の行を表示します。</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>単組</Table.Th>
                        <Table.Th ta="right">減少(人)</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.data.topUnions.map((u) => (
                        <Table.Tr key={u.unionId}>
                          <Table.Td>{u.name}</Table.Td>
                          <Table.Td ta="right">
                            <Anchor
                              component="button"
                              type="button"
                              onClick={() => setDrill({ union: u })}
                              aria-label={`${u.name} ${formatNumber(u.members)}人の台帳の行を見る`}
                            >
                              {formatNumber(u.members)}
                            </Anchor>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : (
                  <Text c="dimmed">この期間の減少はありません。</Text>
                )}
              </Stack>
            </>
          )
        }
      </QueryState>
      {report.data && <LossDrilldown drill={drill} onChange={setDrill} from={report.data.from} to={report.data.to} regionalCouncilId={councilId} />}
      <ReviewList mayEdit={(r) => me.role === 'admin' || (me.role === 'regional' && r.regionalCouncilId === me.regionalCouncilId)} onEdit={setReviewing} />
      <Modal opened={Boolean(reviewing)} onClose={() => setReviewing(undefined)} title={editing ? '振り返りを編集' : '振り返りを記録'} size="lg">
        {reviewing && (
          <ReviewForm
            key={editing?.id ?? 'new'}
            regionalCouncilId={editing?.regionalCouncilId ?? councilId ?? ''}
            from={range.from}
            to={range.to}
            causes={options}
            review={editing}
            onSaved={() => setReviewing(undefined)}
            onCancel={() => setReviewing(undefined)}
          />
        )}
      </Modal>
    </Stack>
  );
}
