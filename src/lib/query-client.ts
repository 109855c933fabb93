import { QueryClient, type DefaultOptions } from '@tanstack/react-query';

/** Errors that retrying will not fix: the request itself was refused (4xx). */
function isClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = 'status' in error ? error.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const queryDefaults: DefaultOptions = {
  queries: {
    staleTime: 30_000,
    retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
    // a page's data is fetched by its route's loader just before it opens: a failure it met is shown
    // (with Try again), not fetched a second time as the page mounts
    retryOnMount: false,
    // offline, a fetch fails at once (and the page says the device is offline) instead of waiting,
    // paused, for a network that may not come back while someone looks at a loading message
    networkMode: 'always',
  },
  mutations: { retry: false },
};

export function createQueryClient(defaults: DefaultOptions = queryDefaults): QueryClient {
  return new QueryClient({ defaultOptions: defaults });
}

/** The app's query client (tests make their own with retries off). */
export const queryClient = createQueryClient();
