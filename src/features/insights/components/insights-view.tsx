import { memo, useMemo, useState } from 'react';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useMembership } from '@/lib/membership/membership-context';
import { useInsightsChoices } from '../api/get-insights-choices';
import { useProgramInsights } from '../api/get-program-insights';
import {
  capacityTable,
  csvFileName,
  histogramTable,
  outcomesTable,
  periodText,
  weeklyTable,
} from '../lib/figure-tables';
import { hours, outcomeLabel, percent, type ProgramInsights } from '../lib/figures';
import {
  lastDays,
  noFilters,
  openingPreset,
  periodProblem,
  type InsightsFilters,
  type InsightsQuery,
} from '../lib/period';
import { BarListChart } from './bar-list-chart';
import { BreakdownTable } from './breakdown-table';
import { ChartCard } from './chart-card';
import { DecisionHistogram } from './decision-histogram';
import { InsightsFiltersForm, type PeriodDraft } from './insights-filters';
import styles from './insights.module.css';
import { TherapistTable } from './therapist-table';
import { WeeklyChart } from './weekly-chart';

/**
 * The program's figures for a period and filters: what the clinic's admins see on the Insights tab
 * (`scope` 'clinic'). Each figure comes from one database call; this only draws them.
 */
export function InsightsView({ scope }: { scope: 'clinic' | 'own' }) {
  const { organization } = useMembership();
  const zone = organization.time_zone;
  const [period, setPeriod] = useState<PeriodDraft>(() => ({
    preset: openingPreset.preset,
    ...lastDays(openingPreset.days, zone, new Date()),
  }));
  const [filters, setFilters] = useState<InsightsFilters>(noFilters);
  const periodError = period.preset === 'custom' ? periodProblem(period.from, period.to) : null;
  // the last query that could be asked: a half-typed custom range keeps the figures shown
  const [lastGood, setLastGood] = useState<InsightsQuery | null>(null);
  const query = useMemo<InsightsQuery | null>(() => {
    if (period.preset === 'custom')
      return periodError ? null : { from: period.from, to: period.to, ...filters };
    return { ...lastDays(period.preset === 'last30' ? 30 : 90, zone, new Date()), ...filters };
  }, [period, periodError, filters, zone]);
  if (query && JSON.stringify(query) !== JSON.stringify(lastGood)) setLastGood(query);
  const shown = query ?? lastGood;
  const asked = shown ?? { from: '', to: '', ...noFilters };
  const insights = useProgramInsights(organization.id, asked);
  const choices = useInsightsChoices(organization.id);

  return (
    <div className={styles.view}>
      <InsightsFiltersForm
        period={period}
        onPeriodChange={setPeriod}
        periodError={periodError}
        filters={filters}
        onFiltersChange={setFilters}
        choices={choices.data}
        therapistFilter={scope === 'clinic'}
        timeZone={zone}
      />
      {insights.isError ? (
        <ErrorState
          title="The figures could not be loaded"
          error={insights.error}
          onRetry={() => void insights.refetch()}
        />
      ) : insights.data === undefined ? (
        <LoadingState label="Loading the figures…" />
      ) : (
        <div aria-busy={insights.isPlaceholderData || undefined} className={styles.figures}>
          <Figures
            insights={insights.data}
            query={asked}
            scope={scope}
            filtered={Object.values(filters).some(Boolean)}
          />
        </div>
      )}
    </div>
  );
}

/**
 * Memoised: the filter choices and the per-therapist page arrive after the figures and re-render
 * the view around them; the charts redraw only when their own figures or query change.
 */
const Figures = memo(function Figures({
  insights,
  query,
  scope,
  filtered,
}: {
  insights: ProgramInsights;
  /** the query the figures answer: the per-therapist table asks for its pages with it */
  query: InsightsQuery;
  scope: 'clinic' | 'own';
  filtered: boolean;
}) {
  if (insights.total === 0) {
    return (
      <div className={styles.empty} role="status">
        <p className={styles.emptyTitle}>No requests arrived in this period</p>
        <p>
          {periodText(insights)}: no referral request {filtered ? 'matching these filters ' : ''}reached{' '}
          {scope === 'own' ? 'you' : 'the clinic'}, so there is nothing to measure yet. Figures appear here as
          requests arrive; choose a longer period{filtered ? ' or clear the filters' : ''} to see earlier
          ones.
        </p>
      </div>
    );
  }
  const d = insights.decision;
  const confirmed = insights.outcomes.find((o) => o.outcome === 'confirmed');
  return (
    <>
      <p className={styles.period}>{periodText(insights)}</p>
      <dl className={styles.kpis}>
        <div>
          <dt>Requests</dt>
          <dd>{insights.total.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Confirmed</dt>
          <dd>{percent(confirmed?.share ?? 0)}</dd>
        </div>
        <div>
          <dt>Median time to decision</dt>
          <dd>{hours(d.median_hours)}</dd>
        </div>
        <div>
          <dt>Answered within 24 h</dt>
          <dd>{percent(d.within_24h_share)}</dd>
        </div>
      </dl>
      <div className={styles.grid}>
        <ChartCard
          id="insights-weekly"
          title="Requests per week by source"
          summary={
            <p>
              {insights.total.toLocaleString('en-US')} requests over {insights.weeks.length} weeks;{' '}
              {insights.sources.length === 1 ? 'one source' : `${insights.sources.length} sources`}, the most
              from {insights.sources[0]}.
            </p>
          }
          table={weeklyTable(insights)}
          csvName={csvFileName('requests-per-week', insights)}
        >
          <WeeklyChart insights={insights} />
        </ChartCard>
        <ChartCard
          id="insights-outcomes"
          title="How requests ended"
          summary={<p>Share of the period’s requests in each outcome; declines by their reason.</p>}
          table={outcomesTable(insights)}
          csvName={csvFileName('outcomes', insights)}
        >
          <BarListChart
            bars={insights.outcomes.map((o) => ({
              label: outcomeLabel(o.outcome, o.reason),
              value: o.share,
              text: `${o.count} · ${percent(o.share)}`,
            }))}
            max={1}
          />
        </ChartCard>
        <ChartCard
          id="insights-decision"
          title="Time to decision"
          summary={
            d.decided === 0 ? (
              <p>No request in this period was confirmed or declined yet.</p>
            ) : (
              <p>
                Median <strong>{hours(d.median_hours)}</strong>, 90th percentile{' '}
                <strong>{hours(d.p90_hours)}</strong> over {d.decided} decisions. Of {d.answerable} requests
                answered or expired, <strong>{percent(d.within_12h_share)}</strong> were answered within 12 h
                and <strong>{percent(d.within_24h_share)}</strong> within 24 h. Medians and the 90th
                percentile are read to the quarter hour (at most 15 minutes under the exact time).
              </p>
            )
          }
          table={histogramTable(insights)}
          csvName={csvFileName('time-to-decision', insights)}
        >
          <DecisionHistogram insights={insights} />
        </ChartCard>
        <ChartCard
          id="insights-capacity"
          title="Open capacity"
          summary={
            <p>
              External hours offered in the period (availability open to referrals
              {scope === 'own' ? ', yours' : ''}) against hours of the slots requested. Payer and source
              filters apply to requests only.
            </p>
          }
          table={capacityTable(insights)}
          csvName={csvFileName('capacity', insights)}
        >
          <BarListChart
            bars={[
              {
                label: 'External hours offered',
                value: insights.capacity.offered_hours,
                text: hours(insights.capacity.offered_hours),
              },
              {
                label: 'Hours requested',
                value: insights.capacity.requested_hours,
                text: hours(insights.capacity.requested_hours),
              },
            ]}
          />
        </ChartCard>
      </div>
      {scope === 'clinic' ? <TherapistTable query={query} insights={insights} /> : null}
      <BreakdownTable
        id="insights-sources"
        title="Per payer and source"
        nameHeader="Source"
        rowsWhat="sources"
        rows={insights.payers}
        insights={insights}
        csvWhat="per-source"
      />
    </>
  );
});
