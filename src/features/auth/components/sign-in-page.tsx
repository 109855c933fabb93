import { useLayoutEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/status';
import { TextField } from '@/components/ui/field';
import { usePageTitle } from '@/components/ui/use-page-title';
import { paths } from '@/lib/access/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { authLinkError } from '@/lib/auth/auth-redirect';
import { dropFirstView, firstView, handOverFirstView } from '@/lib/first-view';
import { useSignIn } from '../api/sign-in';
import { signInErrorMessage } from '../lib/auth-error-message';
import type { SignInInput, SignInValues } from '../schemas';
import { AuthPageShell } from './auth-page-shell';
import { buttonClassName } from '@/components/ui/button';

/**
 * zod (and the form's schema) is about a sixth of the JavaScript a phone downloads before this page
 * can show, and nothing on screen needs it until the form is checked: it loads when the person
 * first focuses the form, and a submit waits for it if it has not arrived yet.
 */
let validation: Promise<Resolver<SignInInput, unknown, SignInValues>> | null = null;
const loadValidation = () =>
  (validation ??= import('../lib/sign-in-resolver').then(
    (module) => module.signInResolver,
    (error: unknown) => {
      validation = null; // a failed download is tried again on the next focus or submit
      throw error;
    },
  ));
const signInResolver: Resolver<SignInInput, unknown, SignInValues> = async (values, context, options) =>
  (await loadValidation())(values, context, options);

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    const from = state.from;
    if (from.startsWith('/') && !from.startsWith('//') && !from.startsWith(paths.signIn)) return from;
  }
  return paths.home;
}

export function SignInPage() {
  usePageTitle('Sign in');
  const { state } = useAuth();
  const location = useLocation();
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<SignInInput, unknown, SignInValues>({
    resolver: signInResolver,
    defaultValues: { email: '', password: '' },
  });
  const formRef = useRef<HTMLFormElement>(null);
  // The page's first view (built into the HTML) stays on screen while the session is checked; the
  // form takes over before the browser paints again, so nothing moves and nothing typed is lost.
  const [behindFirstView] = useState(() => firstView() !== null);
  useLayoutEffect(() => {
    if (!behindFirstView || state.status === 'loading') return;
    if (formRef.current)
      handOverFirstView(formRef.current, (name, value) => setValue(name as keyof SignInInput, value));
    else dropFirstView();
  }, [behindFirstView, state.status, setValue]);

  if (behindFirstView && state.status === 'loading') return null;

  if (state.status === 'signed-in') {
    return <Navigate to={state.passwordSetup ? paths.setPassword : returnPath(location.state)} replace />;
  }

  const linkError = authLinkError();
  const pending = signIn.isPending || signIn.isSuccess;

  return (
    <AuthPageShell title="Sign in">
      {state.status === 'loading' ? <LoadingState label="Checking your session…" /> : null}
      {state.status === 'signed-out' && state.reason === 'session-ended' ? (
        <p role="status" className="callout callout-info">
          Your session has ended. Sign in again to continue.
        </p>
      ) : null}
      {linkError ? (
        <p role="alert" className="callout callout-error">
          {linkError}
        </p>
      ) : null}
      <form
        ref={formRef}
        noValidate
        aria-busy={pending}
        onFocus={() => void loadValidation().catch(() => {})}
        onSubmit={(event) => void handleSubmit((values) => signIn.mutate(values))(event)}
      >
        <TextField
          id="sign-in-email"
          label="Email address"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        {signIn.isError ? (
          <div role="alert" className="callout callout-error">
            {signInErrorMessage(signIn.error)}
          </div>
        ) : null}
        <button
          type="submit"
          className={buttonClassName({ variant: 'primary' })}
          disabled={pending || state.status === 'loading'}
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">
        New to the program? Your clinic’s administrator sends you an invitation email with a link to set your
        password.
      </p>
    </AuthPageShell>
  );
}
