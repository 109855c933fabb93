import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '@/lib/auth/auth-context';
import { paths } from '@/lib/access/paths';
import { errorMessage } from '@/lib/errors';
import { buttonClassName } from '@/components/ui/button';

export function SignOutButton({
  className = buttonClassName({ variant: 'secondary' }),
}: {
  className?: string;
}) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleClick() {
    setPending(true);
    setError(null);
    try {
      await signOut();
      await navigate(paths.signIn, { replace: true });
    } catch (cause) {
      setError(`Could not sign out: ${errorMessage(cause)}`);
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => void handleClick()}
        disabled={pending}
        aria-busy={pending}
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {error ? (
        <span role="alert" className="inline-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
