const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a value Postgres accepts as a uuid; lets pages answer "not found" without asking the API. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && uuidPattern.test(value);
}
