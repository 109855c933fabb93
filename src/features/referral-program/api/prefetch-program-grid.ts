import type { QueryClient } from '@tanstack/react-query';
import { gridQueryFrom, initialTableState } from '../lib/grid-query';
import { payersQueryOptions } from './get-payers';
import { programGridQueryOptions } from './get-program-grid';

/** Fetches what the grid shows as it opens (its first page, the payers to filter by), unless it is cached already. */
export async function prefetchProgramGrid(queryClient: QueryClient, orgId: string): Promise<void> {
  await Promise.all([
    queryClient.ensureInfiniteQueryData(programGridQueryOptions(orgId, gridQueryFrom(initialTableState))),
    queryClient.ensureQueryData(payersQueryOptions(orgId)),
  ]);
}
