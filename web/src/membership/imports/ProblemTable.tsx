import { useState } from 'react';
import { Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { formatNumber } from '../../platform/format/format';
import type { Direction } from '../../platform/tables/sort';
import { problemsCsv, problemsFileName, rowLabel, sortProblems, type Problem } from './problems';

/** Saves text as a file the browser downloads (made here, from what is on screen). */
function saveText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Where the file is wrong: by 行 (as Excel numbers it) and 列, what the cell holds and what to fix. */
export function ProblemTable({ problems, errorCount, fileName }: { problems: Problem[]; errorCount: number; fileName: string }) {
  const [direction, setDirection] = useState<Direction>('ascending');
  const shown = sortProblems(problems, direction);

  return (
    <>
      <Group justify="space-between">
        <Text size="sm">
          {errorCount > problems.length
            ? `誤り ${formatNumber(errorCount)}件のうち、先頭の${formatNumber(problems.length)}件を表示しています。`
            : `誤り ${formatNumber(errorCount)}件`}
        </Text>
        <Button variant="default" size="xs" onClick={() => saveText(problemsCsv(problems), problemsFileName(fileName), 'text/csv;charset=utf-8')}>
          誤りの一覧をCSVで保存
        </Button>
      </Group>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>ファイルの誤り</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right" aria-sort={direction} w={96}>
              <UnstyledButton onClick={() => setDirection((d) => (d === 'ascending' ? 'descending' : 'ascending'))} fw={700} fz="sm">
                行{direction === 'ascending' ? ' ▲' : ' ▼'}
              </UnstyledButton>
            </Table.Th>
            <Table.Th w={120}>列</Table.Th>
            <Table.Th w={180}>値</Table.Th>
            <Table.Th>内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p, i) => (
            <Table.Tr key={`${p.row}-${p.column}-${i}`}>
              <Table.Td ta="right">{rowLabel(p.row)}</Table.Td>
              <Table.Td>{p.column}</Table.Td>
              <Table.Td>{p.value}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
