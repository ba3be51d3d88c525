import { col, reportExport, sheet, yesNo, type RouteExports } from '../../platform/exports/export-definition';
import { labelOf } from '../../platform/labels/labels';
import { GOVERNANCE_BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS } from '../../structure/labels';
import { GENDER_TARGET_LABELS, PARITY_STATUS_LABELS } from '../labels';
import { GENDER_TARGETS } from './gender-participation';
import type { GenderParticipationReport, ParticipationBody, ParticipationOrganization } from './gender-participation.service';
import type { DuesMonth, DuesReport } from './dues.service';
import type { GenderGroup, GenderReport } from './gender.service';
import type { GrowthReport } from './growth.service';
import type { GrowthMonthDto, LossCauseDto, LossCausesReportDto, LossUnionDto } from './dto/report-answers.dto';
import type { CauseMembers, NetChangeMonth, NetChangeReport } from './net-change.service';

/** The heading of a report's grouping column, by `groupBy`. */
const GROUP_HEADERS: Record<string, string> = {
  total: '集計',
  federation: '構成組織',
  regionalCouncil: '地域連合',
  sector: '部門',
  union: '組合',
  employmentType: '雇用形態',
  gender: '性別',
};

/** Per-group sheets beside the long-form one, when there are few enough to page through. */
const MAX_GROUP_SHEETS = 60;

type GroupMonth = GrowthMonthDto & { group: string };

const monthColumns = [
  col.month<GrowthMonthDto>('月', (m) => m.month),
  col.number<GrowthMonthDto>('増加', (m) => m.increase),
  col.number<GrowthMonthDto>('減少', (m) => m.decrease),
  col.number<GrowthMonthDto>('調査による調整', (m) => m.adjustment),
  col.number<GrowthMonthDto>('純増減', (m) => m.net),
  col.number<GrowthMonthDto>('月末組合員数', (m) => m.members),
  col.number<GrowthMonthDto>('公表時の組合員数', (m) => m.publishedMembers),
];

const growth = reportExport<GrowthReport>({ fileName: '組織拡大の推移', asciiName: 'growth' }, (answer, names) => {
  const groupHeader = GROUP_HEADERS[answer.groupBy] ?? '区分';
  const longForm: GroupMonth[] = answer.groups.flatMap((g) => g.months.map((m) => ({ ...m, group: g.label })));
  const sheets = [sheet('推移(全体)', [col.text<GroupMonth>(groupHeader, (m) => m.group), ...monthColumns], longForm, names)];
  if (answer.groups.length > 1 && answer.groups.length <= MAX_GROUP_SHEETS) {
    sheets.push(...answer.groups.map((g) => sheet(g.label, monthColumns, g.months, names)));
  }
  return sheets;
});

const lossCauses = reportExport<LossCausesReportDto>({ fileName: '減少要因', asciiName: 'loss-causes' }, (answer, names) => [
  sheet(
    '要因別',
    [
      col.text<LossCauseDto>('減少要因', (c) => c.label),
      col.number<LossCauseDto>('減少人数', (c) => c.members),
      col.percent<LossCauseDto>('構成比', (c) => c.share),
      col.number<LossCauseDto>('前期間の減少人数', (c) => c.previousPeriodMembers),
      col.number<LossCauseDto>('前期間との差', (c) => c.members - c.previousPeriodMembers),
      col.number<LossCauseDto>('公表時の減少人数', (c) => c.publishedMembers),
    ],
    answer.causes,
    names,
  ),
  sheet('減少の多い組合', [col.text<LossUnionDto>('組合名', (u) => u.name), col.number<LossUnionDto>('減少人数', (u) => u.members)], answer.topUnions, names),
]);

type CauseLine = CauseMembers & { month: string; kind: string };

const netChange = reportExport<NetChangeReport>({ fileName: '増減の内訳', asciiName: 'net-change' }, (answer, names) => {
  const lines: CauseLine[] = answer.months.flatMap((m) => [
    ...m.gains.map((g) => ({ ...g, month: m.month, kind: '増加' })),
    ...m.losses.map((l) => ({ ...l, month: m.month, kind: '減少' })),
  ]);
  return [
    sheet(
      '事由別',
      [
        col.month<CauseLine>('月', (l) => l.month),
        col.text<CauseLine>('区分', (l) => l.kind),
        col.text<CauseLine>('事由', (l) => l.label),
        col.number<CauseLine>('人数', (l) => l.members),
      ],
      lines,
      names,
    ),
    sheet(
      '月別',
      [
        col.month<NetChangeMonth>('月', (m) => m.month),
        col.number<NetChangeMonth>('増加', (m) => m.gains.reduce((sum, g) => sum + g.members, 0)),
        col.number<NetChangeMonth>('減少', (m) => m.losses.reduce((sum, l) => sum + l.members, 0)),
        col.number<NetChangeMonth>('調査による調整', (m) => m.adjustment),
        col.number<NetChangeMonth>('純増減', (m) => m.net),
        col.number<NetChangeMonth>('公表時の純増減', (m) => m.publishedNet),
      ],
      answer.months,
      names,
    ),
  ];
});

const gender = reportExport<GenderReport>({ fileName: '男女別組合員数', asciiName: 'gender' }, (answer, names) => [
  sheet(
    '男女別',
    [
      col.text<GenderGroup>('区分', (g) => g.label),
      col.number<GenderGroup>('女性', (g) => g.female),
      col.number<GenderGroup>('男性', (g) => g.male),
      col.number<GenderGroup>('未回答', (g) => g.unspecified),
      col.number<GenderGroup>('組合員数', (g) => g.members),
      col.percent<GenderGroup>('女性比率', (g) => g.femaleShare),
      col.percent<GenderGroup>('女性比率(性別回答者中)', (g) => g.femaleShareOfKnown),
    ],
    [...answer.groups, { ...answer.total, key: 'total', label: '合計' }],
    names,
  ),
]);

const dues = reportExport<DuesReport>({ fileName: '会費収入見込み', asciiName: 'dues-projection' }, (answer, names) => [
  sheet(
    `${answer.fiscalYear}年度`,
    [
      col.month<DuesMonth>('月', (m) => m.month),
      col.number<DuesMonth>('組合員数', (m) => m.members),
      col.text<DuesMonth>('見込み', (m) => (m.projected ? '見込み' : '実績')),
      col.number<DuesMonth>('会費収入(円)', (m) => m.dues),
    ],
    answer.months,
    names,
  ),
]);

const statusOf = (status: string): string => labelOf(PARITY_STATUS_LABELS, status);
type BodyLine = ParticipationBody & { organization: string };

const genderParticipation = reportExport<GenderParticipationReport>(
  { fileName: 'ジェンダー平等推進計画の達成状況', asciiName: 'gender-participation' },
  (answer, names) => [
    sheet(
      `${answer.fiscalYear}年度`,
      [
        col.text<ParticipationOrganization>('組織', (o) => o.name),
        col.text<ParticipationOrganization>('区分', (o) => labelOf(ORGANIZATION_KIND_LABELS, o.kind)),
        col.number<ParticipationOrganization>('組合員数', (o) => o.members),
        col.number<ParticipationOrganization>('女性組合員', (o) => o.female),
        col.percent<ParticipationOrganization>('女性組合員比率', (o) => o.memberFemaleShare),
        col.percent<ParticipationOrganization>('性別の把握率', (o) => o.memberGenderCoverage),
        col.number<ParticipationOrganization>('執行委員数', (o) => o.executiveSeats),
        col.number<ParticipationOrganization>('うち女性', (o) => o.executiveWomen),
        col.percent<ParticipationOrganization>('執行委員の女性比率', (o) => o.executiveWomenShare),
        col.decimal<ParticipationOrganization>('差(ポイント)', (o) => o.executiveGapPoints),
        col.text<ParticipationOrganization>('達成状況', (o) => statusOf(o.executiveStatus)),
        col.text<ParticipationOrganization>('女性枠', (o) => yesNo(o.womenQuota)),
        ...GENDER_TARGETS.map((target) =>
          col.text<ParticipationOrganization>(GENDER_TARGET_LABELS[target][0], (o) =>
            statusOf(o.targets.find((t) => t.target === target)?.status ?? 'unknown'),
          ),
        ),
        col.percent<ParticipationOrganization>('前年度の女性組合員比率', (o) => o.previous.memberFemaleShare),
        col.percent<ParticipationOrganization>('前年度の執行委員の女性比率', (o) => o.previous.executiveWomenShare),
        col.text<ParticipationOrganization>('前年度の達成状況', (o) => statusOf(o.previous.executiveStatus)),
      ],
      answer.organizations,
      names,
    ),
    sheet(
      '機関別',
      [
        col.text<BodyLine>('組織', (b) => b.organization),
        col.text<BodyLine>('機関', (b) => b.name),
        col.text<BodyLine>('種類', (b) => labelOf(GOVERNANCE_BODY_KIND_LABELS, b.kind)),
        col.number<BodyLine>('定数', (b) => b.seats),
        col.number<BodyLine>('女性', (b) => b.women),
        col.number<BodyLine>('男性', (b) => b.men),
        col.number<BodyLine>('不明', (b) => b.unspecified),
        col.text<BodyLine>('女性枠', (b) => yesNo(b.womenQuota)),
        col.percent<BodyLine>('女性比率', (b) => b.womenShare),
        col.decimal<BodyLine>('差(ポイント)', (b) => b.gapPoints),
        col.decimal<BodyLine>('パリティ(女性比率/女性組合員比率)', (b) => b.parity),
        col.text<BodyLine>('達成状況', (b) => statusOf(b.status)),
        col.percent<BodyLine>('前年度の女性比率', (b) => b.previous.womenShare),
        col.text<BodyLine>('前年度の達成状況', (b) => statusOf(b.previous.status)),
      ],
      answer.organizations.flatMap((o) => o.bodies.map((b) => ({ ...b, organization: o.name }))),
      names,
    ),
  ],
);

export const REPORT_EXPORTS: RouteExports = {
  '/reports/growth': growth,
  '/reports/loss-causes': lossCauses,
  '/reports/net-change': netChange,
  '/reports/gender': gender,
  '/reports/dues-projection': dues,
  '/reports/gender-participation': genderParticipation,
};
