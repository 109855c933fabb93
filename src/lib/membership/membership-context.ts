import { createContext, useContext } from 'react';
import type { Membership } from './current-membership';

export const MembershipContext = createContext<Membership | null>(null);

/** The signed-in staff member and their organization; only inside the app layout. */
export function useMembership(): Membership {
  const value = useContext(MembershipContext);
  if (value === null) throw new Error('useMembership must be used inside the signed-in app layout.');
  return value;
}
