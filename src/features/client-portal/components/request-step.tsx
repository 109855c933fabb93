import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from '@/lib/public-router/router';
import { DateTimeField, FieldError, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { vocabularyLabel } from '@/lib/profile-vocabulary';
import { ageGroupOf, ageOn, agesServedProblem, todayIn } from '../lib/ages-served';
import { useCreatePortalRequest } from '../api/create-portal-request';
import { useTherapistSlots } from '../api/get-therapist-slots';
import { submissionAttempt, type SubmissionAttempt } from '../lib/idempotency';
import { requestProblem, type RequestProblem } from '../lib/request-problem';
import { slotMinutes } from '../lib/slot-times';
import {
  portalReferralRequestSchema,
  type PortalClinic,
  type PortalRequestBody,
  type PortalRequestInput,
  type PortalSlot,
  type PortalTherapist,
  type SentRequestSummary,
} from '../schemas';
import { captchaConfig } from '../lib/captcha-config';
import { CaptchaWidget } from './captcha-widget';
import { SlotDayList } from './slot-day-list';
import { therapistName } from './therapist-card';
import { buttonClassName } from '@/components/ui/button';
import styles from './client-portal.module.css';
import stepStyles from './client-portal-steps.module.css';

const noteLimit = 1000;

/** The CAPTCHA is off unless this build was given a provider and site key. */
const captcha = captchaConfig(import.meta.env);

/** Optional fields: an empty box is "not given", not an empty value. */
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * The shared schema names the wire format (YYYY-MM-DD) when the date is missing or malformed; a
 * date picker shows the viewer's own format, so the form says it in words. Other messages stay.
 */
const dateOfBirthMessage = (message: string | undefined) =>
  message?.startsWith('Date of birth must be a date')
    ? 'Enter your date of birth: month, day and year.'
    : message;

/** Today as YYYY-MM-DD in the viewer's zone (the date picker's upper bound). */
const todayLocal = () =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

interface RequestStepProps {
  clinicSlug: string;
  clinic: PortalClinic;
  therapist: PortalTherapist;
  slot: PortalSlot;
  /** A payer's deep link's source and booking-referral, already checked; sent with the request. */
  referral: Pick<PortalRequestBody, 'referral_source' | 'booking_referral'>;
  /** The times step (to choose another time) and the details step of another time. */
  timesPath: string;
  detailsPath: (slot: PortalSlot) => string;
  onSent: (summary: SentRequestSummary) => void;
}

/** The chosen therapist and time, and the request form (validated with the API's own schema). */
export function RequestStep({
  clinicSlug,
  clinic,
  therapist,
  slot,
  referral,
  timesPath,
  detailsPath,
  onSent,
}: RequestStepProps) {
  const clinicName = clinic.name;
  const name = therapistName(therapist);
  const offersBoth = therapist.session_formats.length > 1;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const attempt = useRef<SubmissionAttempt | null>(null);
  const [captchaToken, setCaptchaToken] = useState<string | null>(null);
  const [captchaMissing, setCaptchaMissing] = useState(false);
  const create = useCreatePortalRequest(clinicSlug);
  const problem = create.isError ? requestProblem(create.error) : null;
  const slotTaken = problem?.kind === 'slot_taken';
  const freshSlots = useTherapistSlots(clinicSlug, therapist.id, { enabled: slotTaken });

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors },
  } = useForm<PortalRequestInput, unknown, PortalRequestBody>({
    resolver: zodResolver(portalReferralRequestSchema),
    defaultValues: {
      therapist_id: therapist.id,
      slot_start: slot.start,
      first_name: '',
      last_name: '',
      email: '',
      phone: '',
      date_of_birth: '',
    },
  });

  // focus moves into the step when it opens (and when another time is chosen), so keyboard and
  // screen-reader users start here; what they typed stays
  const resetCreate = create.reset;
  useEffect(() => {
    setValue('slot_start', slot.start);
    resetCreate();
    headingRef.current?.focus();
  }, [slot.start, setValue, resetCreate]);

  // a refusal that is not about one field: focus its message (a field's own error is focused by setError)
  useEffect(() => {
    if (create.error && requestProblem(create.error).kind !== 'field') problemRef.current?.focus();
  }, [create.error]);

  const send = (form: PortalRequestBody) => {
    if (offersBoth && !form.session_format) {
      setError(
        'session_format',
        { type: 'required', message: 'Choose in person or telehealth.' },
        { shouldFocus: true },
      );
      return;
    }
    const ageProblem = agesServedProblem({
      therapistName: name,
      agesServed: therapist.ages_served,
      dateOfBirth: form.date_of_birth,
      today: todayIn(clinic.time_zone),
      byGuardian: form.requested_by_guardian ?? false,
    });
    if (ageProblem) {
      setError(ageProblem.field, { type: 'ages_served', message: ageProblem.message }, { shouldFocus: true });
      return;
    }
    if (captcha && !captchaToken) {
      setCaptchaMissing(true);
      return;
    }
    const body: PortalRequestBody = { ...form, ...referral };
    attempt.current = submissionAttempt(attempt.current, body);
    create.mutate(
      { body, idempotencyKey: attempt.current.key, captchaToken },
      {
        onSuccess: (created) =>
          onSent({
            clinicName,
            therapistName: name,
            officeName: slot.office_name,
            sessionFormat:
              body.session_format ?? (therapist.session_formats[0] as 'in_person' | 'telehealth'),
            slot,
            insuranceName:
              therapist.accepted_payers.find((payer) => payer.id === body.insurance_payer_id)?.name ?? null,
            email: body.email,
            created,
          }),
        onError: (error) => {
          const refused = requestProblem(error);
          if (refused.kind === 'field')
            setError(refused.field, { type: 'server', message: refused.message }, { shouldFocus: true });
        },
      },
    );
  };

  const noteLength = (useWatch({ control, name: 'note' }) ?? '').length;
  const insuranceId = useWatch({ control, name: 'insurance_payer_id' });
  const insurance = therapist.accepted_payers.find((payer) => payer.id === insuranceId);
  const dateOfBirth = useWatch({ control, name: 'date_of_birth' }) ?? '';
  const age = ageOn(dateOfBirth, todayIn(clinic.time_zone));
  // a parent or guardian is asked about only for a minor the therapist sees (anyone else is refused)
  const askGuardian =
    (age !== null && age >= 0 && age < 18 && therapist.ages_served.includes(ageGroupOf(age))) ||
    Boolean(errors.requested_by_guardian);
  const pending = create.isPending;

  return (
    <section aria-labelledby="request-heading" className={stepStyles.portalRequest}>
      <h2 id="request-heading" ref={headingRef} tabIndex={-1}>
        Your appointment request
      </h2>

      <dl className={stepStyles.portalChosen}>
        <div>
          <dt>Therapist</dt>
          <dd>
            {name}
            {therapist.professional_title ? `, ${therapist.professional_title}` : ''}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            <time dateTime={slot.start}>
              {formatAppointmentTime(slot.start, {
                officeTimeZone: slot.time_zone,
                officeName: slot.office_name,
              })}
            </time>{' '}
            ({slotMinutes(slot)} minutes)
            {slotTaken ? (
              <strong className={stepStyles.portalUnavailable}> — no longer available</strong>
            ) : null}
          </dd>
        </div>
      </dl>
      <p>
        <Link className={styles.portalTextLink} to={timesPath}>
          Choose a different time
        </Link>
      </p>

      {problem && problem.kind !== 'field' ? (
        <div ref={problemRef} tabIndex={-1} role="alert" className="callout callout-error">
          <ProblemMessage
            problem={problem}
            clinicName={clinicName}
            therapistName={name}
            timesPath={timesPath}
          />
        </div>
      ) : null}

      {slotTaken ? (
        <div className={stepStyles.portalFreshTimes}>
          <h3>Other open times with {name}</h3>
          {freshSlots.isPending ? <p role="status">Loading the open times…</p> : null}
          {freshSlots.isError ? (
            <p className="inline-error">
              The open times could not be loaded. Go back to choose another time.
            </p>
          ) : null}
          {freshSlots.isSuccess ? (
            freshSlots.data.some((s) => s.start !== slot.start) ? (
              <SlotDayList
                slots={freshSlots.data.filter((s) => s.start !== slot.start)}
                label={`Other open times with ${name}`}
                hrefOf={detailsPath}
              />
            ) : (
              <p>{name} has no other open times in the next three weeks.</p>
            )
          ) : null}
        </div>
      ) : null}

      <form
        noValidate
        aria-labelledby="request-heading"
        aria-busy={pending}
        onSubmit={(event) => void handleSubmit(send)(event)}
      >
        <fieldset className={stepStyles.portalFieldset}>
          <legend>Your details</legend>
          <div className={stepStyles.portalFormGrid}>
            <TextField
              id="request-first-name"
              label="First name"
              type="text"
              autoComplete="given-name"
              aria-required="true"
              error={errors.first_name?.message}
              {...register('first_name')}
            />
            <TextField
              id="request-last-name"
              label="Last name"
              type="text"
              autoComplete="family-name"
              aria-required="true"
              error={errors.last_name?.message}
              {...register('last_name')}
            />
            <TextField
              id="request-email"
              label="Email"
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              aria-required="true"
              error={errors.email?.message}
              {...register('email')}
            />
            <TextField
              id="request-phone"
              label="Phone"
              type="tel"
              autoComplete="tel"
              aria-required="true"
              error={errors.phone?.message}
              {...register('phone')}
            />
            <DateTimeField
              id="request-date-of-birth"
              label="Date of birth"
              type="date"
              autoComplete="bday"
              min="1900-01-02"
              max={todayLocal()}
              aria-required="true"
              error={dateOfBirthMessage(errors.date_of_birth?.message)}
              {...register('date_of_birth')}
            />
          </div>
          {askGuardian ? (
            <div className={stepStyles.portalCheckboxField}>
              <label className={stepStyles.portalCheckbox}>
                <input
                  type="checkbox"
                  id="request-guardian"
                  aria-invalid={errors.requested_by_guardian ? true : undefined}
                  aria-describedby={
                    errors.requested_by_guardian ? 'request-guardian-error' : 'request-guardian-hint'
                  }
                  {...register('requested_by_guardian', { shouldUnregister: true })}
                />
                I am this client’s parent or legal guardian, and I am making this request for them
              </label>
              <p id="request-guardian-hint" className={stepStyles.portalHint}>
                Anyone under 18 needs a parent or guardian to request an appointment. Give the client’s name
                and date of birth above, and your own email and phone.
              </p>
              {errors.requested_by_guardian?.message ? (
                <FieldError
                  id="request-guardian-error"
                  error={errors.requested_by_guardian.message}
                  announce
                />
              ) : null}
            </div>
          ) : null}
        </fieldset>

        {offersBoth ? (
          <fieldset
            className={stepStyles.portalFieldset}
            aria-describedby={errors.session_format ? 'request-format-error' : undefined}
          >
            <legend>
              How would you like to meet? <span className="visually-hidden">(required)</span>
            </legend>
            <div className={stepStyles.portalRadios}>
              {therapist.session_formats.map((format) => (
                <label key={format} className={stepStyles.portalCheckbox}>
                  <input
                    type="radio"
                    value={format}
                    aria-invalid={errors.session_format ? true : undefined}
                    {...register('session_format', { setValueAs: emptyToUndefined })}
                  />
                  {format === 'in_person'
                    ? `In person at ${slot.office_name}`
                    : `${vocabularyLabel('session_format', format)} (a video call)`}
                </label>
              ))}
            </div>
            {errors.session_format?.message ? (
              <FieldError id="request-format-error" error={errors.session_format.message} announce />
            ) : null}
          </fieldset>
        ) : (
          <p className={stepStyles.portalFormatFact}>
            {therapist.session_formats[0] === 'telehealth'
              ? `${name} meets by telehealth (a video call).`
              : `${name} meets in person at ${slot.office_name}.`}
          </p>
        )}

        <fieldset className={stepStyles.portalFieldset}>
          <legend>Paying for your visit</legend>
          <div className={stepStyles.portalFormGrid}>
            <SelectField
              id="request-insurance"
              label="Insurance (optional)"
              hint={`The insurances ${name} takes.`}
              error={errors.insurance_payer_id?.message}
              {...register('insurance_payer_id', { setValueAs: emptyToUndefined })}
            >
              <option value="">No insurance, or I’ll pay myself</option>
              {therapist.accepted_payers.map((payer) => (
                <option key={payer.id} value={payer.id}>
                  {payer.name}
                </option>
              ))}
            </SelectField>
            {insurance ? (
              <TextField
                id="request-member-id"
                label={`${insurance.name} member ID`}
                type="text"
                hint="On your insurance card."
                autoComplete="off"
                aria-required="true"
                error={errors.member_id?.message}
                {...register('member_id', { setValueAs: emptyToUndefined, shouldUnregister: true })}
              />
            ) : null}
          </div>
        </fieldset>

        <fieldset className={stepStyles.portalFieldset}>
          <legend>Anything else</legend>
          <TextAreaField
            id="request-note"
            label="Note to the clinic (optional)"
            hint={`Anything you would like the clinic to know before your first visit. Up to ${noteLimit} characters (${noteLength} used).`}
            rows={4}
            error={errors.note?.message}
            {...register('note', { setValueAs: emptyToUndefined })}
          />
        </fieldset>
        {errors.therapist_id || errors.slot_start ? (
          <p role="alert" className="inline-error">
            {errors.therapist_id?.message ?? errors.slot_start?.message}
          </p>
        ) : null}
        {captcha ? (
          <div className={stepStyles.portalCaptchaField}>
            <CaptchaWidget
              config={captcha}
              onToken={(token) => {
                setCaptchaToken(token);
                setCaptchaMissing(false);
              }}
            />
            {captchaMissing ? (
              <p role="alert" className="inline-error">
                Complete the check that you are a person, then select Send request.
              </p>
            ) : null}
          </div>
        ) : null}
        <p id="request-consent" className={stepStyles.portalConsent}>
          By sending this request, you agree that {clinicName} may contact you by email or phone about this
          appointment.
        </p>
        <button
          type="submit"
          className={buttonClassName({ variant: 'primary' })}
          disabled={pending}
          aria-describedby="request-consent"
        >
          {pending ? 'Sending request…' : 'Send request'}
        </button>
      </form>
    </section>
  );
}

function ProblemMessage({
  problem,
  clinicName,
  therapistName: name,
  timesPath,
}: {
  problem: Exclude<RequestProblem, { kind: 'field' }>;
  clinicName: string;
  therapistName: string;
  timesPath: string;
}) {
  switch (problem.kind) {
    case 'slot_taken':
      return (
        <>
          <p className="callout-title">
            {problem.reason === 'taken'
              ? 'Someone else just requested this time.'
              : 'This time has already started.'}
          </p>
          <p>Choose another time below; what you entered stays in the form.</p>
        </>
      );
    case 'rate_limited':
      return (
        <>
          <p className="callout-title">Too many requests were sent from your network.</p>
          <p>
            Please wait {problem.seconds} {problem.seconds === 1 ? 'second' : 'seconds'}, then select Send
            request again.
          </p>
        </>
      );
    case 'therapist_unavailable':
      return (
        <>
          <p className="callout-title">{name} no longer takes requests online.</p>
          <p>
            <Link className={styles.portalTextLink} to={timesPath}>
              Choose another therapist
            </Link>
          </p>
        </>
      );
    case 'clinic_unavailable':
      return (
        <>
          <p className="callout-title">{clinicName} has stopped taking appointment requests online.</p>
          <p>Please contact the clinic directly.</p>
        </>
      );
    case 'general':
      return (
        <>
          <p className="callout-title">The request could not be completed.</p>
          <p>{problem.message}</p>
        </>
      );
  }
}
