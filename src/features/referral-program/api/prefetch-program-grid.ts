import type { QueryClient } from '@tanstack/react-query';
import { gridQueryFrom, initialTableState } from '../lib/grid-query';
import { payersQueryOptions } from './get-payers';
import { programGridQueryOptions } from './get-program-grid';

/** Fetches what the grid shows as it opens (its first page, the payers to filter by), unless it is fresh already. */
export function prefetchProgramGrid(queryClient: QueryClient, orgId: string): void {
  void queryClient.prefetchInfiniteQuery(programGridQueryOptions(orgId, gridQueryFrom(initialTableState)));
  void queryClient.prefetchQuery(payersQueryOptions(orgId));
}
