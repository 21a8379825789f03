/**
 * Grafana-managed alert rules, in the body shape of the alerting provisioning API
 * (`POST /api/v1/provisioning/alert-rules`, one rule per request; `PUT …/:uid` updates).
 *
 * Each rule runs the same PromQL as the Prometheus alert (query A, an instant query against the
 * Prometheus or Mimir data source that holds the recorded SLI series) and fires while A returns a
 * value (threshold expression B: A > 0). The recording rules must be loaded for these to work.
 */
import { RegistryDocument } from '../model';
import {
  burnAlertAnnotations,
  burnAlertExpr,
  burnAlertLabels,
  FREEZE_FOR,
  freezeAlertAnnotations,
  freezeAlertExpr,
  freezeAlertLabels,
} from './alert-rules';
import { buildSloContext, indexRegistry } from './context';
import { stableUid } from './uid';

export interface GrafanaQuery {
  refId: string;
  queryType: string;
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: Record<string, unknown>;
}

export interface GrafanaAlertRule {
  uid: string;
  title: string;
  ruleGroup: string;
  folderUID: string;
  condition: string;
  data: GrafanaQuery[];
  noDataState: 'OK' | 'NoData' | 'Alerting';
  execErrState: 'OK' | 'Error' | 'Alerting';
  for: string;
  isPaused: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface GrafanaAlertRuleOptions {
  folderUid: string;
  /** Prometheus-compatible data source that holds the recorded SLI series. */
  datasourceUid: string;
  /** Only these SLOs; all when absent. */
  sloIds?: string[];
}

const EXPRESSION_DATASOURCE = '__expr__';
/** Grafana's template for the firing value of query A. */
const GRAFANA_VALUE = '{{ humanizePercentage $values.A.Value }}';

/**
 * Grafana-managed rules for the burn-rate tiers and budget policy of the selected SLOs. Rules are
 * grouped per service (`slo-<service>`) in the given folder; uids derive from SLO id and tier.
 */
export function buildGrafanaAlertRules(doc: RegistryDocument, options: GrafanaAlertRuleOptions): GrafanaAlertRule[] {
  const wanted = options.sloIds ? new Set(options.sloIds) : undefined;
  const index = indexRegistry(doc);
  return doc.slos
    .filter((slo) => !wanted || wanted.has(slo.id))
    .flatMap((slo) => {
      const ctx = buildSloContext(slo, index);
      const base = { ruleGroup: `slo-${slo.serviceId}`, folderUID: options.folderUid };
      const rules: GrafanaAlertRule[] = ctx.alertWindows.map((window) => ({
        ...base,
        ...evaluation(burnAlertExpr(ctx, window), options.datasourceUid),
        uid: stableUid(slo.id, window.tier),
        title: `${slo.name} (${slo.id}): ${window.tier} burn`,
        for: '0s',
        labels: { ...ctx.labels, ...burnAlertLabels(ctx, window) },
        annotations: burnAlertAnnotations(ctx, window, GRAFANA_VALUE),
      }));
      const freeze = freezeAlertExpr(ctx);
      if (freeze) {
        rules.push({
          ...base,
          // The budget left may be 0 or negative when the policy fires: 1 stands for "frozen".
          ...evaluation(`(${freeze}) * 0 + 1`, options.datasourceUid),
          uid: stableUid(slo.id, 'freeze'),
          title: `${slo.name} (${slo.id}): release freeze`,
          for: FREEZE_FOR,
          labels: { ...ctx.labels, ...freezeAlertLabels(ctx) },
          annotations: freezeAlertAnnotations(ctx),
        });
      }
      return rules;
    });
}

function evaluation(expr: string, datasourceUid: string) {
  const data: GrafanaQuery[] = [
    {
      refId: 'A',
      queryType: '',
      relativeTimeRange: { from: 600, to: 0 },
      datasourceUid,
      model: { refId: 'A', expr, instant: true, range: false, datasource: { type: 'prometheus', uid: datasourceUid } },
    },
    {
      refId: 'B',
      queryType: '',
      relativeTimeRange: { from: 0, to: 0 },
      datasourceUid: EXPRESSION_DATASOURCE,
      model: {
        refId: 'B',
        type: 'threshold',
        expression: 'A',
        datasource: { type: EXPRESSION_DATASOURCE, uid: EXPRESSION_DATASOURCE },
        conditions: [{ evaluator: { type: 'gt', params: [0] } }],
      },
    },
  ];
  return {
    condition: 'B',
    data,
    // No series means no burn: the expression only returns series while the condition holds.
    noDataState: 'OK' as const,
    execErrState: 'Error' as const,
    isPaused: false,
  };
}
