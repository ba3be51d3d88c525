import { ExportColumn, RouteExports, col, listExport } from '../platform/exports/export-definition';
import type { ExportNames } from '../platform/exports/export-names';
import type { ConsultationDto } from './consultations/dto/consultation.dto';
import type { FollowUpDto } from './prospects/dto/follow-up.dto';
import type { ProspectDto } from './prospects/dto/prospect.dto';
import type { StageChangeDto } from './prospects/dto/stage.dto';
import type { VisitDto } from './visits/dto/visit.dto';

const organizers = (p: ProspectDto, names: ExportNames): string[] => p.assignedOrganizerIds.map((id) => names.user(id) ?? id);

function prospectColumns<P extends ProspectDto>(): ExportColumn<P>[] {
  return [
    col.text<P>('企業名', (p) => p.employerName),
    col.text<P>('企業名(カナ)', (p) => p.employerNameKana),
    col.text<P>('事業所名', (p) => p.establishmentName),
    col.text<P>('市区町村', (p) => p.municipality),
    col.text<P>('地域連合', (p, names) => names.regionalCouncil(p.regionalCouncilId)),
    col.text<P>('部門コード', (p) => p.sectorCode),
    col.text<P>('加盟先候補の構成組織', (p, names) => names.federation(p.targetFederationId)),
    col.number<P>('推定労働者数', (p) => p.estimatedWorkers),
    col.number<P>('正社員', (p) => p.workforce?.regular),
    col.number<P>('パート', (p) => p.workforce?.partTime),
    col.number<P>('有期', (p) => p.workforce?.fixedTerm),
    col.number<P>('派遣', (p) => p.workforce?.dispatch),
    col.text<P>('きっかけ', (p) => p.sourceLabel),
    col.text<P>('ステージ', (p) => p.stageLabel),
    col.text<P>('保留前のステージ', (p) => p.heldFromStageLabel),
    col.text<P>('担当オルガナイザー', organizers),
    col.date<P>('次回予定日', (p) => p.nextActionOn),
    col.datetime<P>('ステージ変更日時', (p) => p.stageChangedAt),
    col.datetime<P>('登録日時', (p) => p.createdAt),
  ];
}

const NEEDS = ['regionalCouncils', 'federations', 'users'] as const;

const prospects = listExport<ProspectDto>({ fileName: '組織化候補', asciiName: 'prospects', sheetName: '候補', needs: [...NEEDS] }, prospectColumns());

const followUps = listExport<FollowUpDto>({ fileName: 'フォローアップ', asciiName: 'follow-ups', sheetName: '予定超過', needs: [...NEEDS] }, [
  col.number('超過日数', (f) => f.daysOverdue),
  ...prospectColumns<FollowUpDto>(),
]);

const visits = listExport<VisitDto>({ fileName: '訪問記録', asciiName: 'visits', sheetName: '訪問' }, [
  col.date('日付', (v) => v.occurredOn),
  col.text('企業名', (v) => v.employerName),
  col.text('担当者', (v) => v.organizerName),
  col.text('種別', (v) => v.kindLabel),
  col.text('結果', (v) => v.outcomeLabel),
  col.number('接触人数', (v) => v.contactsReached),
  col.text('支持度', (v) => v.supportLevelLabel),
  col.text('内容', (v) => v.summary),
  col.date('次回予定日', (v) => v.nextActionOn),
]);

const consultations = listExport<ConsultationDto>({ fileName: '労働相談', asciiName: 'consultations', sheetName: '相談', needs: ['regionalCouncils'] }, [
  col.date('受付日', (c) => c.receivedOn),
  col.text('地域連合', (c, names) => names.regionalCouncil(c.regionalCouncilId)),
  col.text('受付方法', (c) => c.channelLabel),
  col.text('相談内容', (c) => c.topicLabels),
  col.text('企業名', (c) => c.employerName),
  col.number('関係する労働者数', (c) => c.workersConcerned),
  col.text('概要', (c) => c.summary),
]);

const history = listExport<StageChangeDto>({ fileName: 'ステージの履歴', asciiName: 'prospect-history', sheetName: '履歴' }, [
  col.datetime('日時', (h) => h.changedAt),
  col.text('種類', (h) => h.kindLabel),
  col.text('変更前', (h) => h.fromStageLabel),
  col.text('変更後', (h) => h.toStageLabel),
  col.text('メモ', (h) => h.note),
  col.text('変更者', (h) => h.changedByName),
]);

export const ORGANIZING_EXPORTS: RouteExports = {
  '/prospects': prospects,
  '/prospects/:id/history': history,
  '/prospects/:prospectId/visits': visits,
  '/visits': visits,
  '/follow-ups': followUps,
  '/consultations': consultations,
};
