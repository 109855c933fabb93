import { Link, useLocation } from 'react-router';
import { activeNavItem, type NavGroup } from '@/lib/access/navigation';
import styles from './main-nav.module.css';

/** Pending-work counts shown as badges next to navigation items (e.g. requests to answer), by item id. */
export type NavCounts = Partial<Record<string, number>>;

interface MainNavProps {
  id: string;
  groups: readonly NavGroup[];
  counts?: NavCounts;
  /** Below 900 px the navigation is a menu: whether it is open. */
  open: boolean;
  /** Called when an item is about to be opened (pointed at, focused or clicked), to fetch its page ahead. */
  onIntent?: (to: string) => void;
}

/** The app's navigation; the item for the current page carries aria-current="page". */
export function MainNav({ id, groups, counts = {}, open, onIntent }: MainNavProps) {
  const { pathname } = useLocation();
  const active = activeNavItem(pathname, groups);
  return (
    <nav id={id} aria-label="Main" className={styles.nav} data-open={open}>
      <ul className={styles.groups}>
        {groups.map((group) => {
          const labelId = `nav-group-${group.label.toLowerCase()}`;
          return (
            <li key={group.label} className={styles.group}>
              <span className={styles.groupLabel} id={labelId}>
                {group.label}
              </span>
              <ul aria-labelledby={labelId}>
                {group.items.map((item) => (
                  <li key={item.id}>
                    <Link
                      to={item.to}
                      className={styles.link}
                      aria-current={item.id === active ? 'page' : undefined}
                      onPointerEnter={() => onIntent?.(item.to)}
                      onFocus={() => onIntent?.(item.to)}
                      onClick={() => onIntent?.(item.to)}
                    >
                      {item.label}
                      {counts[item.id] ? (
                        <span className={styles.badge}>
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
