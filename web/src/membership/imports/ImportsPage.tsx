import { useState } from 'react';
import { Stack, Title } from '@mantine/core';
import { CurrentImport } from './CurrentImport';
import { ImportHistory } from './ImportHistory';
import { UploadForm } from './UploadForm';

/**
 * 取込: a union office's Excel or CSV, checked by the worker, its problems shown by row and
 * column, fixed and checked again, then written to the ledger at once; and the history.
 */
export function ImportsPage() {
  const [currentId, setCurrentId] = useState<string>();
  return (
    <Stack gap="lg">
      <Title order={1}>取込</Title>
      <UploadForm onUploaded={setCurrentId} />
      {currentId && <CurrentImport key={currentId} id={currentId} onOpen={setCurrentId} />}
      <ImportHistory onOpen={setCurrentId} />
    </Stack>
  );
}
