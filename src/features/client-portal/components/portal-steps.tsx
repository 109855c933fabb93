import styles from './client-portal.module.css';

const steps = ['Therapist', 'Time', 'Your details', 'Sent'] as const;
export type PortalStep = (typeof steps)[number];

/** Where the person is in the request: four steps, the current one marked for assistive technology. */
export function PortalSteps({ current }: { current: PortalStep }) {
  const at = steps.indexOf(current);
  return (
    <nav aria-label="Request steps">
      <ol className={styles.portalSteps}>
        {steps.map((step, index) => (
          <li
            key={step}
            aria-current={index === at ? 'step' : undefined}
            className={
              index < at ? styles.portalStepDone : index === at ? styles.portalStepCurrent : undefined
            }
          >
            <span className="visually-hidden">Step {index + 1} of 4: </span>
            {step}
          </li>
        ))}
      </ol>
    </nav>
  );
}
