export type Direction = 'ascending' | 'descending';

/** Rows ordered by one value, numbers as numbers and text in Japanese collation; stable. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => number | string, direction: Direction): T[] {
  const collator = new Intl.Collator('ja');
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}
