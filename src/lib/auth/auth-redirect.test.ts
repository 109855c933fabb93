import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authLinkError,
  clearPasswordSetup,
  detectAuthRedirect,
  isAuthRedirect,
  linkErrorMessage,
  pendingPasswordSetup,
} from './auth-redirect';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const url = new URL('http://localhost:5173/');
const session = { access_token: 'a', refresh_token: 'r', expires_in: '3600', token_type: 'bearer' };

beforeEach(() => vi.stubGlobal('sessionStorage', new MemoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('detectAuthRedirect', () => {
  it('takes the same URLs supabase-js would', () => {
    expect(isAuthRedirect({})).toBe(false);
    expect(isAuthRedirect({ main: '' })).toBe(false); // the skip link's #main
    expect(detectAuthRedirect(url, session)).toBe(true);
    expect(detectAuthRedirect(url, { error: 'access_denied' })).toBe(true);
  });

  it('remembers that an invited person must still choose a password', () => {
    expect(pendingPasswordSetup()).toBeNull();
    detectAuthRedirect(url, { ...session, type: 'invite' });
    expect(pendingPasswordSetup()).toBe('invite');
    clearPasswordSetup();
    expect(pendingPasswordSetup()).toBeNull();
  });

  it('remembers a recovery link too, but not an ordinary sign-in link', () => {
    detectAuthRedirect(url, { ...session, type: 'magiclink' });
    expect(pendingPasswordSetup()).toBeNull();
    detectAuthRedirect(url, { ...session, type: 'recovery' });
    expect(pendingPasswordSetup()).toBe('recovery');
  });

  it('keeps why a link failed', () => {
    detectAuthRedirect(url, {
      error: 'access_denied',
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
    });
    expect(authLinkError()).toMatch(/invalid or has expired.*new invitation/);
    expect(pendingPasswordSetup()).toBeNull();
  });

  it('works where storage is unavailable', () => {
    vi.stubGlobal('sessionStorage', undefined);
    expect(detectAuthRedirect(url, { ...session, type: 'invite' })).toBe(true);
    expect(pendingPasswordSetup()).toBeNull();
  });
});

describe('linkErrorMessage', () => {
  it('uses GoTrue’s description when there is no better wording', () => {
    expect(
      linkErrorMessage({ error: 'server_error', error_description: 'Database+error+granting+user' }),
    ).toBe('The link could not be used: Database error granting user.');
    expect(linkErrorMessage({ access_token: 'a' })).toBeNull();
  });
});
