import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from '../../../../supabase/local/auth/config-file';
import { requiredCharacterSets } from '../../../../supabase/local/auth/password-policy';
import { hasRequiredCharacters, passwordPolicy } from './password-policy';

describe('the app’s password rule', () => {
  it('is the rule of supabase/config.toml, which Supabase Auth enforces', () => {
    const config = loadAuthConfig(path.resolve(import.meta.dirname, '../../../../supabase/config.toml'));
    expect(passwordPolicy.minimumLength).toBe(config.minimumPasswordLength);
    expect(passwordPolicy.requirement).toBe(config.passwordRequirements);
  });

  it('wants one character of each of GoTrue’s sets for that requirement', () => {
    const sets = requiredCharacterSets[passwordPolicy.requirement];
    for (const sample of ['Harbor-View-2026', 'aB3', 'harbor2026', 'HARBOR2026', 'HarborView', '']) {
      expect(hasRequiredCharacters(sample)).toBe(
        sets.every((set) => [...sample].some((c) => set.includes(c))),
      );
    }
  });
});
