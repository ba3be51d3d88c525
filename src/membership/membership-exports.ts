import { RouteExports, col, listExport } from '../platform/exports/export-definition';
import { labelOf } from '../platform/labels/labels';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from './vocabulary';
import type { MembershipChangeDto } from './membership-changes/dto/membership-change.dto';
import type { MembershipSurveyDto } from './membership-surveys/dto/submit-membership-survey.dto';
import type { ClosedPeriodDto } from './periods/dto/period.dto';

const SOURCES: Record<string, string> = {
  api: '個別入力',
  bulk: '一括入力',
  reversal: '取消',
  survey: '年次調査',
  affiliation: '加盟',
  import: '取込',
  demo: 'デモデータ',
};

const membershipChanges = listExport<MembershipChangeDto>(
  { fileName: '組合員数増減', asciiName: 'membership-changes', sheetName: '増減', needs: ['unions', 'users'] },
  [
    col.date('発効日', (c) => c.effectiveOn),
    col.text('組合コード', (c, names) => names.unionCode(c.unionId)),
    col.text('組合名', (c, names) => names.union(c.unionId)),
    col.number('増減数', (c) => c.delta),
    col.text('事由', (c) => c.causeLabel),
    col.text('雇用形態', (c) => labelOf(EMPLOYMENT_TYPE_LABELS, c.employmentType)),
    col.text('性別', (c) => labelOf(GENDER_LABELS, c.gender)),
    col.text('備考', (c) => c.note),
    col.text('取消', (c) => (c.reversalOf ? '取消の記録' : c.reversedBy ? '取消済み' : null)),
    col.text('入力方法', (c) => SOURCES[c.source] ?? c.source),
    col.datetime('記録日時', (c) => c.recordedAt),
    col.text('記録者', (c, names) => names.user(c.recordedBy)),
  ],
);

const membershipSurveys = listExport<MembershipSurveyDto>(
  { fileName: '年次組合員数調査', asciiName: 'membership-surveys', sheetName: '年次調査', needs: ['unions', 'users'] },
  [
    col.date('調査日', (s) => s.surveyedOn),
    col.text('組合コード', (s, names) => names.unionCode(s.unionId)),
    col.text('組合名', (s, names) => names.union(s.unionId)),
    col.number('組合員数', (s) => s.totalMembers),
    col.number('調査前の台帳人数', (s) => s.ledgerMembersBefore),
    col.number('調整', (s) => s.totalMembers - s.ledgerMembersBefore),
    col.datetime('記録日時', (s) => s.recordedAt),
    col.text('記録者', (s, names) => names.user(s.recordedBy)),
  ],
);

const periods = listExport<ClosedPeriodDto>({ fileName: '月次締め', asciiName: 'periods', sheetName: '締めた月' }, [
  col.month('月', (p) => p.month),
  col.datetime('締めた日時', (p) => p.closedAt),
  col.text('締めた人', (p) => p.closedByName),
  col.datetime('反映した最新の記録', (p) => p.asOf),
]);

export const MEMBERSHIP_EXPORTS: RouteExports = {
  '/membership-changes': membershipChanges,
  '/membership-surveys': membershipSurveys,
  '/periods': periods,
};
