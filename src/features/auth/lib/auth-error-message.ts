/**
 * What to tell a person when Supabase Auth refused: the server's own words where they are clear,
 * plain advice where they are not.
 */
import { isAuthError, isAuthRetryableFetchError, isAuthWeakPasswordError } from '@supabase/supabase-js';
import { errorMessage } from '@/lib/errors';
import { passwordRuleMessages } from './password-policy';

export function signInErrorMessage(error: unknown): string {
  if (isAuthRetryableFetchError(error)) {
    return 'The sign-in service could not be reached. Check your connection and try again.';
  }
  if (isAuthError(error)) {
    switch (error.code) {
      case 'invalid_credentials':
        // GoTrue's own wording ("Invalid login credentials"), which people search for.
        return `${error.message}. Check your email address and password and try again.`;
      case 'email_not_confirmed':
        return 'Your email address is not confirmed yet. Use the link in your invitation email first.';
      case 'over_request_rate_limit':
        // the local service says when to try again; hosted Supabase Auth only that the limit was reached
        return error.message.includes('Try again')
          ? `Too many sign-in attempts. ${error.message.slice(error.message.indexOf('Try again'))}`
          : 'Too many sign-in attempts. Wait a few minutes and try again.';
      case 'over_email_send_rate_limit':
        return 'Too many sign-in attempts. Wait a few minutes and try again.';
      case 'user_banned':
        return 'This account is blocked. Ask your clinic’s administrator.';
      default:
        return error.status === 429
          ? 'Too many sign-in attempts. Wait a few minutes and try again.'
          : error.message;
    }
  }
  return errorMessage(error);
}

export function setPasswordErrorMessage(error: unknown): string {
  if (isAuthRetryableFetchError(error)) {
    return 'The sign-in service could not be reached. Check your connection and try again.';
  }
  if (isAuthWeakPasswordError(error)) {
    // the rule's own words, as the form says them; other reasons (e.g. a leaked password) in the server's
    const known = error.reasons.filter(
      (reason): reason is 'length' | 'characters' => reason === 'length' || reason === 'characters',
    );
    if (known.length === error.reasons.length && known.length > 0) {
      return `This password is too weak. ${known.map((reason) => `${passwordRuleMessages[reason]}.`).join(' ')}`;
    }
    return `This password is too weak: ${error.message}`;
  }
  if (isAuthError(error)) {
    if (error.code === 'same_password') return 'Choose a password different from your current one.';
    if (error.code === 'session_not_found' || error.name === 'AuthSessionMissingError') {
      return 'Your invitation session has ended. Open the link in your invitation email again.';
    }
    return error.message;
  }
  return errorMessage(error);
}
