import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { detectAuthRedirect } from '@/lib/auth/auth-redirect';
import { authUrl, gotrueError } from '../../../../tests/msw/auth-handlers';
import { personas } from '../../../../tests/msw/people';
import { bodyOf } from '../../../../tests/msw/rest';
import { server } from '../../../../tests/msw/server';
import { renderApp, signInAs } from '../../../../tests/render';

/**
 * supabase-js reads the invitation's session from the URL when it starts. These tests stand in for
 * that moment: the same `detectSessionInUrl` hook sees the link's parameters, then the session exists.
 */
async function arriveFromInvitation() {
  detectAuthRedirect(new URL('http://localhost/#access_token=x&type=invite'), {
    access_token: 'x',
    refresh_token: 'y',
    expires_in: '3600',
    token_type: 'bearer',
    type: 'invite',
  });
  await signInAs('therapist');
}

/** The passwords the app asks the auth server to set, from now on. */
function recordPasswordUpdates(): unknown[] {
  const updates: unknown[] = [];
  server.use(
    http.put(authUrl('user'), async ({ request }) => {
      updates.push(await bodyOf(request));
      return undefined;
    }),
  );
  return updates;
}

describe('Set your password (after an invitation link)', () => {
  it('sends an invited person to choose a password before anything else', async () => {
    await arriveFromInvitation();
    renderApp({ route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeInTheDocument();
    expect(screen.getByText(personas.therapist.email)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('asks for config.toml’s password rule and a matching confirmation', async () => {
    await arriveFromInvitation();
    const passwordUpdates = recordPasswordUpdates();
    const { user } = renderApp({ route: '/set-password' });
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    const password = screen.getByLabelText('New password');
    expect(password).toHaveAccessibleDescription(
      'At least 12 characters, with a lowercase letter, an uppercase letter and a digit.',
    );

    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual([
      'Enter a password',
      'Enter the password again',
    ]);

    await user.type(password, 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Use at least 12 characters');

    await user.clear(password);
    await user.type(password, 'harbor-view-2026');
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'harbor-view-2026');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Use at least one lowercase letter, one uppercase letter and one digit',
    );

    await user.clear(password);
    await user.type(password, 'Harbor-View-2026');
    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'Harbor-View-2025');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The passwords do not match');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('aria-invalid', 'true');
    expect(passwordUpdates).toEqual([]);
  });

  it('saves the password with auth.updateUser and opens the app', async () => {
    await arriveFromInvitation();
    const passwordUpdates = recordPasswordUpdates();
    const { user } = renderApp({ route: '/set-password' });
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    await user.type(screen.getByLabelText('New password'), 'Harbor-View-2026');
    await user.type(screen.getByLabelText('Confirm password'), 'Harbor-View-2026');
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya' })).toBeInTheDocument();
    // the home page's lists announce their loading too: find the notice by its words
    expect(screen.getByText(/Your password is set\./)).toHaveAttribute('role', 'status');
    expect(passwordUpdates).toEqual([expect.objectContaining({ password: 'Harbor-View-2026' })]);
  });

  it('shows the server’s refusal', async () => {
    await arriveFromInvitation();
    const { user } = renderApp({ route: '/set-password' });
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });
    // the password typed is the current one: GoTrue answers same_password
    server.use(
      http.put(authUrl('user'), () =>
        gotrueError(422, 'same_password', 'New password should be different from the old password.'),
      ),
    );
    await user.type(screen.getByLabelText('New password'), 'Harbor-View-2026');
    await user.type(screen.getByLabelText('Confirm password'), 'Harbor-View-2026');
    await user.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Choose a password different from your current one.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Set your password' })).toBeInTheDocument();
  });

  it('is for signed-in people only', async () => {
    renderApp({ route: '/set-password' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });
});
