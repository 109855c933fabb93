import { createContext, useContext } from 'react';
import type { NavGroup } from './navigation';

/** The signed-in person's navigation (derived from the route table by the app layout). */
export const NavigationContext = createContext<readonly NavGroup[]>([]);

export const useNavigationGroups = () => useContext(NavigationContext);

/** Fetching ahead what opening an address will need (the app layout wires it to the route table). */
export interface PagePreload {
  /** The page's code and the data it opens on: for a link about to be opened (pointed at, focused, clicked). */
  page: (to: string) => void;
  /** The page's code alone, no data: for pages likely to be opened next (a tab's siblings). */
  code: (to: string) => void;
}

const nothingAhead: PagePreload = { page: () => {}, code: () => {} };

export const PagePreloadContext = createContext<PagePreload>(nothingAhead);

export const usePagePreload = () => useContext(PagePreloadContext);
