import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Input, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { ApiError } from '../../platform/api/errors';
import { FileChooser } from '../../platform/forms/FileChooser';
import { uploadErrorJa } from './import-errors';
import { kindsFor, type ImportKind } from './import-kinds';
import { importHistoryQuery, templateHref, uploadImport } from './imports-api';

/** Step 1: the kind, its template, and the file to check. */
export function UploadForm({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const kinds = kindsFor(me.role);
  // the first kind the role may import: council staff start at 組合, never at a kind they are refused
  const [kind, setKind] = useState<ImportKind>(kinds[0]?.value ?? 'unions');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImport(kind, chosen),
    onSuccess: ({ id }) => {
      // the person fixes the file and chooses it again: the same name must count as a new choice
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(id);
      void queryClient.invalidateQueries({ queryKey: importHistoryQuery.queryKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  }

  const fileProblem = missingFile ? 'ファイルを選んでください' : upload.error instanceof ApiError ? uploadErrorJa(upload.error, 'file') : undefined;
  const kindProblem = upload.error instanceof ApiError ? uploadErrorJa(upload.error, 'kind') : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="upload-heading">
            ファイルを検証する
          </Title>
          <Text size="sm">
            ひな形の見出しのままExcelまたはCSV(Shift_JIS・UTF-8のどちらでも)で保存したファイルを選び、「検証」を押してください。誤りがなければ「取り込む」でまとめて書き込みます(組合・事業所は新規登録のみ)。
          </Text>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label="種類"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as ImportKind)}
              data={kinds.map((k) => ({ value: k.value, label: k.label }))}
              error={kindProblem}
              w={240}
            />
            <Button component="a" href={templateHref(kind, 'xlsx')} download variant="default">
              ひな形(Excel)
            </Button>
            <Button component="a" href={templateHref(kind, 'csv')} download variant="default">
              ひな形(CSV)
            </Button>
          </Group>
          <Input.Wrapper label="ファイル" id="import-file" description="Excel(.xlsx)またはCSV(.csv)、100MBまで" error={fileProblem}>
            <FileChooser
              id="import-file"
              ref={fileInput}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              fileName={file?.name ?? null}
              invalid={Boolean(fileProblem)}
              onChoose={(chosen) => {
                setFile(chosen);
                setMissingFile(false);
                upload.reset();
              }}
            />
          </Input.Wrapper>
          {upload.error && !kindProblem && !fileProblem && (
            <Alert color="red" role="alert">
              {uploadErrorJa(upload.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={upload.isPending}>
              検証
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
