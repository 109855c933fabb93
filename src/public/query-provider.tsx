/**
 * The later public pages (times, details, sent, verification, status) read and change data
 * through TanStack Query; it loads with them, not with the first view. One client for the visit,
 * so Back shows what was already read.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { use, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { QueryClientSlotContext } from './query-client-slot';

export function WithQueryClient({ children }: { children: ReactNode }) {
  const slot = use(QueryClientSlotContext);
  return <QueryClientProvider client={slot(() => createQueryClient())}>{children}</QueryClientProvider>;
}
