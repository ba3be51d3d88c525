import type { ImportKind } from '../import-kinds';
import { cellText } from '../reading/cell-values';
import type { RowError, RowValues } from './row-checks';

/** So few filled example cells could match a real row by chance: such a file is not compared. */
const MIN_COMPARED = 3;
/** Where every template holds its example: the row under the headers. */
const EXAMPLE_ROW = 2;

/**
 * The template's example row (row 2 of every template) left in the file is refused, so that
 * 「株式会社みなと物流」 or +12 members of U-0001 are never imported by mistake. A row is the
 * example when it is the row under the headers and every example cell whose column is in
 * the file holds the example's text (a real row elsewhere that happens to match is data).
 */
export function templateExampleProblem(kind: ImportKind, row: number, values: RowValues): RowError | null {
  if (row !== EXAMPLE_ROW) return null;
  const compared = kind.columns.filter((c) => cellText(c.example) !== '' && c.field in values);
  if (compared.length < MIN_COMPARED) return null;
  if (!compared.every((c) => cellText(values[c.field]) === cellText(c.example))) return null;
  const first = compared[0];
  return {
    row,
    column: first.header,
    value: cellText(values[first.field]),
    code: 'TEMPLATE_EXAMPLE_ROW',
    message: 'ひな形の記入例の行です。この行を消してから、もう一度「検証」してください',
  };
}
