import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { TextField } from '@/components/ui/field';
import { usePageTitle } from '@/components/ui/use-page-title';
import { paths } from '@/lib/access/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useSetPassword } from '../api/set-password';
import { setPasswordErrorMessage } from '../lib/auth-error-message';
import { passwordHint } from '../lib/password-policy';
import { setPasswordSchema, type SetPasswordValues } from '../schemas';
import { AuthPageShell } from './auth-page-shell';
import { buttonClassName } from '@/components/ui/button';

/**
 * Reached after following an invitation (or password recovery) link: supabase-js has already read
 * the session from the link, so the person only chooses a password.
 */
export function SetPasswordPage() {
  const { state, completePasswordSetup } = useAuth();
  const navigate = useNavigate();
  const setPassword = useSetPassword();
  const recovering = state.status === 'signed-in' && state.passwordSetup === 'recovery';
  const title = recovering ? 'Choose a new password' : 'Set your password';
  usePageTitle(title);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SetPasswordValues>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { password: '', confirmPassword: '' },
  });

  const email = state.status === 'signed-in' ? state.session.user.email : undefined;
  const pending = setPassword.isPending;

  async function onSubmit(values: SetPasswordValues) {
    await setPassword.mutateAsync({ password: values.password });
    completePasswordSetup();
    await navigate(paths.home, { replace: true, state: { notice: 'Your password is set.' } });
  }

  return (
    <AuthPageShell title={title}>
      <p>
        {recovering ? 'Choose a new password' : 'Welcome! Choose a password'}
        {email ? (
          <>
            {' '}
            for <strong>{email}</strong>
          </>
        ) : null}
        . You will use it with your email address to sign in.
      </p>
      <form
        noValidate
        aria-busy={pending}
        onSubmit={(event) => void handleSubmit((values) => onSubmit(values).catch(() => undefined))(event)}
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
        <TextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={passwordHint}
          error={errors.password?.message}
          {...register('password')}
        />
        <TextField
          id="confirm-password"
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...register('confirmPassword')}
        />
        {setPassword.isError ? (
          <div role="alert" className="callout callout-error">
            {setPasswordErrorMessage(setPassword.error)}
          </div>
        ) : null}
        <button type="submit" className={buttonClassName({ variant: 'primary' })} disabled={pending}>
          {pending ? 'Saving…' : 'Save password'}
        </button>
      </form>
    </AuthPageShell>
  );
}
