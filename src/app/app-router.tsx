import { RouterProvider, type DataRouter } from 'react-router';

/**
 * The router's view of the app. Its navigations are rendered as ordinary (blocking) updates, not
 * React transitions: a page's code and data are already loaded when its route commits (loaders and
 * `lazy` resolve first), so a transition gained nothing but rendering the new page in 5 ms slices,
 * each followed by a frame, which on a busy or slow CPU took far longer than one render.
 */
export function AppRouter({ router }: { router: DataRouter }) {
  return <RouterProvider router={router} useTransitions={false} />;
}
