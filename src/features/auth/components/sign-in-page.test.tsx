import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { supabase } from '@/lib/supabase';
import { authUrl } from '../../../../tests/msw/auth-handlers';
import { demoPassword, personas } from '../../../../tests/msw/people';
import { server } from '../../../../tests/msw/server';
import { renderApp } from '../../../../tests/render';

async function openSignIn(route = '/sign-in') {
  const rendered = renderApp({ route });
  await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
  return rendered;
}

describe('Sign in', () => {
  it('has labelled email and password fields', async () => {
    await openSignIn();
    expect(screen.getByLabelText('Email address')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
  });

  it('names each empty field, marks it invalid and sends nothing', async () => {
    let tokenRequests = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/auth/v1/token')) tokenRequests += 1;
    });
    const { user } = await openSignIn();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Enter your email address', 'Enter your password']);
    const email = screen.getByLabelText('Email address');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
    expect(email).toHaveFocus();
    expect(tokenRequests).toBe(0);
  });

  it('says when the email address is not one', async () => {
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Email address'), 'maya.okafor');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a valid email address');
  });

  it('shows the server’s message for a wrong password', async () => {
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Email address'), personas.admin.email);
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid login credentials');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('disables the button while signing in', async () => {
    let release: () => void = () => undefined;
    server.use(
      http.post(authUrl('token'), async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return HttpResponse.json(
          { code: 'invalid_credentials', message: 'Invalid login credentials' },
          { status: 400 },
        );
      }),
    );
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Email address'), personas.admin.email);
    await user.type(screen.getByLabelText('Password'), demoPassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid login credentials');
  });

  it('signs in and opens the clinic’s home page', async () => {
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Email address'), personas.admin.email);
    await user.type(screen.getByLabelText('Password'), demoPassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Maya' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Harborview Counseling Collective');
    const { data } = await supabase.auth.getSession();
    expect(data.session?.user.email).toBe(personas.admin.email);
  });

  it('returns to the page that asked for sign-in', async () => {
    const { user } = renderApp({ route: '/staff' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
    await user.type(screen.getByLabelText('Email address'), personas.scheduler.email);
    await user.type(screen.getByLabelText('Password'), demoPassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Active Staff Members' }),
    ).toBeInTheDocument();
  });
});
