import { createContext, useContext } from 'react';
import type { NavGroup } from './navigation';

/** The signed-in person's navigation (derived from the route table by the app layout). */
export const NavigationContext = createContext<readonly NavGroup[]>([]);

export const useNavigationGroups = () => useContext(NavigationContext);
