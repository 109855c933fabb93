/**
 * Views are read-only through the API, and the API roles hold no privilege they never use.
 * A write to a view used to fail inside Postgres' rewriter (55000), which PostgREST answered 500;
 * now it is refused by permission (401 anonymous, 403 signed in) or, for the service role, by the
 * view's trigger (405), and the view's rows stay as they were. Every view in public is covered,
 * including ones added later.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPendingRequest } from '../factories.ts';
import { serviceClient, testEnv, personasForThisFile, withDb, type Persona } from '../personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
const signedIn: Persona[] = ['orgAdmin', 'scheduler', 'therapist', 'otherOrgAdmin'];
const tokens = new Map<string, string>();
let views: { name: string; column: string }[] = [];
let tables: string[] = [];

beforeAll(async () => {
  // a row in every view (the personas' enrollment and profile, and a waiting request), so the
  // platform's writes reach the view's trigger
  await insertPendingRequest(personas, personas.staff.therapist.id);
  for (const persona of signedIn) {
    const client = await personas.signedInAs(persona);
    tokens.set(persona, (await client.auth.getSession()).data.session!.access_token);
  }
  tokens.set('anon', testEnv().anonKey);
  tokens.set('service', testEnv().serviceRoleKey);
  [views, tables] = await withDb(async (db) => [
    (
      await db.query<{ name: string; column: string }>(
        `select c.relname as name, (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = 1) as column
         from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'v' order by 1`,
      )
    ).rows,
    (
      await db.query<{ name: string }>(
        `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by 1`,
      )
    ).rows.map((r) => r.name),
  ]);
});

/** Every row of a view as the platform sees it, to compare before and after. */
async function snapshot(view: string) {
  const { data, error } = await service.from(view as 'program_grid').select('*');
  if (error) throw error;
  return data.map((row) => JSON.stringify(row)).sort();
}

async function write(
  who: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  view: { name: string; column: string },
) {
  const filter = method === 'POST' ? '' : `?${view.column}=not.is.null`;
  const response = await fetch(`${testEnv().apiUrl}/rest/v1/${view.name}${filter}`, {
    method,
    headers: {
      apikey: testEnv().anonKey,
      authorization: `Bearer ${tokens.get(who)}`,
      'content-type': 'application/json',
    },
    body: method === 'DELETE' ? undefined : JSON.stringify({ [view.column]: null }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

describe('views refuse writes with a 4xx', () => {
  it('covers the views the issue named', () => {
    expect(views.map((v) => v.name)).toEqual(
      expect.arrayContaining(['program_grid', 'public_profile_details', 'unconfirmed_requests']),
    );
  });

  it('POST, PATCH and DELETE on every view: 401 anonymous, 403 signed in, 405 for the service role; no row changes', async () => {
    for (const view of views) {
      const before = await snapshot(view.name);
      // the view's trigger runs once per row: a PATCH or DELETE that matched none would be a no-op
      expect(before.length, `${view.name} has rows`).toBeGreaterThan(0);
      for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
        const anon = await write('anon', method, view);
        expect(anon.status, `${method} ${view.name} as anon: ${JSON.stringify(anon.body)}`).toBe(401);
        for (const persona of signedIn) {
          const res = await write(persona, method, view);
          expect(
            res.status,
            `${method} ${view.name} as ${persona} (${personas.staff[persona as Persona].email}): ${JSON.stringify(res.body)}`,
          ).toBe(403);
          expect(res.body.message).toBe(`permission denied for view ${view.name}`);
        }
        const platform = await write('service', method, view);
        expect(
          platform.status,
          `${method} ${view.name} as service_role: ${JSON.stringify(platform.body)}`,
        ).toBe(405);
        expect(platform.body.message).toBe(
          `${view.name} is a read-only view: ${method === 'POST' ? 'insert' : method === 'PATCH' ? 'update' : 'delete'} is not allowed; nothing was changed.`,
        );
      }
      expect(await snapshot(view.name)).toEqual(before);
    }
  });
});

describe('privileges the API never uses', () => {
  it('anon and authenticated hold no TRUNCATE, TRIGGER or REFERENCES on any table or view, and only SELECT on views', async () => {
    const held = await withDb(
      async (db) =>
        (
          await db.query<{ relation: string; role: string; privilege: string }>(
            `select c.relname as relation, r.role, p.privilege
           from pg_class c
           cross join (values ('anon'), ('authenticated')) r(role)
           cross join (values ('truncate'), ('trigger'), ('references'), ('insert'), ('update'), ('delete')) p(privilege)
           where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
             and (c.relkind = 'v' or p.privilege in ('truncate', 'trigger', 'references'))
             and has_table_privilege(r.role, c.oid, p.privilege)
           order by 1, 2, 3`,
          )
        ).rows,
    );
    expect(tables.length).toBeGreaterThan(10);
    expect(held).toEqual([]);
  });

  it('a table created later does not give them TRUNCATE, TRIGGER or REFERENCES either (default privileges)', async () => {
    const privileges = await withDb(async (db) => {
      await db.query('begin');
      try {
        await db.query('create table public.privilege_probe (id integer primary key)');
        return (
          await db.query<{
            role: string;
            truncate: boolean;
            trigger: boolean;
            references: boolean;
            select: boolean;
          }>(
            `select r.role,
                    has_table_privilege(r.role, 'public.privilege_probe', 'truncate') as truncate,
                    has_table_privilege(r.role, 'public.privilege_probe', 'trigger') as trigger,
                    has_table_privilege(r.role, 'public.privilege_probe', 'references') as references,
                    has_table_privilege(r.role, 'public.privilege_probe', 'select') as select
             from (values ('anon'), ('authenticated')) r(role) order by 1`,
          )
        ).rows;
      } finally {
        await db.query('rollback');
      }
    });
    // select stays granted as on Supabase (RLS decides); the three unused privileges do not
    expect(privileges).toEqual([
      { role: 'anon', truncate: false, trigger: false, references: false, select: true },
      { role: 'authenticated', truncate: false, trigger: false, references: false, select: true },
    ]);
  });
});
