import type { ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import { errorMessageJa } from '../api/errors';

/** What a section shows while its data loads or when it could not be read. */
export function QueryState({ isPending, error, children }: { isPending: boolean; error: unknown; children: () => ReactNode }) {
  if (error)
    return (
      <Alert color="red" role="alert">
        {errorMessageJa(error)}
      </Alert>
    );
  if (isPending) return <Loader size="sm" role="status" aria-label="読み込み中" />;
  return <>{children()}</>;
}
