import { useState, type ReactNode } from 'react';
import { Table, UnstyledButton } from '@mantine/core';
import { sortRows, type Direction } from './sort';

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => number | string;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

interface Props<T> {
  caption: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; direction: Direction };
}

/** A table whose column headers sort it (aria-sort tells which, and which way). */
export function SortableTable<T>({ caption, rows, columns, rowKey, initialSort }: Props<T>) {
  const [sort, setSort] = useState(initialSort);
  const column = columns.find((c) => c.key === sort?.key);
  const shown = column && sort ? sortRows(rows, column.value, sort.direction) : rows;

  function toggle(key: string) {
    setSort((current) =>
      current?.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'descending' },
    );
  }

  return (
    <Table striped highlightOnHover withTableBorder captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} aria-sort={sort?.key === c.key ? sort.direction : 'none'}>
              <UnstyledButton onClick={() => toggle(c.key)} fw={700} fz="sm">
                {c.header}
                {sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
              </UnstyledButton>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((c) => (
              <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined}>
                {c.render ? c.render(row) : c.value(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
