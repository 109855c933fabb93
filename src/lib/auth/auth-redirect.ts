/**
 * What an auth link (invitation, password recovery) brought with it.
 *
 * supabase-js reads the session from the URL hash (`#access_token=…&type=invite`) while it starts
 * and then clears the hash. `detectAuthRedirect` is its `detectSessionInUrl` hook: it answers the
 * same question supabase-js would, and remembers for this tab that the person still has to choose
 * a password, or why the link did not work.
 */

export type PasswordSetupReason = 'invite' | 'recovery';

const passwordSetupKey = 'crp.password-setup';
const linkErrorKey = 'crp.auth-link-error';

function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined; // storage blocked by the browser
  }
}

/** True when `params` (parsed from the URL's query and hash) are an auth redirect supabase-js should handle. */
export function isAuthRedirect(params: Readonly<Record<string, string>>): boolean {
  return Boolean(params.access_token || params.error || params.error_description || params.error_code);
}

/** A message for a person whose auth link failed, from the error GoTrue put in the URL. */
export function linkErrorMessage(params: Readonly<Record<string, string>>): string | null {
  if (!params.error && !params.error_code && !params.error_description) return null;
  if (params.error_code === 'otp_expired') {
    return 'This link is invalid or has expired. Ask your clinic’s administrator to send a new invitation.';
  }
  const detail = params.error_description?.replace(/\+/g, ' ');
  return detail ? `The link could not be used: ${detail}.` : 'The link could not be used.';
}

/** `detectSessionInUrl` hook for supabase-js: see the module comment. */
export function detectAuthRedirect(_url: URL, params: { [parameter: string]: string }): boolean {
  const storage = tabStorage();
  if (params.access_token && (params.type === 'invite' || params.type === 'recovery')) {
    storage?.setItem(passwordSetupKey, params.type);
  }
  const linkError = linkErrorMessage(params);
  if (linkError) storage?.setItem(linkErrorKey, linkError);
  return isAuthRedirect(params);
}

/** Whether this tab arrived through an invitation or recovery link and has not chosen a password yet. */
export function pendingPasswordSetup(): PasswordSetupReason | null {
  const value = tabStorage()?.getItem(passwordSetupKey);
  return value === 'invite' || value === 'recovery' ? value : null;
}

export function clearPasswordSetup(): void {
  tabStorage()?.removeItem(passwordSetupKey);
}

/** Why the last auth link failed, if it did. */
export function authLinkError(): string | null {
  return tabStorage()?.getItem(linkErrorKey) ?? null;
}

export function clearAuthLinkError(): void {
  tabStorage()?.removeItem(linkErrorKey);
}
