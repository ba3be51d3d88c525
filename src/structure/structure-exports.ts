import { RouteExports, col, listExport, yesNo } from '../platform/exports/export-definition';
import { labelOf } from '../platform/labels/labels';
import { GOVERNANCE_BODY_KIND_LABELS, ORGANIZATION_KIND_LABELS, UNION_KIND_LABELS, UNION_STATUS_LABELS } from './labels';
import type { GovernanceBodyDto } from './governance-bodies/dto/governance-body.dto';
import type { FederationDto } from './federations/dto/federation.dto';
import type { RegionalCouncilDto } from './regional-councils/dto/regional-council.dto';
import type { SectorDto } from './sectors/dto/sector.dto';
import type { UnionDto } from './unions/dto/union.dto';

const unions = listExport<UnionDto>({ fileName: '組合一覧', asciiName: 'unions', sheetName: '組合' }, [
  col.text('組合コード', (u) => u.code),
  col.text('組合名', (u) => u.name),
  col.text('構成組織', (u) => u.federationName),
  col.text('地域連合', (u) => u.regionalCouncilName),
  col.text('企業名', (u) => u.employerName),
  col.text('市区町村', (u) => u.municipality),
  col.text('種別', (u) => labelOf(UNION_KIND_LABELS, u.kind)),
  col.text('状態', (u) => labelOf(UNION_STATUS_LABELS, u.status)),
  col.date('加盟日', (u) => u.affiliatedOn),
  col.number('組合員数', (u) => u.currentMembers),
]);

const federations = listExport<FederationDto>({ fileName: '構成組織一覧', asciiName: 'federations', sheetName: '構成組織' }, [
  col.text('コード', (f) => f.code),
  col.text('名称', (f) => f.name),
  col.text('英語名', (f) => f.nameEn),
  col.text('部門コード', (f) => f.sectorCode),
]);

const regionalCouncils = listExport<RegionalCouncilDto>({ fileName: '地域連合一覧', asciiName: 'regional-councils', sheetName: '地域連合' }, [
  col.text('コード', (c) => c.code),
  col.text('名称', (c) => c.name),
  col.text('英語名', (c) => c.nameEn),
  col.text('市区町村', (c) => c.municipalities),
]);

const sectors = listExport<SectorDto>({ fileName: '部門一覧', asciiName: 'sectors', sheetName: '部門' }, [
  col.text('コード', (s) => s.code),
  col.text('名称', (s) => s.name),
  col.text('英語名', (s) => s.nameEn),
]);

/** A body with its latest composition (newest first in `compositions`); the report has every year's comparison. */
const latest = (b: GovernanceBodyDto) => b.compositions[0] ?? null;
const governanceBodies = listExport<GovernanceBodyDto>({ fileName: '機関の構成', asciiName: 'governance-bodies', sheetName: '機関' }, [
  col.text('組織区分', (b) => labelOf(ORGANIZATION_KIND_LABELS, b.organization.kind)),
  col.text('組織', (b) => b.organization.name),
  col.text('機関', (b) => labelOf(GOVERNANCE_BODY_KIND_LABELS, b.kind)),
  col.text('機関名', (b) => b.name),
  col.number('最新の年度', (b) => latest(b)?.fiscalYear),
  col.number('定数', (b) => latest(b)?.seats),
  col.number('女性', (b) => latest(b)?.women),
  col.number('男性', (b) => latest(b)?.men),
  col.number('不明', (b) => latest(b)?.unspecified),
  col.text('女性枠', (b) => yesNo(latest(b)?.womenQuota)),
]);

export const STRUCTURE_EXPORTS: RouteExports = {
  '/unions': unions,
  '/federations': federations,
  '/regional-councils': regionalCouncils,
  '/sectors': sectors,
  '/governance-bodies': governanceBodies,
};
