import { ExportColumn, RouteExports, col, listExport, reportExport, sheet } from '../../platform/exports/export-definition';
import { labelOf } from '../../platform/labels/labels';
import { STAGE_LABELS } from '../labels';
import type { CompanyGroupDto, CompanyGroupNodeDto, CompanyGroupSummaryDto, GroupTotalsDto } from './dto/company-group.dto';

/** The tree in document order (a parent before its children). */
const inOrder = (node: CompanyGroupNodeDto): CompanyGroupNodeDto[] => [node, ...node.children.flatMap(inOrder)];

/** Prospects by stage as one cell: 候補把握 2、接触 1. */
const stagesText = (byStage: Record<string, number>): string =>
  Object.entries(byStage)
    .map(([stage, n]) => `${labelOf(STAGE_LABELS, stage)} ${n}`)
    .join('、');

/** One row per company, its name indented by its depth (full-width spaces), as the screen shows the tree. */
const nodeColumns: ExportColumn<CompanyGroupNodeDto>[] = [
  col.number('階層', (n) => n.depth),
  col.text('企業名', (n) => `${'　'.repeat(n.depth * 2)}${n.company.name}`),
  col.text('法人番号', (n) => n.company.corporateNumber),
  col.text('関係', (n) => n.relation?.kindLabel ?? '（親会社）'),
  col.decimal('議決権比率', (n) => n.relation?.votingShare ?? null),
  col.text('都道府県', (n) => n.company.prefecture),
  col.text('市区町村', (n) => n.company.municipality),
  col.text('状況', (n) => n.statusLabel),
  col.text('組合', (n) => n.unions.map((u) => (u.federationName ? `${u.name}（${u.federationName}）` : u.name)).join('、') || null),
  col.number('組合員数', (n) => n.organizedMembers),
  col.number('従業員数', (n) => n.employees),
  col.percent('組織率', (n) => n.organizationRate),
  col.text('組織化の段階', (n) => n.prospect?.stageLabel ?? null),
  col.date('最終訪問日', (n) => n.prospect?.lastVisitOn ?? null),
];

const totalColumns = (prefecture: string): ExportColumn<GroupTotalsDto>[] => [
  col.number('企業数', (t) => t.companies),
  col.number('従業員数', (t) => t.employees),
  col.number('組合員数', (t) => t.organizedMembers),
  col.percent('組織率', (t) => t.organizationRate),
  col.number('未組織の企業数', (t) => t.unorganizedCompanies),
  col.number(`未組織の企業数（${prefecture}）`, (t) => t.unorganizedInPrefecture),
  col.text('組織化の段階', (t) => stagesText(t.prospectsByStage)),
];

const tree = reportExport<CompanyGroupDto>({ fileName: '企業グループ', asciiName: 'company-group' }, (answer, names) => [
  sheet('企業グループ', nodeColumns, inOrder(answer.root), names),
  sheet('合計', totalColumns(answer.prefecture), [answer.totals], names),
]);

const targets = listExport<CompanyGroupSummaryDto>({ fileName: '組織化の対象グループ', asciiName: 'company-group-targets', sheetName: '対象グループ' }, [
  col.text('親会社', (g) => g.company.name),
  col.text('法人番号', (g) => g.company.corporateNumber),
  col.text('連合加盟の組合', (g) => (g.hasAffiliatedUnion ? 'あり' : 'なし')),
  col.number('企業数', (g) => g.totals.companies),
  col.number('従業員数', (g) => g.totals.employees),
  col.number('組合員数', (g) => g.totals.organizedMembers),
  col.percent('組織率', (g) => g.totals.organizationRate),
  col.number('未組織の企業数', (g) => g.totals.unorganizedCompanies),
  col.number('未組織の企業数（県内）', (g) => g.totals.unorganizedInPrefecture),
  col.text('組織化の段階', (g) => stagesText(g.totals.prospectsByStage)),
]);

export const COMPANY_GROUP_EXPORTS: RouteExports = {
  '/company-groups': targets,
  '/company-groups/:companyId': tree,
};
