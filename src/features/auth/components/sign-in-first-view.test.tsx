import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { firstViewElementId } from '@/lib/first-view';
import { demoPassword, personas } from '../../../../tests/msw/people';
import { renderApp, signInAs } from '../../../../tests/render';
import { renderSignInFirstView } from './sign-in-first-view';

/** The page as the build serves it at /sign-in: the first view, in front of the app's root. */
function serveFirstView(): HTMLElement {
  const view = document.createElement('div');
  view.id = firstViewElementId;
  view.innerHTML = renderSignInFirstView();
  document.body.prepend(view);
  return view;
}

afterEach(() => document.getElementById(firstViewElementId)?.remove());

describe('the sign-in page’s first view', () => {
  it('is the signed-out page, with a form that cannot submit itself before the app runs', () => {
    const view = serveFirstView();
    const inView = (role: string, name: string) =>
      Array.from(view.querySelectorAll(role)).find((el) => el.textContent?.includes(name));
    expect(inView('h1', 'Sign in')).toBeDefined();
    expect(inView('p', 'New to the program?')).toBeDefined();
    expect(view.querySelector('input[name="email"]')).toHaveAttribute('type', 'email');
    expect(view.querySelector('input[name="password"]')).toHaveAttribute('type', 'password');
    expect(view.querySelector('button')).toHaveAttribute('type', 'button');
    expect(view.querySelector('[type="submit"]')).toBeNull();
    expect(view.textContent).not.toContain('Checking your session');
  });

  it('hands what was typed, and the focus, to the app’s form, which then signs in', async () => {
    const view = serveFirstView();
    const typist = userEvent.setup();
    await typist.type(view.querySelector<HTMLInputElement>('input[name="email"]')!, personas.admin.email);
    await typist.type(view.querySelector<HTMLInputElement>('input[name="password"]')!, demoPassword);

    const { user } = renderApp({ route: '/sign-in' });

    await waitFor(() => expect(document.getElementById(firstViewElementId)).toBeNull());
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByLabelText('Email address')).toHaveValue(personas.admin.email);
    expect(screen.getByLabelText('Password')).toHaveValue(demoPassword);
    expect(screen.getByLabelText('Password')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Maya' })).toBeInTheDocument();
  });

  it('goes away when a signed-in person is sent on to the app', async () => {
    await signInAs('admin');
    serveFirstView();
    renderApp({ route: '/sign-in' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Maya' })).toBeInTheDocument();
    expect(document.getElementById(firstViewElementId)).toBeNull();
  });
});
