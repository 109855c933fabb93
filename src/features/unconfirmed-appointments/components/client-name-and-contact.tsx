import styles from './unconfirmed-appointments.module.css';

/** The client's name over their email and phone: how every table of this page opens a row. */
export function ClientNameAndContact({
  client,
}: {
  client: { first_name: string; last_name: string; email: string; phone: string };
}) {
  return (
    <>
      <span className={styles.client}>
        {client.first_name} {client.last_name}
      </span>
      <span className={styles.contact}>
        {client.email} · {client.phone}
      </span>
    </>
  );
}
