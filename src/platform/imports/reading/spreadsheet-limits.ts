/**
 * What a spreadsheet may cost the worker before it is refused. Anyone with an import role can
 * upload anything: a file is measured before and while it is read, never inflated whole
 * into memory or onto disk, and refused with a Japanese reason the import shows.
 */
export const SPREADSHEET_LIMITS = {
  /** An `.xlsx` part may inflate to at most this many times its compressed size (Apache POI's rule)... */
  maxInflateRatio: 100,
  /** ...once it has inflated past this many bytes (small parts of real files compress far better). */
  inflateRatioGrace: 1024 * 1024,
  /** The shared strings are cached whole, so they are capped whole (a sheet of 1,000,000 rows of codes is far below). */
  maxSharedStringsBytes: 32 * 1024 * 1024,
  /** Styles, the workbook and its relations are read whole too. */
  maxSmallPartBytes: 8 * 1024 * 1024,
  /** The XML of one row of a sheet (Excel's cell holds at most 32,767 characters). */
  maxRowXmlBytes: 1024 * 1024,
  /** Parts a workbook may list (a real one has a few dozen). */
  maxZipEntries: 10_000,
  /** Characters in one CSV record. */
  maxCsvRecordChars: 1_000_000,
  /** Characters of a cell quoted back in an import's problem. */
  maxQuotedChars: 100,
} as const;

/** A file refused for its shape before or while it is read; `message` is what the import shows, `code` its stable name. */
export class SpreadsheetRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly row = 1,
  ) {
    super(message);
  }
}

const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)}MB`;

export const refusals = {
  bomb: (part: string) =>
    new SpreadsheetRefused(
      'XLSX_INFLATES_TOO_FAR',
      `Excelファイルの中身（${part}）が、圧縮されたサイズの${SPREADSHEET_LIMITS.maxInflateRatio}倍を超えて展開されます。安全のため読み込みません。Excelで開いて保存し直すか、CSVで保存して取り込んでください`,
    ),
  sharedStrings: () =>
    new SpreadsheetRefused(
      'XLSX_SHARED_STRINGS_TOO_LARGE',
      `Excelファイルの文字列（共有文字列）が${MB(SPREADSHEET_LIMITS.maxSharedStringsBytes)}を超えています。ファイルを分けるか、CSVで保存して取り込んでください`,
    ),
  part: (part: string) => new SpreadsheetRefused('XLSX_PART_TOO_LARGE', `Excelファイルの中身（${part}）が大きすぎます。Excelで開いて保存し直してください`),
  row: (row: number) =>
    new SpreadsheetRefused(
      'ROW_TOO_LARGE',
      `${row}行目の近くに、1行で${MB(SPREADSHEET_LIMITS.maxRowXmlBytes)}を超えるデータがあります。1つのセルは32,767文字までです`,
      row,
    ),
  csvRecord: (row: number) =>
    new SpreadsheetRefused(
      'CSV_RECORD_TOO_LONG',
      `${row}行目が長すぎます（1行は${SPREADSHEET_LIMITS.maxCsvRecordChars.toLocaleString('ja-JP')}文字まで）。セルの中の改行や引用符（"）の閉じ忘れがないか確かめてください`,
      row,
    ),
  notAWorkbook: (reason: string) =>
    new SpreadsheetRefused('NOT_A_WORKBOOK', `Excelファイル（.xlsx）として読めません（${reason}）。Excelで開いて「.xlsx」で保存し直してください`),
  noSheet: () => new SpreadsheetRefused('NO_WORKSHEET', 'Excelファイルにワークシートがありません'),
};

/** A value quoted in a problem, cut to a readable length (a hostile cell may be megabytes). */
export function quoted(value: string): string {
  const chars = Array.from(value.slice(0, SPREADSHEET_LIMITS.maxQuotedChars * 2));
  return chars.length > SPREADSHEET_LIMITS.maxQuotedChars || value.length > SPREADSHEET_LIMITS.maxQuotedChars * 2
    ? `${chars.slice(0, SPREADSHEET_LIMITS.maxQuotedChars).join('')}…（${value.length.toLocaleString('ja-JP')}文字）`
    : value;
}

/** A problem as the import keeps it: the cell it quotes cut short, in its value and its message. */
export function boundedProblem<P extends { value: string; message: string }>(problem: P): P {
  const limit = SPREADSHEET_LIMITS.maxQuotedChars * 2;
  if (problem.value.length <= limit && problem.message.length <= limit * 5) return problem;
  const value = quoted(problem.value);
  const message = problem.value.length > limit ? problem.message.split(problem.value).join(value) : problem.message;
  return { ...problem, value, message: message.length > limit * 5 ? `${message.slice(0, limit * 5)}…` : message };
}
