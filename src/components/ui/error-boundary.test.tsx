import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

function Page({ broken }: { broken: boolean }) {
  if (broken) throw new Error('Failed to fetch dynamically imported module');
  return <p>The page</p>;
}

afterEach(() => vi.restoreAllMocks());

describe('ErrorBoundary', () => {
  it('shows the failure instead of a blank page, and recovers when the address changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="/staff">
        <Page broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be shown.');
    expect(screen.getByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');

    rerender(
      <ErrorBoundary resetKey="/staff">
        <Page broken={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();

    rerender(
      <ErrorBoundary resetKey="/">
        <Page broken={false} />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('The page')).toBeInTheDocument();
  });
});
