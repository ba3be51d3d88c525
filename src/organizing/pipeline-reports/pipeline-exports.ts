import { ExportColumn, RouteExports, col, reportExport, sheet } from '../../platform/exports/export-definition';
import { labelOf } from '../../platform/labels/labels';
import { VISIT_OUTCOME_LABELS } from '../labels';
import { VISIT_OUTCOMES } from '../visits/visit.entity';
import type { ActivityFigures, CouncilActivity, OrganizerActivity, OrganizerActivityReport, PipelineReport } from './pipeline-report.dto';
import type { Conversion, GroupFigures, StageFigures } from './pipeline-figures';

type Grouped<T> = T & { group: string; kind: string };

/** Every group's figures, long-form: the whole, each council, each organizer. */
function groups(answer: PipelineReport): { group: string; kind: string; figures: GroupFigures }[] {
  return [
    { group: '全体', kind: '全体', figures: answer.total },
    ...answer.byCouncil.map((c) => ({ group: c.label, kind: '地域連合', figures: c.figures })),
    ...answer.byOrganizer.map((o) => ({ group: o.label, kind: '担当者', figures: o.figures })),
  ];
}

const pipeline = reportExport<PipelineReport>({ fileName: '組織化の進捗', asciiName: 'pipeline' }, (answer, names) => {
  const all = groups(answer);
  const stages: Grouped<StageFigures>[] = all.flatMap((g) => g.figures.stages.map((s) => ({ ...s, group: g.group, kind: g.kind })));
  const conversions: Grouped<Conversion>[] = all.flatMap((g) => g.figures.conversions.map((c) => ({ ...c, group: g.group, kind: g.kind })));
  return [
    sheet(
      'ステージ別',
      [
        col.text<Grouped<StageFigures>>('区分', (s) => s.kind),
        col.text<Grouped<StageFigures>>('名称', (s) => s.group),
        col.text<Grouped<StageFigures>>('ステージ', (s) => s.label),
        col.number<Grouped<StageFigures>>('候補数', (s) => s.prospects),
        col.number<Grouped<StageFigures>>('推定労働者数', (s) => s.estimatedWorkers),
        col.decimal<Grouped<StageFigures>>('滞留日数(中央値)', (s) => s.medianDays),
      ],
      stages,
      names,
    ),
    sheet(
      '移行率',
      [
        col.text<Grouped<Conversion>>('区分', (c) => c.kind),
        col.text<Grouped<Conversion>>('名称', (c) => c.group),
        col.text<Grouped<Conversion>>('移行元', (c) => c.fromLabel),
        col.text<Grouped<Conversion>>('移行先', (c) => c.toLabel),
        col.number<Grouped<Conversion>>('到達数', (c) => c.reached),
        col.number<Grouped<Conversion>>('移行数', (c) => c.advanced),
        col.percent<Grouped<Conversion>>('移行率', (c) => c.rate),
      ],
      conversions,
      names,
    ),
    sheet(
      '見込み',
      [
        col.text<(typeof all)[number]>('区分', (g) => g.kind),
        col.text<(typeof all)[number]>('名称', (g) => g.group),
        col.number<(typeof all)[number]>('候補数', (g) => g.figures.prospects),
        col.number<(typeof all)[number]>('対象労働者数', (g) => g.figures.workersCovered),
        col.decimal<(typeof all)[number]>('見込み組合員数', (g) => g.figures.expectedMembers),
        col.number<(typeof all)[number]>('加盟による組合員数', (g) => g.figures.affiliatedMembers),
      ],
      all,
      names,
    ),
  ];
});

/** The activity columns shared by organizers and councils: visits by each outcome, then the rest. */
function activityColumns<T extends ActivityFigures>(): ExportColumn<T>[] {
  return [
    col.number<T>('訪問等', (a) => a.visits),
    ...VISIT_OUTCOMES.map((outcome) =>
      col.number<T>(`結果:${labelOf(VISIT_OUTCOME_LABELS, outcome)}`, (a) => a.visitsByOutcome.find((v) => v.outcome === outcome)?.visits ?? 0),
    ),
    col.number<T>('結果未記入', (a) => a.visitsWithoutOutcome),
    col.number<T>('相談対応', (a) => a.consultations),
    col.number<T>('ステージ前進', (a) => a.stageAdvances),
    col.number<T>('結成', (a) => a.foundings),
    col.number<T>('加盟', (a) => a.affiliations),
  ];
}

const organizerActivity = reportExport<OrganizerActivityReport>(
  { fileName: 'オルガナイザー活動', asciiName: 'organizer-activity', needs: ['regionalCouncils'] },
  (answer, names) => [
    sheet(
      '担当者別',
      [
        col.month<OrganizerActivity>('月', () => answer.month),
        col.text<OrganizerActivity>('担当者', (o) => o.label),
        col.text<OrganizerActivity>('役割', (o) => o.roleLabel),
        col.text<OrganizerActivity>('地域連合', (o) => names.regionalCouncil(o.regionalCouncilId)),
        ...activityColumns<OrganizerActivity>(),
      ],
      answer.organizers,
      names,
    ),
    sheet(
      '地域連合別',
      [
        col.month<CouncilActivity>('月', () => answer.month),
        col.text<CouncilActivity>('地域連合', (c) => c.label),
        col.number<CouncilActivity>('街頭労働相談', (c) => c.streetConsultations),
        ...activityColumns<CouncilActivity>(),
      ],
      [...answer.councils, { ...answer.total, regionalCouncilId: '', label: '合計' }],
      names,
    ),
  ],
);

export const PIPELINE_EXPORTS: RouteExports = {
  '/reports/pipeline': pipeline,
  '/reports/organizer-activity': organizerActivity,
};
