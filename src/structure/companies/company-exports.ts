import { RouteExports, col, listExport, yesNo } from '../../platform/exports/export-definition';
import type { CompanyRelationDto } from './dto/company-relation.dto';
import type { CompanyDto } from './dto/company.dto';

const companies = listExport<CompanyDto>({ fileName: '企業一覧', asciiName: 'companies', sheetName: '企業' }, [
  col.text('法人番号', (c) => c.corporateNumber),
  col.text('EDINETコード', (c) => c.edinetCode),
  col.text('企業名', (c) => c.name),
  col.text('フリガナ', (c) => c.nameKana),
  col.text('都道府県', (c) => c.prefecture),
  col.text('市区町村', (c) => c.municipality),
  col.text('産業分類', (c) => c.industryLabel),
  col.number('従業員数', (c) => c.employees?.count ?? null),
  col.date('従業員数の時点', (c) => c.employees?.asOf ?? null),
  col.text('従業員数の出典', (c) => c.employees?.source ?? null),
  col.text('上場', (c) => yesNo(c.listed)),
  col.text('状況', (c) => c.statusLabel),
  col.text('他労組名', (c) => c.otherUnionName),
]);

const relations = listExport<CompanyRelationDto>({ fileName: '企業間の関係一覧', asciiName: 'company-relations', sheetName: '関係' }, [
  col.text('親会社', (r) => r.parentName),
  col.text('子会社・関係会社', (r) => r.childName),
  col.text('関係', (r) => r.kindLabel),
  col.decimal('議決権比率', (r) => r.votingShare),
  col.date('開始日', (r) => r.startOn),
  col.date('終了日', (r) => r.endOn),
  col.text('出典', (r) => r.source),
  col.text('確度', (r) => r.confidence),
  col.text('現在', (r) => yesNo(r.current)),
]);

export const COMPANY_EXPORTS: RouteExports = {
  '/companies': companies,
  '/company-relations': relations,
};
