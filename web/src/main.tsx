import './platform/shell/mantine-styles';
import './platform/shell/print.css';
// in the console's one stylesheet: as the signed-in chunk's own, it would be one more request before 今日 shows
import './organizing/today/follow-up-card.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from './platform/api/query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './platform/shell/theme';

// Drawn as a transition: React may pause the first drawing to let the phone answer a tap,
// instead of one long task from the entry's start to the first frame.
const root = createRoot(document.getElementById('root') as HTMLElement);
startTransition(() =>
  root.render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
