/** Translated names and explanations shared by the SLO list and editor. */
import { t } from '@grafana/i18n';
import { NoDataReason, SloAlert, ValueSource } from '../../api/sloValues/types';
import { SliKind } from '../../domain/model';
import { SloListStatus } from './list/sloRows';

const RAW = { interpolation: { escapeValue: false } };

export { windowLabel } from '../../components/labels';

export function statusLabel(status: SloListStatus): string {
  const labels: Record<SloListStatus, string> = {
    exhausted: t('bizowner.slos.status.exhausted', 'Budget spent'),
    burning: t('bizowner.slos.status.burning', 'Burning'),
    noData: t('bizowner.slos.status.noData', 'No data'),
    ok: t('bizowner.slos.status.ok', 'Within budget'),
  };
  return labels[status];
}

export function sourceLabel(source: ValueSource | undefined): string {
  switch (source) {
    case 'recorded':
      return t('bizowner.slos.source.recorded', 'recorded');
    case 'raw':
      return t('bizowner.slos.source.raw', 'raw query');
    case 'none':
      return t('bizowner.slos.source.none', 'no data');
    default:
      return t('bizowner.slos.source.loading', 'reading…');
  }
}

export function sourceExplanation(source: ValueSource | undefined, reason: NoDataReason | undefined): string {
  if (source === 'recorded') {
    return t('bizowner.slos.source.recordedHelp', 'Read from the series the generated recording rules write.');
  }
  if (source === 'raw') {
    return t(
      'bizowner.slos.source.rawHelp',
      'The recording rules of this SLO are not loaded, so its SLI query was run over the whole window. Load the rules to make this cheap and to get alert states.'
    );
  }
  return reason ? reasonText(reason) : t('bizowner.slos.source.loadingHelp', 'Reading the values from Prometheus.');
}

/** Why an SLO shows no values, in a sentence that says what to do. */
export function reasonText(reason: NoDataReason): string {
  switch (reason.kind) {
    case 'noDataSource':
      return reason.language === 'logql'
        ? t(
            'bizowner.slos.reason.noLoki',
            'No Loki data source is chosen on the configuration page, so this log SLI cannot be read.'
          )
        : t('bizowner.slos.reason.noPrometheus', 'No Prometheus data source is chosen on the configuration page.');
    case 'queryFailed':
      return t('bizowner.slos.reason.failed', 'The query failed: {{message}}', { message: reason.message, ...RAW });
    case 'noSeries':
      return t(
        'bizowner.slos.reason.noSeries',
        'No recording rules are loaded and the SLI query returned no series: its selector matches nothing (check metric and label names) or the service has never had traffic.'
      );
    case 'noTraffic':
      return t(
        'bizowner.slos.reason.noTraffic',
        'The SLI series exist but counted no events over the window: there was no traffic, so there is no SLI to show.'
      );
    case 'skipped':
      return t(
        'bizowner.slos.reason.skipped',
        'More than {{limit}} SLOs have no recorded series, so not every one was queried raw. Load the generated recording rules.',
        { limit: reason.limit }
      );
  }
}

export function alertLabel(alert: SloAlert): string {
  switch (alert.status) {
    case 'firing':
      return alert.severity === 'page'
        ? t('bizowner.slos.alert.page', 'Paging')
        : t('bizowner.slos.alert.ticket', 'Ticket');
    case 'pending':
      return t('bizowner.slos.alert.pending', 'Pending');
    case 'inactive':
      return t('bizowner.slos.alert.inactive', 'Quiet');
    case 'unknown':
      return t('bizowner.slos.alert.unknown', 'Unknown');
  }
}

export function sliKindLabel(kind: SliKind): string {
  const labels: Record<SliKind, string> = {
    ratio: t('bizowner.slos.kind.ratio', 'Ratio'),
    latency: t('bizowner.slos.kind.latency', 'Latency'),
    freeform: t('bizowner.slos.kind.freeform', 'Freeform'),
    logRatio: t('bizowner.slos.kind.logRatio', 'Log ratio'),
  };
  return labels[kind];
}

/** A ratio as a percentage with enough digits for SLOs: 0.99953 → `99.953%`. */
export function formatSli(value: number): string {
  return `${(value * 100).toFixed(3)}%`;
}

export function formatBurnRate(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)}x`;
}
