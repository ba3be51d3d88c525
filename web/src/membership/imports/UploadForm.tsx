import { useRef, useState } from 'react';
import { Alert, Button, Group, Input, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useApiForm } from '../../platform/forms/useApiForm';
import { FileChooser } from '../../platform/forms/FileChooser';
import { uploadErrorJa } from './import-errors';
import { kindsFor } from './import-kinds';
import { importKeys, templateHref, uploadImport } from './queries';

/** Step 1: the kind, its template, and the file to check. */
export function UploadForm({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const kinds = kindsFor(me.role);
  const fileInput = useRef<HTMLInputElement>(null);
  // the file the last check was asked for: a refusal is about that file, and choosing another clears it
  const [sent, setSent] = useState<File | null>(null);
  const queryClient = useQueryClient();

  const { values, form, field, formProps, saving, error } = useApiForm({
    // the first kind the role may import: council staff start at 組合, never at a kind they are refused
    initialValues: { kind: kinds[0]?.value ?? 'unions', file: null as File | null },
    validate: { file: (file) => (file ? null : 'ファイルを選んでください') },
    save: (v) => {
      setSent(v.file);
      return uploadImport(v.kind, v.file as File);
    },
    onSaved: ({ id }) => {
      // the person fixes the file and chooses it again: the same name must count as a new choice
      form.setFieldValue('file', null);
      if (fileInput.current) fileInput.current.value = '';
      onUploaded(id);
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
    },
  });
  const refused = values.file === sent ? error : null;
  const missingFile = typeof form.errors.file === 'string' ? form.errors.file : undefined;
  const fileProblem = missingFile ?? (refused ? uploadErrorJa(refused, 'file') : undefined);
  const kindProblem = refused ? uploadErrorJa(refused, 'kind') : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-heading">
      <form onSubmit={formProps.onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="upload-heading">
            ファイルを検証する
          </Title>
          <Text size="sm">
            ひな形の見出しのままExcelまたはCSV(Shift_JIS・UTF-8のどちらでも)で保存したファイルを選び、「検証」を押してください。誤りがなければ「取り込む」でまとめて書き込みます(組合・事業所は新規登録のみ)。
          </Text>
          <Group align="flex-end" gap="sm">
            <NativeSelect label="種類" {...field('kind')} data={kinds.map((k) => ({ value: k.value, label: k.label }))} error={kindProblem} w={240} />
            <Button component="a" href={templateHref(values.kind, 'xlsx')} download variant="default">
              ひな形(Excel)
            </Button>
            <Button component="a" href={templateHref(values.kind, 'csv')} download variant="default">
              ひな形(CSV)
            </Button>
          </Group>
          <Input.Wrapper label="ファイル" id="import-file" description="Excel(.xlsx)またはCSV(.csv)、100MBまで" error={fileProblem}>
            <FileChooser
              id="import-file"
              ref={fileInput}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              fileName={values.file?.name ?? null}
              invalid={Boolean(fileProblem)}
              onChoose={(chosen) => form.setFieldValue('file', chosen)}
            />
          </Input.Wrapper>
          {refused !== null && !kindProblem && !fileProblem && (
            <Alert color="red" role="alert">
              {uploadErrorJa(refused)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              検証
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
