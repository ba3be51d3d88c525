import { Progress, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../platform/format/format';
import { writesLedger } from './import-kinds';
import type { ImportRecord } from './queries';

/** While the worker checks or writes the file: how far it is, and the rows read so far. */
export function ImportProgress({ entry }: { entry: ImportRecord }) {
  const ledger = writesLedger(entry.kind);
  const what = entry.state === 'committing' ? (ledger ? '台帳への書き込み' : '登録') : '検証';
  const waiting = entry.state === 'queued';
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section value={waiting ? 100 : entry.progress} animated striped={waiting} aria-label={`${what}の進み具合`} />
      </Progress.Root>
      <Text size="sm" role="status">
        {waiting
          ? '検証の順番を待っています…'
          : entry.state === 'committing'
            ? `${ledger ? '台帳に書き込んでいます' : '登録しています'}… ${entry.progress}%`
            : `検証しています… ${formatNumber(entry.rowsRead)}行を読みました(${entry.progress}%)`}
      </Text>
    </Stack>
  );
}
