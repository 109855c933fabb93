import { NavLink } from 'react-router';

export interface Tab {
  label: string;
  to: string;
  /** Active only on exactly this path (not on paths below it). */
  end?: boolean;
}

/** Tabs that are pages: links in a labelled nav, the current one marked aria-current="page". */
export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  return (
    <nav aria-label={label} className="tab-nav">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="tab-link">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
