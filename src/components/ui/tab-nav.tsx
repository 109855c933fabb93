import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { usePagePreload } from '@/lib/access/navigation-context';

export interface Tab {
  label: string;
  to: string;
  /** Active only on exactly this path (not on paths below it). */
  end?: boolean;
}

/**
 * Tabs that are pages: links in a labelled nav, the current one marked aria-current="page". The
 * other tabs' code is loaded once the browser is idle, and a tab about to be opened (pointed at,
 * focused, clicked) starts fetching its data, so opening one is a render, not a wait for a chunk.
 */
export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  const preload = usePagePreload();
  const addresses = tabs.map((tab) => tab.to).join(' ');
  useEffect(() => {
    // browsers without idle callbacks (Safari) load a tab's code when it is pointed at instead
    if (typeof window.requestIdleCallback !== 'function') return;
    const idle = window.requestIdleCallback(() => {
      for (const to of addresses.split(' ')) preload.code(to);
    });
    return () => window.cancelIdleCallback(idle);
  }, [addresses, preload]);
  return (
    <nav aria-label={label} className="tab-nav">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className="tab-link"
              onPointerEnter={() => preload.page(tab.to)}
              onFocus={() => preload.page(tab.to)}
              onClick={() => preload.page(tab.to)}
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
