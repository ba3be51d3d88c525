import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // a refusal (401/403/404/400) will not change by asking again
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
    // run even offline: the organizer's writes go to the outbox, which keeps them until the
    // connection is back (paused, they would hang on the form); other writes fail at once, in Japanese
    mutations: { networkMode: 'always' },
  },
});
