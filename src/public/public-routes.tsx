/**
 * The public pages, in matching order. The therapist list is the first view and comes with the
 * entry; every other page is a chunk of its own, loaded when it is opened, with the query library
 * it reads its data through.
 */
import { lazy, type ComponentType } from 'react';
import { ClientPortalPage } from '@/features/client-portal/components/client-portal-page';
import type { PublicRoute } from '@/lib/public-router/router';
import { publicPaths } from './public-paths';

function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  return lazy(async () => {
    const [Page, { WithQueryClient }] = await Promise.all([load(), import('./query-provider')]);
    return {
      default: function PageWithQueryClient() {
        return (
          <WithQueryClient>
            <Page />
          </WithQueryClient>
        );
      },
    };
  });
}

export const publicRoutes: readonly PublicRoute[] = [
  { path: publicPaths.therapists, Component: ClientPortalPage },
  {
    path: publicPaths.times,
    Component: lazyPage(
      async () =>
        (await import('@/features/client-portal/components/therapist-times-page')).TherapistTimesPage,
    ),
  },
  {
    path: publicPaths.details,
    Component: lazyPage(
      async () =>
        (await import('@/features/client-portal/components/request-details-page')).RequestDetailsPage,
    ),
  },
  {
    path: publicPaths.sent,
    Component: lazyPage(
      async () => (await import('@/features/client-portal/components/request-sent-page')).RequestSentPage,
    ),
  },
  {
    path: publicPaths.verify,
    Component: lazyPage(
      async () => (await import('@/features/client-portal/components/verify-request-page')).VerifyRequestPage,
    ),
  },
  {
    path: publicPaths.status,
    Component: lazyPage(
      async () =>
        (await import('@/features/request-status/components/request-status-page')).RequestStatusPage,
    ),
  },
];
