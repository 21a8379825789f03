/** What pages say about their live values: the notice above a page and the reason next to a dash. */
import { t } from '@grafana/i18n';
import { LiveState } from './liveState';

const RAW = { interpolation: { escapeValue: false } };

/** The notice a page shows about its live values: a title and what it means or what to do. */
export function liveStateNotice(
  state: LiveState,
  dataSource: string,
  seconds: number
): { title: string; body: string } {
  const values = { dataSource, seconds, ...RAW };
  switch (state.kind) {
    case 'reading':
      return {
        title: t('bizowner.live.reading', 'Reading live values from {{dataSource}}… ({{seconds}} s)', values),
        body: t(
          'bizowner.live.readingBody',
          'SLO status, error budget left and the checks that need them show once {{dataSource}} answers.',
          values
        ),
      };
    case 'noDataSource':
      return { title: t('bizowner.live.noDataSourceTitle', 'No data source yet'), body: noDataSourceText() };
    case 'queryFailed':
      return {
        title: t('bizowner.live.failed', 'Could not read live values from {{dataSource}}', values),
        body: t(
          'bizowner.live.failedBody',
          '{{dataSource}} answered: {{message}}. SLO status and error budget left show no data, and the governance checks that need them are unknown, until it answers.',
          { ...values, message: state.message }
        ),
      };
    case 'rulesNotLoaded':
      return {
        title:
          state.recorded === 0
            ? t('bizowner.live.noRules', 'The recording rules are not loaded in {{dataSource}} yet', values)
            : t('bizowner.live.someRules', 'Recording rules not loaded in {{dataSource}} for {{count}} of the SLOs', {
                ...values,
                count: state.raw + state.none,
              }),
        body: [
          state.raw > 0
            ? t(
                'bizowner.live.rawMeanwhile',
                'Read with their raw SLI queries meanwhile (slower, and without alert states): {{count}} of the SLOs.',
                { count: state.raw }
              )
            : '',
          state.none > 0
            ? t('bizowner.live.noneMeanwhile', 'Showing no data: {{count}} of the SLOs.', { count: state.none })
            : '',
          loadRulesText(dataSource),
        ]
          .filter(Boolean)
          .join(' '),
      };
  }
}

/** How to load the generated recording rules into the Prometheus the app reads. */
function loadRulesText(dataSource: string): string {
  return t(
    'bizowner.live.loadRules',
    'To load them, download the rule files with “Download all rules” on the SLO list, add them to the rule_files of {{dataSource}} (the shared file once, beside the service files) and reload it.',
    { dataSource, ...RAW }
  );
}

function noDataSourceText(): string {
  return t(
    'bizowner.live.noDataSource',
    'No data source yet: SLO status, error budget left and KPI values are read once a Prometheus data source is chosen on the configuration page.'
  );
}

/** Why a value next to a dash is missing, for its tooltip, from the page's live state. */
export function liveStateReason(state: LiveState | undefined, dataSource: string): string {
  const values = { dataSource, ...RAW };
  switch (state?.kind) {
    case 'reading':
      return t('bizowner.live.readingShort', 'Being read from {{dataSource}}…', values);
    case 'noDataSource':
      return noDataSourceText();
    case 'queryFailed':
      return t('bizowner.live.failedShort', '{{dataSource}} could not be read: {{message}}', {
        ...values,
        message: state.message,
      });
    case 'rulesNotLoaded':
      return t(
        'bizowner.live.noRulesShort',
        'Not recorded: the recording rules are not loaded in {{dataSource}}, and the raw SLI query gave no value (the SLO list says why for each SLO).',
        values
      );
    default:
      return t('bizowner.live.notMeasured', 'No measured value: the SLO list says why for each SLO.');
  }
}
