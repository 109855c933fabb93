import { useEffect, useSyncExternalStore } from 'react';
import type { DirectoryFilters } from '../lib/filters';
import { useDirectoryCache } from './directory-cache';

/**
 * The directory as filtered, page by page; while other filters load, the same clinic's last list
 * stays (`isPlaceholderData`). The same fields as TanStack Query's infinite query result.
 */
export function useClinicDirectory(clinicSlug: string, filters: DirectoryFilters) {
  const cache = useDirectoryCache();
  const key = cache.keyOf(clinicSlug, filters);
  const entry = useSyncExternalStore(cache.subscribe, () => cache.entry(key));
  const latest = useSyncExternalStore(cache.subscribe, () => cache.latestOf(clinicSlug));
  useEffect(
    () => cache.watch(clinicSlug, filters),
    // the key stands for the filters
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, key],
  );
  const placeholder = !entry.pages && !entry.failed && latest !== null;
  const pages = entry.pages ?? (placeholder ? latest : null);
  return {
    data: pages ? { pages } : undefined,
    error: entry.error,
    isError: entry.failed !== null,
    isPending: pages === null && entry.failed === null,
    isPlaceholderData: placeholder,
    hasNextPage: Boolean(pages?.at(-1)?.next_cursor),
    isFetchingNextPage: entry.fetching === 'next',
    isFetchNextPageError: entry.failed === 'next',
    fetchNextPage: () => cache.fetchNextPage(clinicSlug, filters),
    refetch: () => cache.refresh(clinicSlug, filters),
  };
}
