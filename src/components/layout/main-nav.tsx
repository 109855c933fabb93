import { Link, useLocation } from 'react-router';
import { activeNavItem, type NavGroup, type NavItem } from '@/lib/access/roles';

/** Pending-work counts shown as badges next to navigation items (e.g. requests to answer). */
export type NavCounts = Partial<Record<NavItem['id'], number>>;

interface MainNavProps {
  groups: readonly NavGroup[];
  counts?: NavCounts;
  /** Called when an item is about to be opened (pointed at, focused or clicked), to fetch its page ahead. */
  onIntent?: (id: NavItem['id']) => void;
}

/** The app's navigation; the item for the current page carries aria-current="page". */
export function MainNav({ groups, counts = {}, onIntent }: MainNavProps) {
  const { pathname } = useLocation();
  const active = activeNavItem(pathname, groups);
  return (
    <nav aria-label="Main" className="main-nav">
      <ul className="nav-groups">
        {groups.map((group) => {
          const labelId = `nav-group-${group.label.toLowerCase()}`;
          return (
            <li key={group.label} className="nav-group">
              <span className="nav-group-label" id={labelId}>
                {group.label}
              </span>
              <ul aria-labelledby={labelId}>
                {group.items.map((item) => (
                  <li key={item.id}>
                    <Link
                      to={item.to}
                      className="nav-link"
                      aria-current={item.id === active ? 'page' : undefined}
                      onPointerEnter={() => onIntent?.(item.id)}
                      onFocus={() => onIntent?.(item.id)}
                      onClick={() => onIntent?.(item.id)}
                    >
                      {item.label}
                      {counts[item.id] ? (
                        <span className="nav-badge">
                          <span aria-hidden="true">{counts[item.id]}</span>
                          <span className="visually-hidden">({counts[item.id]} pending)</span>
                        </span>
                      ) : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
