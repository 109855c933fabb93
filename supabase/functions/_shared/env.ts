/** Reads a required secret or environment variable, failing at start-up with its name. */
export function requireEnv(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`Missing environment variable ${name} (set it with \`supabase secrets set\`).`);
  return value;
}
