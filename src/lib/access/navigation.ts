/**
 * The navigation, derived from the app's route table: every route whose `handle` carries a `nav`
 * entry becomes an item, for the viewers its access rule lets in, in the table's order.
 */
import { generatePath } from 'react-router';
import { mayOpen, hasRole, type AccessContext, type RouteAccess, type StaffRole, type Viewer } from './roles';

export const navGroupLabels = ['Organization', 'Staff', 'Schedule'] as const;
export type NavGroupLabel = (typeof navGroupLabels)[number];

/** A route's place in the navigation. */
export interface NavEntry {
  /** Stable name of the item (counts and tests refer to it). */
  id: string;
  group: NavGroupLabel;
  label: string;
  /** Only these roles get the item (default: everyone the route's access rule lets in). */
  roles?: readonly StaffRole[];
  /** The route's parameters for this viewer (e.g. their own staff id for My Profile). */
  params?: (viewer: Viewer) => Record<string, string>;
  /** Where the link leads when that is not the route itself (a layout's first tab, saving a redirect). */
  opens?: string;
}

/** What the app's routes keep in their `handle`. */
export interface RouteHandle {
  access?: RouteAccess;
  nav?: NavEntry;
}

/** The part of a route object the navigation reads (a react-router RouteObject fits). */
export interface NavRoute {
  path?: string;
  handle?: unknown;
  children?: NavRoute[];
}

export interface NavItem {
  id: string;
  label: string;
  /** Where the link leads. */
  to: string;
  /** The route's address: the item is the current one on it and everything below it. */
  section: string;
}

export interface NavGroup {
  label: NavGroupLabel;
  items: NavItem[];
}

export const routeHandle = (route: { handle?: unknown }): RouteHandle => (route.handle ?? {}) as RouteHandle;

function joinPath(parent: string, path: string | undefined): string {
  if (path === undefined) return parent;
  if (path.startsWith('/')) return path;
  return `${parent.replace(/\/$/, '')}/${path}`;
}

/** The viewer's navigation: only what they may open, in the table's order, empty groups left out. */
export function navigationFrom(routes: readonly NavRoute[], viewer: AccessContext): NavGroup[] {
  const items = new Map<NavGroupLabel, NavItem[]>(navGroupLabels.map((label) => [label, []]));
  const visit = (route: NavRoute, parentPath: string, inherited: RouteAccess | undefined) => {
    const path = joinPath(parentPath, route.path);
    const { access = inherited, nav } = routeHandle(route);
    if (nav && access && (nav.roles === undefined || hasRole(viewer, nav.roles))) {
      const params = nav.params?.(viewer) ?? {};
      if (mayOpen(access, viewer, params.staffId)) {
        const section = generatePath(path, params);
        items.get(nav.group)?.push({ id: nav.id, label: nav.label, to: nav.opens ?? section, section });
      }
    }
    for (const child of route.children ?? []) visit(child, path, access);
  };
  for (const route of routes) visit(route, '/', undefined);
  return navGroupLabels
    .map((label) => ({ label, items: items.get(label) ?? [] }))
    .filter((group) => group.items.length > 0);
}

/** The nav item for `pathname`: the one whose section is the longest prefix of it (so My Profile wins over Active Staff Members on your own page). */
export function activeNavItem(pathname: string, groups: readonly NavGroup[]): string | null {
  let best: NavItem | null = null;
  for (const item of groups.flatMap((group) => group.items)) {
    const matches = pathname === item.section || pathname.startsWith(`${item.section}/`);
    if (matches && (best === null || item.section.length > best.section.length)) best = item;
  }
  return best?.id ?? null;
}
