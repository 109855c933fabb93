import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { clientPortalKeys } from '../keys';
import { directoryQuery, type DirectoryFilters } from '../lib/filters';
import type { ClinicDirectoryPage } from '../schemas';
import { portalFetch } from './portal-http';

/** Therapists per page of the directory. */
export const directoryPageSize = 10;

/** One page of the clinic's listed therapists (public profiles, next open times) and the clinic's name. */
export function getClinicDirectory(
  clinicSlug: string,
  filters: DirectoryFilters,
  cursor: string | null,
  signal?: AbortSignal,
) {
  return portalFetch<ClinicDirectoryPage>(`clinics/${encodeURIComponent(clinicSlug)}`, {
    query: directoryQuery(filters, cursor, directoryPageSize),
    signal,
  });
}

export const clinicDirectoryQueryOptions = (clinicSlug: string, filters: DirectoryFilters) =>
  infiniteQueryOptions({
    queryKey: clientPortalKeys.directory(clinicSlug, filters),
    queryFn: ({ pageParam, signal }) => getClinicDirectory(clinicSlug, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
  });

/** The directory as filtered; while other filters load, the same clinic's previous list stays (isPlaceholderData). */
export function useClinicDirectory(clinicSlug: string, filters: DirectoryFilters) {
  return useInfiniteQuery({
    ...clinicDirectoryQueryOptions(clinicSlug, filters),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === clinicSlug ? previous : undefined,
  });
}
