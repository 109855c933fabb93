import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/config/env';
import { ConfigErrorScreen } from './config-error-screen';

describe('ConfigErrorScreen', () => {
  it('names the bad variables and how to fix them, instead of a blank page', () => {
    let error: EnvError | undefined;
    try {
      parseEnv({ VITE_SUPABASE_URL: 'http://localhost:54321' });
    } catch (caught) {
      if (caught instanceof EnvError) error = caught;
    }
    if (!error) throw new Error('expected an EnvError');
    render(<ConfigErrorScreen error={error} />);

    expect(screen.getByRole('heading', { level: 1, name: 'The app is not configured' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('VITE_SUPABASE_ANON_KEY is not set.');
    expect(alert).not.toHaveTextContent('VITE_SUPABASE_URL');
    expect(alert).toHaveTextContent('npm start sets both variables');
    expect(alert).toHaveTextContent('.env.local');
  });
});
