// before exceljs: its streaming reader's fix for characters split across chunks
import '../reading/xlsx-utf8';
import ExcelJS from 'exceljs';
import type { ImportKind } from '../import-kinds';
import { ImportColumn, StructureList, columnLetter } from '../staging/import-columns';

/** exceljs keeps validations of whole ranges (written as one sqref) but its types know only the per-cell form. */
const rangeValidations = (sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

/** Rows of the data sheet given a drop-down list: enough for a year's entries, without bloating the file. */
const VALIDATED_ROWS = 5000;

/** The federations, councils and sectors the caller may name, by code (their names beside them), read at download time. */
export type StructureChoices = Record<StructureList, { code: string; name: string }[]>;

const STRUCTURE_TITLES: Record<StructureList, string> = { federations: '構成組織', councils: '地域連合', sectors: '産業部門' };

/** Excel keeps an inline list (`"a,b"`) of at most 255 characters; a longer list is a range on a hidden sheet. */
const INLINE_LIST_MAX = 255;

/**
 * The formula of each structure list a kind's columns use: inline when short, else a range
 * of the hidden コード sheet, written row by row (code and name of each list side by side).
 */
function structureFormulae(book: ExcelJS.Workbook, columns: ImportColumn[], choices: StructureChoices): Map<StructureList, string> {
  const formulae = new Map<StructureList, string>();
  const long: StructureList[] = [];
  for (const list of new Set(columns.flatMap((c) => (c.structure ? [c.structure] : [])))) {
    const codes = choices[list].map((c) => c.code);
    if (codes.length === 0) continue;
    const inline = codes.join(',');
    if (inline.length <= INLINE_LIST_MAX && !/[",]/.test(codes.join(''))) formulae.set(list, `"${inline}"`);
    else long.push(list);
  }
  if (long.length === 0) return formulae;
  const sheet = book.addWorksheet('コード', { state: 'hidden' });
  sheet.addRow(long.flatMap((list) => [`${STRUCTURE_TITLES[list]}コード`, `${STRUCTURE_TITLES[list]}名`]));
  const rows = Math.max(...long.map((list) => choices[list].length));
  for (let i = 0; i < rows; i++) sheet.addRow(long.flatMap((list) => [choices[list][i]?.code ?? null, choices[list][i]?.name ?? null]));
  long.forEach((list, j) => {
    const letter = columnLetter(j * 2);
    formulae.set(list, `コード!$${letter}$2:$${letter}$${choices[list].length + 1}`);
  });
  return formulae;
}

/**
 * The template of a kind: the data sheet with the Japanese headers, an example row and
 * drop-down lists (data validation) for coded columns; a 説明 sheet with what each column
 * takes; a 一覧 sheet holding the lists' labels (from the same source as /labels); and the
 * codes of the federations, councils and sectors the caller may name (`choices`).
 */
export async function templateWorkbook(kind: ImportKind, choices: StructureChoices): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet(kind.title);
  const help = book.addWorksheet('説明');
  const lists = book.addWorksheet('一覧');
  const columns = kind.columns;

  data.addRow(columns.map((c) => c.header)).font = { bold: true };
  data.addRow(columns.map((c) => c.example));
  columns.forEach((c, i) => (data.getColumn(i + 1).width = Math.max(12, c.header.length * 3)));

  const structure = structureFormulae(book, columns, choices);
  for (const [i, column] of columns.entries()) {
    const formula = column.structure && structure.get(column.structure);
    if (!formula) continue;
    const target = columnLetter(i);
    rangeValidations(data).add(`${target}2:${target}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [formula],
      // the column takes a name too: a value not in the list is questioned, not refused
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: `${column.header}が一覧にありません。名称で入力したときはそのまま進めてください`,
    });
  }

  let listColumn = 0;
  for (const [i, column] of columns.entries()) {
    if (!column.list) continue;
    const { what: title, codes } = column.list;
    listColumn++;
    const letter = columnLetter(listColumn - 1);
    lists.getCell(`${letter}1`).value = title;
    codes.forEach((code, j) => (lists.getCell(`${letter}${j + 2}`).value = column.list!.label(code)));
    const range = `一覧!$${letter}$2:$${letter}$${codes.length + 1}`;
    const target = columnLetter(i);
    rangeValidations(data).add(`${target}2:${target}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [range],
      showErrorMessage: true,
      errorTitle: column.header,
      error: `${column.header}は一覧から選んでください`,
    });
  }

  help.addRow(['見出し', '必須', '入力のしかた']).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必須' : '', c.help]);
  help.addRow([]);
  for (const line of [
    '1行目は見出しです。列の順番は自由ですが、見出しの文字は変えないでください（英語の項目名も使えます）。',
    '2行目は記入例です。取り込む前に消すか、実際の値に書き換えてください。',
    '全角の数字・記号・空白は半角として読みます。日付は 2026-04-01、2026/4/1、令和8年4月1日 のどれでも入力できます。',
    'CSV で保存する場合は「CSV UTF-8」または「CSV（コンマ区切り）」のどちらでも取り込めます。',
    '取込は「確認」と「反映」の2段階です。確認で見つかった問題は行番号（Excelの行番号）と列名で示されます。',
    ...(kind.writes === 'ledger'
      ? []
      : ['構成組織・地域連合・産業部門は、登録されているコードまたは名称で指定します。ドロップダウンには、あなたが指定できるもののコードが並びます。']),
  ]) {
    help.addRow([line]);
  }
  help.getColumn(1).width = 16;
  help.getColumn(3).width = 70;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The header row as CSV, UTF-8 with BOM so Excel opens it as UTF-8. */
export const templateCsv = (kind: ImportKind): Buffer => Buffer.from(`\ufeff${kind.columns.map((c) => c.header).join(',')}\r\n`, 'utf8');

/** `attachment; filename*=UTF-8''…`: a Japanese file name every browser keeps. */
export const attachment = (fileName: string): string =>
  `attachment; filename="template.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
