/**
 * The spend the cost-spike check compares: two instant queries on the billing data source for
 * every costed service (see `costSpikeQueries`).
 */
import { costSpikeQueries, isCostUnknown, readCostSpike } from '../../domain/governance/costSpike';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';
import { LABEL_SERVICE } from '../../domain/rules/names';
import { InstantResult, runInstantQueries } from '../prometheus/instantQuery';

const CURRENT_REF = 'current';
const BASELINE_REF = 'baseline';

function byService(result: InstantResult): Map<string, number> {
  const values = new Map<string, number>();
  for (const sample of result.ok ? result.samples : []) {
    const id = sample.labels[LABEL_SERVICE];
    if (id !== undefined) {
      values.set(id, sample.value);
    }
  }
  return values;
}

/** Each costed service's spend this week and its weekly baseline, or why none could be read. */
export async function fetchCostSpike(
  doc: RegistryDocument,
  now = Date.now()
): Promise<Pick<LiveValues, 'costs' | 'costUnknown'>> {
  const queries = costSpikeQueries(doc.settings, doc.services);
  const billing = doc.settings.billing;
  if (isCostUnknown(queries) || !billing) {
    return { costUnknown: isCostUnknown(queries) ? queries : { kind: 'noBillingDataSource' } };
  }
  const results = await runInstantQueries(
    { uid: billing.uid, type: billing.type },
    [
      { refId: CURRENT_REF, expr: queries.current },
      { refId: BASELINE_REF, expr: queries.baseline },
    ],
    now
  );
  const current = results[CURRENT_REF];
  const baseline = results[BASELINE_REF];
  for (const result of [current, baseline]) {
    if (!result?.ok) {
      return { costUnknown: { kind: 'queryFailed', message: result?.ok === false ? result.message : '' } };
    }
  }
  return { costs: readCostSpike(byService(current), byService(baseline)) };
}
