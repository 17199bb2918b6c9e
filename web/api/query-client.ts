import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Client errors (4xx) are answers, not glitches: retry only network and server failures, once. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/** Drop every cached query except the session itself (after a dealer switch or a sign-out). */
export function resetDataQueries(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
}
