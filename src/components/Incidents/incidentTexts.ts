/** How the incident list says things: durations, shares, money, acknowledgements, gaps. */
import { formattedValueToString, getValueFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { IncidentGap } from '../../api/incidents/fetchIncidents';
import { formatBudgetDuration } from '../../domain/budget';
import { acknowledgedWhileOpen, AssessedIncident, PostmortemState } from '../../domain/incidents';

const RAW = { interpolation: { escapeValue: false } };

/** A duration in milliseconds, e.g. `14m 30s`, `2h 5m 0s`. */
export function durationText(ms: number): string {
  return formatBudgetDuration(ms / 1000);
}

/** A share as a percentage with one decimal, e.g. `27.0%`. */
export function shareText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** An amount in the KPI's currency, with Grafana's currency units (`$810`). */
export function moneyText(amount: number, currency: string): string {
  return formattedValueToString(getValueFormat(`currency${currency}`)(amount, 0));
}

/** A count of events, with thousands separators. */
export function countText(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** Who acknowledged the incident and how long after its start; one made after the resolution says so. */
export function acknowledgedText(incident: AssessedIncident): string | undefined {
  const ack = incident.acknowledged;
  if (!ack) {
    return undefined;
  }
  const values = { by: ack.by, after: durationText(ack.at - incident.start), ...RAW };
  if (ack.source === 'silence') {
    return t('bizowner.incidents.ackSilence', 'by {{by}} after {{after}} (silence)', values);
  }
  return acknowledgedWhileOpen(incident)
    ? t('bizowner.incidents.ackApp', 'by {{by}} after {{after}}', values)
    : t('bizowner.incidents.ackLate', 'by {{by}} after {{after}}, once resolved', values);
}

export function postmortemText(state: PostmortemState): string {
  switch (state) {
    case 'missing':
      return t('bizowner.incidents.pmMissing', 'Postmortem needed');
    case 'covered':
      return t('bizowner.incidents.pmCovered', 'Postmortem linked');
    case 'pending':
      return t('bizowner.incidents.pmPending', 'Needed once resolved');
    case 'unknown':
      return t('bizowner.incidents.pmUnknown', 'Budget not measured');
    case 'notRequired':
      return t('bizowner.incidents.pmNotRequired', 'Not needed');
  }
}

/** One sentence per part of the report that could not be read. */
export function gapText(gap: IncidentGap): string {
  switch (gap.kind) {
    case 'stateHistoryUnavailable':
      return t(
        'bizowner.incidents.gapHistory',
        'Grafana alerting’s state history could not be read ({{message}}); the alerts were read from Prometheus.',
        { message: gap.message, ...RAW }
      );
    case 'stateHistoryTruncated':
      return t(
        'bizowner.incidents.gapTruncated',
        'The state history was cut at its limit: incidents at the start of the window may be missing.'
      );
    case 'silencesUnavailable':
      return t(
        'bizowner.incidents.gapSilences',
        'Silences could not be read ({{message}}): only acknowledgements made in the app count.',
        { message: gap.message, ...RAW }
      );
    case 'acknowledgementsUnavailable':
      return t(
        'bizowner.incidents.gapAcknowledgements',
        'The acknowledgements made in the app (Grafana annotations) could not be read ({{message}}): only silences count.',
        { message: gap.message, ...RAW }
      );
    case 'acknowledgementsTruncated':
      return t(
        'bizowner.incidents.gapAcknowledgementsTruncated',
        'The acknowledgements made in the app were cut at their limit: some incidents may show as not acknowledged.'
      );
    case 'eventsFailed':
      return t(
        'bizowner.incidents.gapEvents',
        'Failed events could not be read ({{message}}): budget, impact and postmortem needs are unknown.',
        { message: gap.message, ...RAW }
      );
    case 'budgetFailed':
      return t(
        'bizowner.incidents.gapBudget',
        'The SLOs’ period budgets could not be read ({{message}}): budget shares and postmortem needs are unknown.',
        { message: gap.message, ...RAW }
      );
    case 'revenueFailed':
      return t(
        'bizowner.incidents.gapRevenue',
        'The revenue KPI could not be read ({{message}}): no revenue at risk is shown.',
        { message: gap.message, ...RAW }
      );
  }
}
