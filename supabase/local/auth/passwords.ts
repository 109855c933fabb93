/**
 * Passwords: bcrypt (cost 10, like GoTrue), so rows written by the seed's pgcrypto
 * `crypt(..., gen_salt('bf'))` ($2a$) and by this service ($2b$) verify alike.
 */
import { randomBytes } from 'node:crypto';
import { compare, hash } from 'bcryptjs';

const bcryptCost = 10;

export const hashPassword = (password: string) => hash(password, bcryptCost);

/**
 * A hash to compare against when the email is unknown, so a wrong email takes as long as a wrong
 * password and response times do not reveal which accounts exist.
 */
export const decoyHash = hash('decoy-password-never-valid', bcryptCost);

export async function verifyPassword(password: string, encrypted: string | null): Promise<boolean> {
  if (!encrypted || !encrypted.startsWith('$2')) {
    await compare(password, await decoyHash);
    return false;
  }
  return compare(password, encrypted);
}

/** The unusable password GoTrue gives users created without one (admin-created, invited). */
export function randomPassword(): string {
  return randomBytes(48).toString('base64url');
}
