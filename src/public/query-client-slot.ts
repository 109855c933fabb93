import type { QueryClient } from '@tanstack/react-query';
import { createContext } from 'react';

/**
 * Where the public app keeps its query client without loading the library: the first page that
 * needs one makes it (`create`); the same client serves every page after. Tests hand in their own.
 */
export type QueryClientSlot = (create: () => QueryClient) => QueryClient;

export function queryClientSlot(given?: QueryClient): QueryClientSlot {
  let client = given;
  return (create) => (client ??= create());
}

export const QueryClientSlotContext = createContext<QueryClientSlot>(queryClientSlot());
