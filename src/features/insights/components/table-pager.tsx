import { Button } from '@/components/ui/button';
import styles from './insights.module.css';

interface TablePagerProps {
  /** what the pager moves through, for screen readers: "therapists" */
  what: string;
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/**
 * Previous / next through a long table's rows, with which rows are shown said in words (and
 * announced when the page changes). Renders nothing when every row fits on one page.
 */
export function TablePager({ what, page, pageSize, total, onPageChange }: TablePagerProps) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className={styles.pager} aria-label={`Pages of ${what}`}>
      <Button size="small" variant="quiet" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
        Previous
        <span className="visually-hidden">
          {' '}
          {pageSize} {what}
        </span>
      </Button>
      <p className={styles.pagerStatus} aria-live="polite">
        {first.toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {total.toLocaleString('en-US')}{' '}
        {what}
      </p>
      <Button
        size="small"
        variant="quiet"
        disabled={page >= pages - 1}
        onClick={() => onPageChange(page + 1)}
      >
        Next
        <span className="visually-hidden">
          {' '}
          {pageSize} {what}
        </span>
      </Button>
    </nav>
  );
}
