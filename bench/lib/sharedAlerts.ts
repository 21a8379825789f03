/**
 * A variant of the generated rules, to measure where Prometheus' CPU goes (bench/rule-cost.ts,
 * layout `default-shared-alerts`); not a product layout.
 */
import { AlertingRule, isAlertingRule, RuleFile } from '../../src/domain/rules';

/**
 * A prototype of registry-wide alerts: the alerting rules whose expressions differ only by the SLO
 * they select (`{sloth_id="…"}`), with the same labels but the SLO's ids and at the same interval,
 * become one rule selecting all those SLOs (`{sloth_id=~"a|b|…"}`) in a shared group per interval;
 * the SLO's ids come from the series. Annotations are the first SLO's (their text then names the
 * wrong SLO for the others: a cost figure, not a product).
 */
export function sharedAlerts(rules: RuleFile): RuleFile {
  const merged = new Map<string, { interval?: string; rule: AlertingRule; ids: string[] }>();
  const groups = rules.groups.map((group) => ({
    ...group,
    rules: group.rules.filter((rule) => {
      if (!isAlertingRule(rule)) {
        return true;
      }
      const ids = [...new Set([...rule.expr.matchAll(/\{sloth_id="([^"]+)"\}/g)].map((m) => m[1]))];
      if (ids.length !== 1) {
        return true;
      }
      const { sloth_id: _id, sloth_service: _service, sloth_slo: _slo, ...labels } = rule.labels ?? {};
      const expr = rule.expr.split(`{sloth_id="${ids[0]}"}`).join('{sloth_id=~"$IDS"}');
      const key = JSON.stringify([group.interval, rule.alert, expr, labels, rule.for]);
      const entry = merged.get(key) ?? { interval: group.interval, rule: { ...rule, expr, labels }, ids: [] };
      entry.ids.push(ids[0]);
      merged.set(key, entry);
      return false;
    }),
  }));
  const shared = new Map<string | undefined, AlertingRule[]>();
  for (const { interval, rule, ids } of merged.values()) {
    shared.set(interval, [
      ...(shared.get(interval) ?? []),
      { ...rule, expr: rule.expr.split('$IDS').join(ids.join('|')) },
    ]);
  }
  return {
    groups: [
      ...groups.filter((group) => group.rules.length > 0),
      ...[...shared].map(([interval, alerts]) => ({
        name: `slo-shared.alerts${interval ? `-${interval}` : ''}`,
        ...(interval ? { interval } : {}),
        rules: alerts,
      })),
    ],
  };
}
