import { orgKeys } from '@/lib/query-keys';
import type { HandledFilters } from './lib/handled-filters';

/** Query keys of the Unconfirmed Appointments queue and its Handled history, under the organization's key root. */
export const unconfirmedKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'unconfirmed-appointments'),
  list: (orgId: string) => [...unconfirmedKeys.all(orgId), 'list'] as const,
  offered: (orgId: string) => [...unconfirmedKeys.all(orgId), 'offered'] as const,
  handled: (orgId: string) => [...unconfirmedKeys.all(orgId), 'handled'] as const,
  handledPage: (orgId: string, filters: HandledFilters, cursor: HandledCursor | null) =>
    [...unconfirmedKeys.handled(orgId), filters, cursor] as const,
  historyChoices: (orgId: string) => [...unconfirmedKeys.all(orgId), 'history-choices'] as const,
  count: (orgId: string) => [...unconfirmedKeys.all(orgId), 'count'] as const,
  offerableTimes: (orgId: string, requestId: string) =>
    [...unconfirmedKeys.all(orgId), 'offerable-times', requestId] as const,
};

/** Where a page of the history starts: just after this row (newest first). */
export interface HandledCursor {
  handledAt: string;
  id: string;
}
