import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { errorMessageJa } from '../../platform/api/errors';
import { formatDateTime } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { SCREENS } from '../../platform/shell/screens';
import { alreadyCommittedAs } from './import-errors';
import { isWorking, kindLabel, stateLabel, summaryLine, writesLedger, writtenLine } from './import-kinds';
import { commitImport, importKeys, importQuery, type ImportRecord } from './queries';
import { ImportProgress } from './ImportProgress';
import { LedgerRows } from './LedgerRows';
import { problemSummary } from './problems';
import { ProblemTable } from './ProblemTable';

/** An alert's title in black: Mantine's light colours on their own tint are too faint to read (4.5:1). */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-black)' } };

/** The file just sent (or one opened from the history): its check, its problems, and 取り込む once clean. */
export function CurrentImport({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const entry = useQuery(importQuery(id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="current-import-heading">
      <QueryState isPending={entry.isPending} error={entry.error}>
        {() => <ImportOutcome entry={entry.data!} onOpen={onOpen} />}
      </QueryState>
    </Paper>
  );
}

function ImportOutcome({ entry, onOpen }: { entry: ImportRecord; onOpen: (id: string) => void }) {
  const clean = entry.state === 'checked' && entry.errorCount === 0;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2} size="h3" id="current-import-heading">
          {entry.fileName}
        </Title>
        <Badge variant="light" c="var(--mantine-color-black)" color={clean || entry.state === 'committed' ? 'teal' : isWorking(entry.state) ? 'blue' : 'red'}>
          {stateLabel(entry.state, { errorCount: entry.errorCount, reversed: entry.reversedAt !== null })}
        </Badge>
        <Text size="sm" c="dimmed">
          {kindLabel(entry.kind)}・{formatDateTime(entry.createdAt)}受付
        </Text>
      </Group>
      {isWorking(entry.state) && <ImportProgress entry={entry} />}
      {(entry.state === 'checked' || entry.state === 'rejected') && entry.errorCount > 0 && (
        <>
          <Alert
            color="red"
            role="alert"
            styles={READABLE_TITLE}
            title={entry.state === 'rejected' ? 'このファイルは読み取れませんでした' : problemSummary(entry.rowsRead, entry.rowsValid)}
          >
            下の表の行・列を直して保存し、もう一度「検証」してください。誤りのあるファイルは取り込めません。
          </Alert>
          <ProblemTable problems={entry.errors} errorCount={entry.errorCount} fileName={entry.fileName} />
        </>
      )}
      {clean && <CommitStep entry={entry} onOpen={onOpen} />}
      {entry.state === 'committed' && <Committed entry={entry} />}
      {entry.state === 'failed' && (
        <Alert color="red" role="alert" styles={READABLE_TITLE} title="取り込めませんでした">
          {entry.failure ?? '書き込みで問題が起きました。何も書き込まれていません。'}
        </Alert>
      )}
    </Stack>
  );
}

/** A clean file: what it holds, and 取り込む. */
function CommitStep({ entry, onOpen }: { entry: ImportRecord; onOpen: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const commit = useMutation({
    mutationFn: () => commitImport(entry.id, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
  const earlier = alreadyCommittedAs(commit.error);
  const holds = summaryLine(entry.kind, entry.summary);
  return (
    <Stack gap="sm">
      <Alert color="teal" role="status" styles={READABLE_TITLE} title={problemSummary(entry.rowsRead, entry.rowsValid)}>
        {holds ? `このファイルの内容: ${holds}。` : ''}「取り込む」を押すと、すべての行をまとめて
        {writesLedger(entry.kind) ? '台帳に書き込みます' : '登録します'}。
      </Alert>
      {earlier && <AlreadyCommitted earlierId={earlier} ledger={writesLedger(entry.kind)} onOpen={onOpen} />}
      {commit.error && !earlier && (
        <Alert color="red" role="alert">
          {errorMessageJa(commit.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => commit.mutate()} loading={commit.isPending} disabled={Boolean(earlier)}>
          取り込む
        </Button>
      </Group>
    </Stack>
  );
}

/** 409: the same content was committed before; say which import that was. */
function AlreadyCommitted({ earlierId, ledger, onOpen }: { earlierId: string; ledger: boolean; onOpen: (id: string) => void }) {
  const earlier = useQuery(importQuery(earlierId));
  const which = earlier.data
    ? `「${earlier.data.fileName}」(${earlier.data.committedAt ? `${formatDateTime(earlier.data.committedAt)}取込` : '取り込み中'})`
    : '以前の取込';
  return (
    <Alert color="orange" role="alert" styles={READABLE_TITLE} title="同じ内容のファイルはすでに取り込まれています">
      <Text size="sm">
        このファイルは {which} と同じ内容のため、二重に{ledger ? '数えない' : '登録しない'}よう取り込みませんでした。
        {ledger ? '取り直すときは、先にその取込を取り消してください。' : ''}
      </Text>
      <Button variant="default" size="xs" mt="xs" onClick={() => onOpen(earlierId)}>
        その取込を表示
      </Button>
    </Alert>
  );
}

function Committed({ entry }: { entry: ImportRecord }) {
  const written = entry.summary?.ledgerRows ?? entry.summary?.created ?? entry.rowsValid;
  const [showRows, setShowRows] = useState(false);
  if (!writesLedger(entry.kind)) {
    return (
      <Alert color="teal" role="status" styles={READABLE_TITLE} title="取り込みました">
        <Text size="sm">
          {writtenLine(entry.kind, written)}
          {entry.committedAt ? `(${formatDateTime(entry.committedAt)})` : ''}。
        </Text>
        {entry.kind === 'unions' && (
          <Anchor component={Link} to={SCREENS.structure.path} size="sm">
            組織で確かめる
          </Anchor>
        )}
      </Alert>
    );
  }
  return (
    <>
      <Alert color="teal" role="status" styles={READABLE_TITLE} title={entry.reversedAt ? 'この取込は取り消されました' : '取り込みました'}>
        <Text size="sm">
          {writtenLine(entry.kind, written)}
          {entry.committedAt ? `(${formatDateTime(entry.committedAt)})` : ''}。組合員数への反映には数秒かかります。
          {entry.reversedAt && ` ${formatDateTime(entry.reversedAt)}に取り消しました(理由: ${entry.reversalReason ?? ''})。`}
        </Text>
        <Group gap="md" mt="xs">
          <Button variant="default" size="xs" onClick={() => setShowRows((shown) => !shown)} aria-expanded={showRows}>
            書き込んだ台帳の行を{showRows ? '閉じる' : '表示'}
          </Button>
          <Anchor component={Link} to={SCREENS.members.path} size="sm">
            組合員数で確かめる
          </Anchor>
        </Group>
      </Alert>
      {showRows && <LedgerRows importId={entry.id} />}
    </>
  );
}
