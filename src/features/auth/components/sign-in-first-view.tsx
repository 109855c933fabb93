/**
 * The sign-in page as a person who is signed out first sees it, as HTML: the build puts it in the
 * page served at /sign-in (see src/lib/first-view.ts). It is the page's own component, rendered
 * with the providers it reads, so the two cannot drift apart.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { paths } from '@/lib/access/paths';
import { AuthContext, type AuthContextValue } from '@/lib/auth/auth-context';
import { SignInPage } from './sign-in-page';

const signedOut: AuthContextValue = {
  state: { status: 'signed-out', reason: null },
  signOut: () => Promise.resolve(),
  completePasswordSetup: () => {},
};

export function renderSignInFirstView(): string {
  const html = renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <AuthContext value={signedOut}>
        <MemoryRouter initialEntries={[paths.signIn]}>
          <SignInPage />
        </MemoryRouter>
      </AuthContext>
    </QueryClientProvider>,
  );
  // Before the app's script has run, the form must not submit itself: the browser would send it
  // as a GET and put the password in the address. A plain button does nothing, and with two
  // fields and no submit button Enter does not submit either; the app's own form takes over.
  return html.replace(/<button type="submit"/g, '<button type="button"');
}
