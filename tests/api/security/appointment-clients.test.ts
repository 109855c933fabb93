/**
 * A therapist reads the clients of their own appointments (their calendar names them), and no
 * other client: not a colleague's appointment's client, not a client they have no appointment
 * with, not another clinic's.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { personasForThisFile, serviceClient, type Client } from '../personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let priya: Client, jordan: Client, scheduler: Client;

let hoursAhead = 24 * 90;
/** A client of `orgId` with a scheduled appointment with `staffId`, written as the platform. */
async function clientWithAppointment(orgId: string, staffId: string | null, firstName: string) {
  const { data: client, error } = await service
    .from('clients')
    .insert({
      org_id: orgId,
      first_name: firstName,
      last_name: 'Castillo',
      email: `client.${randomUUID().slice(0, 8)}@example.org`,
      date_of_birth: '1991-04-12',
      status: 'active',
    })
    .select('id')
    .single();
  if (error) throw new Error(`clientWithAppointment: ${error.message}`);
  if (staffId) {
    hoursAhead += 3;
    const start = new Date(Date.now() + hoursAhead * 3_600_000);
    const { error: appointmentError } = await service.from('appointments').insert({
      org_id: orgId,
      staff_id: staffId,
      client_id: client.id,
      during: `[${start.toISOString()},${new Date(start.getTime() + 3_600_000).toISOString()})`,
    });
    if (appointmentError) throw new Error(`clientWithAppointment: ${appointmentError.message}`);
  }
  return client.id;
}

let priyasClient: string, jordansClient: string, nobodysClient: string, otherClinicsClient: string;

beforeAll(async () => {
  [priya, jordan, scheduler] = await Promise.all([
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('scheduler'),
  ]);
  [priyasClient, jordansClient, nobodysClient, otherClinicsClient] = await Promise.all([
    clientWithAppointment(personas.clinic.id, personas.staff.therapist.id, 'Elena'),
    clientWithAppointment(personas.clinic.id, personas.staff.otherTherapist.id, 'Rowan'),
    clientWithAppointment(personas.clinic.id, null, 'Sam'),
    // otherOrgAdmin is also a therapist of the other clinic
    clientWithAppointment(personas.otherClinic.id, personas.staff.otherOrgAdmin.id, 'Noor'),
  ]);
});

const readableClients = async (who: Client) =>
  (
    (
      await who
        .from('clients')
        .select('id')
        .in('id', [priyasClient, jordansClient, nobodysClient, otherClinicsClient])
    ).data ?? []
  )
    .map((c) => c.id)
    .sort();

describe('clients: a therapist reads the clients of their own appointments', () => {
  it('the therapist reads their own appointment’s client, and no other', async () => {
    expect(await readableClients(priya)).toEqual([priyasClient]);
    expect(await readableClients(jordan)).toEqual([jordansClient]);
  });

  it('their calendar names the client: the appointment’s client embed is filled', async () => {
    const { data, error } = await priya
      .from('appointments')
      .select('client:clients(first_name, last_name)')
      .eq('staff_id', personas.staff.therapist.id)
      .eq('client_id', priyasClient)
      .single();
    expect(error).toBeNull();
    expect(data?.client).toEqual({ first_name: 'Elena', last_name: 'Castillo' });
  });

  it('another clinic’s therapist reads none of this clinic’s clients; the scheduler reads all of it', async () => {
    const otherAdminTherapist = await personas.signedInAs('otherOrgAdmin');
    expect(await readableClients(otherAdminTherapist)).toEqual([otherClinicsClient]);
    expect(await readableClients(scheduler)).toEqual([priyasClient, jordansClient, nobodysClient].sort());
  });

  it('a therapist cannot change a client they read', async () => {
    const { data } = await priya
      .from('clients')
      .update({ first_name: 'Changed' })
      .eq('id', priyasClient)
      .select('id');
    expect(data ?? []).toEqual([]);
  });
});
