import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/ui/status';
import styles from './home.module.css';

interface TodoSectionProps {
  /** id of the heading, which names the section */
  id: string;
  title: string;
  /** beside the title: how many items, or a link */
  aside?: ReactNode;
  children: ReactNode;
}

/** One list of the home page: a titled card with its items or its all-done line. */
export function TodoSection({ id, title, aside, children }: TodoSectionProps) {
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.sectionHeader}>
        <h2 id={id} className={styles.sectionTitle}>
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** The empty state of a to-do list: nothing left to do here. */
export function AllDone({ children }: { children: ReactNode }) {
  return <p className={styles.done}>{children}</p>;
}

/** "3 waiting" beside a section's title. */
export function ItemCount({ children }: { children: string }) {
  return <span className={styles.count}>{children}</span>;
}

interface QueryContentProps<T> {
  query: UseQueryResult<T>;
  loading: string;
  failed: string;
  children: (data: T) => ReactNode;
}

/** A section's content once its query has answered; while it loads or after it failed, says so in words. */
export function QueryContent<T>({ query, loading, failed, children }: QueryContentProps<T>) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError)
    return <ErrorState title={failed} error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
