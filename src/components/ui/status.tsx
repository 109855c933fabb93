import { errorMessage } from '@/lib/errors';
import { buttonClassName } from '@/components/ui/button';

/** A polite "still loading" message for assistive technology and sighted users alike. */
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="status-message">
      {label}
    </p>
  );
}

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, with the server's reason and a way to try again. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  return (
    <div role="alert" className="callout callout-error">
      <p className="callout-title">{title}</p>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className={buttonClassName({ variant: 'secondary' })} onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
