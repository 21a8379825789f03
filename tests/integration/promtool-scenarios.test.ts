/**
 * `promtool test rules` scenarios that prove the numbers of the generated rules, read through the
 * PromQL the app queries them with: each window's error ratio summed from the SLO's recorded
 * increases (rules/windowRatio.ts), the allowed ratio from `slo:info`, and the budget left each
 * SLO records. One scenario turns on `settings.slothSeries` and checks that Sloth's series carry
 * the same numbers.
 *
 * promtool evaluates every group at the test's evaluation_interval (1m here) and ignores a group's
 * own `interval:`, so the hourly tile group runs every minute: each event is then counted in ~60
 * overlapping tiles, in the errors and in the totals alike, which leaves the period ratio (a
 * quotient) unchanged. Only ratios are asserted from tiles, never absolute tile sums.
 *
 * The 30-day period is filled only by the scenario that evaluates hourly: with a few hours of
 * input the period rules read what exists, which is what a freshly deployed SLO sees too. Floats
 * are compared with a tolerance inside PromQL (`abs(x - v) < 1e-9`), since promtool compares values
 * exactly. Groups run in the order of the file (`group_eval_order`): the SLO's every-cycle group
 * (increases, then page alerts, which sum the increases just recorded), its 1m group (slo:info,
 * ticket alerts), its tiles and the budget left that sums them, then Sloth's shared groups when
 * they exist.
 *
 * promtool is Prometheus 2.42: its ranges include both ends, and it evaluates every group on the
 * minute (or the hour), on the grid of the 5-minute steps and of the tiles, which is where a range
 * of the window's nominal length read one step or tile too many. The scenarios marked `legacy`
 * also run against the rules and queries written that way (the freeform period as the mean of the
 * 1h ratio) and must fail there.
 */
import { stringify } from 'yaml';
import { parsePromDuration } from '../../src/domain/query/duration';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import {
  allowedRatioBySlo,
  readBudgetLeft,
  recordedErrorRatio,
  summedErrorRatio,
  summedEventCount,
} from '../../src/domain/rules/windowRatio';
import { restOfPeriodBurn } from '../../src/domain/dashboards/sloPage';
import { periodFraction } from '../../src/domain/rules/calendar';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';
import { scenarioDoc } from './fixtures/rules/scenarios';

interface Series {
  series: string;
  values: string;
}

interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels?: string; value: number }>;
}

interface Scenario {
  name: string;
  /** The SLOs whose rules the scenario loads (fewer rules, faster promtool). */
  slos: string[];
  /** Spacing of the input samples and of the evaluations; `1m` unless said. */
  interval?: string;
  /** Whether the rules and queries as written before exact windows fail the scenario (see {@link legacyRules}). */
  legacy?: boolean;
  /** Whether the registry records Sloth's series (`settings.slothSeries`). */
  sloth?: boolean;
  input_series: Series[];
  promql_expr_test: ExprTest[];
}

/** `count(abs(<expr> - value) < 1e-9)`: one sample of value 1 when the expression is close to `value`. */
const near = (expr: string, value: number, evalTime: string): ExprTest => ({
  expr: `count(abs(${expr} - ${value}) < 1e-9)`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});

// burn alerts are found by their tier, whatever alerting.name calls them
const firing = (sloId: string, tier: string) => `ALERTS{alertstate="firing", sloth_id="${sloId}", burn_tier="${tier}"}`;
const fires = (sloId: string, tier: string, evalTime: string): ExprTest => ({
  expr: `count(${firing(sloId, tier)})`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});
const silent = (expr: string, evalTime: string): ExprTest => ({ expr, eval_time: evalTime, exp_samples: [] });

const requests = (svc: string, code: string, values: string): Series => ({
  series: `requests_total{svc="${svc}", code="${code}"}`,
  values,
});

/** The selector of one SLO's series, with more matchers (`route="/pay"`) if given. */
const sel = (id: string, more?: string) => `{sloth_id="${id}"${more ? `, ${more}` : ''}}`;
/** The error ratio over `window`, summed from the SLO's increases as its alerts and panels do. */
const ratio = (window: string, id: string, more?: string) => summedErrorRatio(window, sel(id, more));
/** The error ratio its objective allows, from `slo:info`, as the panels read it. */
const allowed = (id: string, objective = 99.9) => `(${allowedRatioBySlo([objective], sel(id))})`;
/** The burn rate over `window`: the summed ratio divided by the allowed one, as the panels divide. */
const burn = (window: string, id: string, objective = 99.9, more?: string) =>
  `${ratio(window, id, more)} / on (sloth_id) group_left () ${allowed(id, objective)}`;
const budgetLeft = (id: string) => `slo:period_error_budget_remaining:ratio{sloth_id="${id}"}`;
/** The period ratio from the recorded budget left, `(1 − left) × allowed`, as the panels derive it. */
const periodRatio = (id: string, objective = 99.9) =>
  `(1 - max without (sloth_window) (${budgetLeft(id)})) * on (sloth_id) group_left () ${allowed(id, objective)}`;
/** How many series the rules record for one SLO, and under how many names. */
const recordedSeries = (id: string) => `count({__name__=~"slo:.+", sloth_id="${id}"})`;
const recordedNames = (id: string) => `count(count by (__name__) ({__name__=~"slo:.+", sloth_id="${id}"}))`;

/** When the rules are generated: the zones' daylight-saving months are read from its year. */
const NOW = new Date();

const SCENARIOS: Scenario[] = [
  {
    // 1 error in 1,000 requests on a 99.9 % SLO: exactly the sustainable pace.
    name: 'steady 0.1 % errors burn the budget at 1x and leave none of it',
    slos: ['steady'],
    input_series: [requests('steady', '200', '0+999x240'), requests('steady', '500', '0+1x240')],
    promql_expr_test: [
      near(ratio('5m', 'steady'), 0.001, '4h'),
      near(ratio('30d', 'steady'), 0.001, '4h'),
      near(burn('5m', 'steady'), 1, '4h'),
      near(burn('30d', 'steady'), 1, '4h'),
      near(budgetLeft('steady'), 0, '4h'),
      near(periodRatio('steady'), 0.001, '4h'),
      near(allowed('steady'), 0.001, '4h'),
      near('count(slo:info{sloth_id="steady", objective="99.9", slo_window="30d"})', 1, '4h'),
      // six series, one per name: the increases, the tiles, slo:info and the budget left
      near(recordedSeries('steady'), 6, '4h'),
      near(recordedNames('steady'), 6, '4h'),
    ],
  },
  {
    name: 'a 0.5x burn leaves half the budget and fires nothing',
    slos: ['half'],
    input_series: [requests('half', '200', '0+1999x240'), requests('half', '500', '0+1x240')],
    promql_expr_test: [
      near(burn('30d', 'half'), 0.5, '4h'),
      near(budgetLeft('half'), 0.5, '4h'),
      silent('ALERTS{sloth_id="half"}', '1h'),
      silent('ALERTS{sloth_id="half"}', '4h'),
    ],
  },
  {
    // Clean for 2 hours, then 2 % errors (20x): 100 errors in each 5-minute span of 5,000 events
    // from the one that ends at 2h5m. The 1h window sums the 12 spans that end at the last 5-minute
    // step: 8 error spans (800 / 60,000) at 2h40m are under 14.4 × 0.1 %, 9 at 2h45m are above, and
    // the 5m window is at 2 % from 2h1m: page-fast fires at 2h45m (165 min), in the evaluation that
    // records the span, since the alert sums the increases its own group has just recorded. The 6h
    // window sums every span so far: 10 of 34 error spans (1,000 / 170,000) at 2h50m are under 6 × 0.1 %,
    // 11 of 35 at 2h55m above: page-slow fires at 175 min. Ticket tiers are not asserted: their 1d
    // and 3d windows hold only these few hours, so they read the burn sooner than in production.
    name: 'a 20x burn pages after 45 minutes through page-fast, then page-slow',
    slos: ['fast'],
    input_series: [requests('fast', '200', '0+1000x120 120980+980x60'), requests('fast', '500', '0+0x120 20+20x60')],
    promql_expr_test: [
      silent('ALERTS{sloth_id="fast"}', '2h'),
      near(ratio('1h', 'fast'), 800 / 60000, '164m'),
      silent('ALERTS{sloth_id="fast", severity="page"}', '164m'),
      near(ratio('1h', 'fast'), 900 / 60000, '165m'),
      fires('fast', 'page-fast', '165m'),
      near(ratio('6h', 'fast'), 1000 / 170000, '174m'),
      silent(firing('fast', 'page-slow'), '174m'),
      near(ratio('6h', 'fast'), 1100 / 175000, '175m'),
      fires('fast', 'page-fast', '175m'),
      fires('fast', 'page-slow', '175m'),
      fires('fast', 'page-slow', '177m'),
    ],
  },
  {
    // 1 % errors (10x) from the start. The 1d and 3d windows are sums of the hourly tiles, not
    // raw rates: their ratio is the events' ratio whatever the number of tiles, and the ticket
    // tiers (3x over 1d and 2h, 1x over 3d and 6h) fire once their short windows agree.
    name: 'the 1d and 3d windows read the hourly tiles and drive the ticket alerts',
    slos: ['daily'],
    input_series: [requests('daily', '200', '0+990x240'), requests('daily', '500', '0+10x240')],
    promql_expr_test: [
      near(ratio('1d', 'daily'), 0.01, '4h'),
      near(ratio('3d', 'daily'), 0.01, '4h'),
      near(ratio('6h', 'daily'), 0.01, '4h'),
      near(ratio('2h', 'daily'), 0.01, '4h'),
      fires('daily', 'ticket-fast', '4h'),
      fires('daily', 'ticket-slow', '4h'),
    ],
  },
  {
    // Hour 1: 1,000 requests/min, no errors. Hour 2: 100 requests/min, 1 % errors. Then two
    // idle hours, so that at 4h every tile that saw traffic is complete (promtool's overlapping
    // minute tiles under-weight the newest hour until then). Events give 60 / 66,000 = 0.091 %;
    // averaging the ratios of the two busy hours would give 0.5 %.
    // Thanks to the idle hours, the minute tiles each event falls in are equally many (61).
    name: 'the period ratio is weighted by traffic',
    slos: ['mixed'],
    input_series: [
      requests('mixed', '200', '0+1000x60 60099+99x59 65940+0x120'),
      requests('mixed', '500', '0+0x60 1+1x59 60+0x120'),
    ],
    promql_expr_test: [
      // 60 errors in 66,000 events, exactly.
      near(ratio('30d', 'mixed'), 60 / 66000, '4h'),
      near(burn('30d', 'mixed'), 60 / 66, '4h'),
      near(budgetLeft('mixed'), 1 - 60 / 66, '4h'),
      near(periodRatio('mixed'), 60 / 66000, '4h'),
    ],
  },
  {
    // 50 requests/min with 2 % errors: a 20x burn, but only 3,000 events an hour, summed from the
    // twelve 5-minute increases of the hour.
    name: 'the low-traffic guard holds the alert back',
    slos: ['quiet-open', 'quiet-guarded'],
    input_series: [requests('quiet', '200', '0+49x120'), requests('quiet', '500', '0+1x120')],
    promql_expr_test: [
      fires('quiet-open', 'page-fast', '90m'),
      silent('ALERTS{sloth_id="quiet-guarded"}', '90m'),
      near(summedEventCount('1h', sel('quiet-guarded')), 3000, '90m'),
      near(ratio('1h', 'quiet-guarded'), 0.02, '90m'),
      silent('{__name__=~"slo:sli_total:count.+"}', '90m'),
    ],
  },
  {
    // Per minute on /pay: 100 requests, 95 within 0.3 s (5 % slow); on /cart: 100, 99 (1 %).
    name: 'the latency SLI reads the ratio from histogram buckets, one series per route',
    slos: ['latency', 'latency-python'],
    input_series: [
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="0.1"}', values: '0+50x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="0.3"}', values: '0+95x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="+Inf"}', values: '0+100x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="0.3"}', values: '0+99x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="+Inf"}', values: '0+100x60' },
      // Python clients write whole bounds as "1.0": the matcher must still find them.
      { series: 'request_seconds_bucket{svc="latency-python", le="1.0"}', values: '0+98x60' },
      { series: 'request_seconds_bucket{svc="latency-python", le="+Inf"}', values: '0+100x60' },
    ],
    promql_expr_test: [
      near(ratio('5m', 'latency', 'route="/pay"'), 0.05, '1h'),
      near(ratio('5m', 'latency', 'route="/cart"'), 0.01, '1h'),
      near(ratio('30m', 'latency', 'route="/pay"'), 0.05, '1h'),
      near(burn('5m', 'latency', 99, 'route="/pay"'), 5, '1h'),
      near(`count(${ratio('1h', 'latency')})`, 2, '1h'),
      near(ratio('5m', 'latency-python'), 0.02, '1h'),
      // six names; one series per route for each but slo:info
      near(recordedNames('latency'), 6, '1h'),
      near(recordedSeries('latency'), 11, '1h'),
    ],
  },
  {
    // 1,000 requests a minute; 100 of them fail in each minute of (1h55m, 2h], 500 errors in the
    // one 5-minute span that ends at 2h. The 1h window sums the 12 spans that end at the last
    // 5-minute step: on the step (at 2h, 3h) and off it (at 2h2m30s, 2h59m30s, 3h2m30s). At 3h its
    // 12 spans are (2h, 3h]: no error; `[1h:5m]` took 13 on the step, (1h55m, 3h], and read 500
    // errors in 65,000 events.
    name: 'the 1h and 2h windows hold exactly 12 and 24 five-minute spans, on the 5-minute steps and off them',
    slos: ['edge'],
    legacy: true,
    input_series: [
      requests('edge', '200', '0+1000x115 115900+900x4 120500+1000x119'),
      requests('edge', '500', '0+0x115 100+100x4 500+0x120'),
    ],
    promql_expr_test: [
      near(ratio('1h', 'edge'), 500 / 60000, '2h'),
      near(ratio('1h', 'edge'), 500 / 60000, '2h2m30s'),
      near(ratio('1h', 'edge'), 500 / 60000, '2h59m30s'),
      near(ratio('1h', 'edge'), 0, '3h'),
      near(ratio('1h', 'edge'), 0, '3h2m30s'),
      near(ratio('2h', 'edge'), 500 / 120000, '3h'),
      near(ratio('2h', 'edge'), 500 / 120000, '3h4m30s'),
    ],
  },
  {
    // 1,000 requests a minute, 100 failing in the minute before 1h30m: the 5-minute increases
    // recorded at 1h30m to 1h34m hold them. The 30m window sums the 30 increases of the last 30
    // evaluations (150,000 events): at 1h50m all five, at 2h the four of 1h31m to 1h34m, at 2h2m30s
    // two. `[30m]` summed 31 increases on the minute (155,000 events, one more error span).
    name: 'the 30m window sums the 5-minute increases of exactly the last 30 evaluations',
    slos: ['short'],
    legacy: true,
    input_series: [
      requests('short', '200', '0+1000x89 89900 90900+1000x150'),
      requests('short', '500', '0+0x89 100+0x151'),
    ],
    promql_expr_test: [
      near(ratio('30m', 'short'), 500 / 150000, '1h50m'),
      near(ratio('30m', 'short'), 400 / 150000, '2h'),
      near(ratio('30m', 'short'), 200 / 150000, '2h2m30s'),
    ],
  },
  {
    // Evaluated once an hour, as the tile group runs in production: 1,000 requests an hour, and
    // 10 errors in the first hour only (the tile of 1h). At 1d the 1d window holds the tiles of 1h
    // to 1d; at 25h those of 2h to 25h, no error, where `[1d]` read 25 tiles; off the hour the
    // same 24. Likewise the 30-day period at 720h and 721h. The budget left, after the tiles in their
    // group, reads the tile just recorded: at 720h those of 1h to 720h, as the window does. Read as the
    // app reads it, it still answers 40 minutes after its hourly evaluation, where the bare series,
    // past Prometheus' 5-minute lookback, does not.
    name: 'the 1d window and the period sum exactly 24 and 720 hourly tiles',
    slos: ['tiles'],
    interval: '1h',
    legacy: true,
    input_series: [requests('tiles', '200', '0+1000x745'), requests('tiles', '500', '0 10+0x745')],
    promql_expr_test: [
      near(ratio('1d', 'tiles'), 10 / 24010, '24h'),
      near(ratio('1d', 'tiles'), 0, '25h'),
      near(ratio('1d', 'tiles'), 10 / 24010, '24h30m'),
      near(ratio('1d', 'tiles'), 0, '25h30m'),
      near(ratio('30d', 'tiles'), 10 / 720010, '720h'),
      near(ratio('30d', 'tiles'), 0, '721h'),
      near(budgetLeft('tiles'), 1 - 10 / 720010 / 0.001, '720h'),
      near(budgetLeft('tiles'), 1, '721h'),
      near(readBudgetLeft(sel('tiles')), 1 - 10 / 720010 / 0.001, '720h40m'),
      silent(budgetLeft('tiles'), '720h40m'),
      near(readBudgetLeft(sel('tiles')), 1, '721h40m'),
    ],
  },
  {
    // Calendar windows, evaluated hourly from 1970-01-01 (a Thursday) for 33 days: 1,000 requests an
    // hour; 10 errors in the tile of 101h (January), 7 in that of 744h (the last hour of January in
    // UTC, the first of February in Berlin, UTC+1) and 5 in that of 770h (February). A tile counts
    // in the period of the half hour before its step. The period ratio, in its hourly group after
    // the tiles, sums the tiles up to its hour; the budget left, which runs before both, reads the
    // ratio of the previous hour, and is whole in the first hour of a period.
    name: 'a calendar-month budget resets when the month starts, in the SLO time zone',
    slos: ['cal', 'cal-berlin', 'cal-rolling'],
    interval: '1h',
    input_series: [requests('cal', '200', '0+1000x800'), requests('cal', '500', '0+0x100 10+0x642 17+0x25 22+0x30')],
    promql_expr_test: [
      // the last hour of January in UTC: tiles 1h to 742h; in Berlin February has just started
      near(budgetLeft('cal'), 1 - 10 / 742010 / 0.001, '743h'),
      near(budgetLeft('cal-berlin'), 1 - 10 / 741010 / 0.001, '742h'),
      near(budgetLeft('cal-berlin'), 1, '743h'),
      // February in UTC: the tile of 744h is January's, so no tile yet and the budget is whole
      near(budgetLeft('cal'), 1, '744h'),
      near(budgetLeft('cal'), 1, '745h'),
      near(budgetLeft('cal'), 1, '746h'),
      near('slo:period_error:ratio{sloth_id="cal"}', 0, '745h'),
      // February in Berlin started an hour earlier and holds the 7 errors of 744h
      near(budgetLeft('cal-berlin'), 1 - 7 / 2007 / 0.001, '746h'),
      // tiles 745h to 771h, and 744h to 771h in Berlin
      near(budgetLeft('cal'), 1 - 5 / 27005 / 0.001, '772h'),
      near(budgetLeft('cal-berlin'), 1 - 12 / 28012 / 0.001, '772h'),
      // the rolling 30 days still hold January's errors: tiles 53h to 772h, the last just recorded
      near(budgetLeft('cal-rolling'), 1 - 22 / 720022 / 0.001, '772h'),
      // the share of the period gone by at 1 February 1970 01:00 UTC, a Sunday (02:00 in Berlin)
      near(periodFraction({ unit: 'month', timeZone: 'UTC' }, NOW), 3600 / (28 * 86400), '745h'),
      near(periodFraction({ unit: 'month', timeZone: 'Europe/Berlin' }, NOW), 7200 / (28 * 86400), '745h'),
      near(periodFraction({ unit: 'week', timeZone: 'UTC' }, NOW), (6 * 86400 + 3600) / (7 * 86400), '745h'),
      near(periodFraction({ unit: 'quarter', timeZone: 'UTC' }, NOW), (31 * 86400 + 3600) / (90 * 86400), '745h'),
      // 28 hours of February's 28 days gone by: the rest may burn at 1 + left × 1/23 (the SLO page's panel)
      near(
        restOfPeriodBurn(sel('cal'), { unit: 'month', timeZone: 'UTC' }, NOW),
        1 + (1 - 5 / 27005 / 0.001) / 23,
        '772h'
      ),
    ],
  },
  {
    // The same traffic over 12 days: ISO weeks start on Monday 96h and 264h; the quarter on 1 January.
    name: 'calendar weeks start on Monday and quarters on the first of January',
    slos: ['cal-week', 'cal-quarter', 'cal-adj'],
    interval: '1h',
    input_series: [requests('cal', '200', '0+1000x300'), requests('cal', '500', '0+0x100 10+0x199')],
    promql_expr_test: [
      // the week from 96h: tiles 97h to 101h; the quarter: tiles 1h to 101h
      near(budgetLeft('cal-week'), 1 - 10 / 5010 / 0.001, '102h'),
      near(budgetLeft('cal-quarter'), 1 - 10 / 101010 / 0.001, '102h'),
      // the last hour of the week, then the next week: whole
      near(budgetLeft('cal-week'), 1 - 10 / 166010 / 0.001, '263h'),
      near(budgetLeft('cal-week'), 1, '264h'),
      near(budgetLeft('cal-week'), 1, '266h'),
      near(budgetLeft('cal-quarter'), 1 - 10 / 265010 / 0.001, '266h'),
      // an approved adjustment over 100h–101h leaves that tile out of the adjusted month, not of the raw one
      near(budgetLeft('cal-adj'), 1, '102h'),
      near('slo:period_error_budget_remaining_raw:ratio{sloth_id="cal-adj"}', 1 - 10 / 101010 / 0.001, '102h'),
      near(budgetLeft('cal-adj'), 1, '266h'),
    ],
  },
  {
    // 1,000 requests a minute; every one fails from 3h to 3h5m. A freeform SLI has no counts: its
    // period ratio is Sloth's, the mean of its 5-minute ratio (sum over count), which the budget
    // left records. Its samples since the start (one a minute from 1m) add up to 3 at 3h5m
    // (1/5 + 2/5 + … + 5/5) and to 5 from 3h10m on. The mean of the 1h ratio, the period ratio
    // before, adds only 1/60 + … + 5/60 = 0.25 at 3h5m, 12x too little, 2/3 at 3h10m (7.5x), and
    // catches up an hour after the burn.
    name: 'the period ratio of a freeform SLI is the mean of its 5-minute ratio, as Sloth records it',
    slos: ['free'],
    legacy: true,
    input_series: [
      { series: 'free_requests_total{code="200"}', values: '0+1000x180 180000+0x4 181000+1000x70' },
      { series: 'free_requests_total{code="500"}', values: '0+0x180 1000+1000x4 5000+0x75' },
    ],
    promql_expr_test: [
      near(periodRatio('free'), 3 / 185, '3h5m'),
      near(periodRatio('free'), 5 / 190, '3h10m'),
      near(periodRatio('free'), 5 / 250, '4h10m'),
      near(
        `${periodRatio('free')} - ignoring (sloth_window) ` +
          '(sum_over_time(slo:sli_error:ratio_rate5m{sloth_id="free"}[30d]) / count_over_time(slo:sli_error:ratio_rate5m{sloth_id="free"}[30d]))',
        0,
        '3h5m'
      ),
      // the alerts read the recorded ratios: all requests fail over the 5m window at 3h5m
      near(recordedErrorRatio('5m', sel('free')), 1, '3h5m'),
      fires('free', 'page-fast', '3h5m'),
      // no increases for a freeform SLI: its windows, slo:info and the budget left
      silent('slo:sli_error:increase5m{sloth_id="free"}', '3h5m'),
      near(recordedNames('free'), 9, '3h5m'),
      // the period ratio as it was: the mean of the 1h ratio
      near('avg_over_time(slo:sli_error:ratio_rate1h{sloth_id="free"}[30d])', 0.25 / 185, '3h5m'),
      near('avg_over_time(slo:sli_error:ratio_rate1h{sloth_id="free"}[30d])', 2 / 3 / 190, '3h10m'),
      near('avg_over_time(slo:sli_error:ratio_rate1h{sloth_id="free"}[30d])', 5 / 250, '4h10m'),
    ],
  },
  {
    // Imported from Sloth: id `<service>-<name>` and an alert name. Sloth's labels (sloth_slo the
    // name, sloth_severity) and the alert name are kept; burn_tier still finds the alert.
    name: "an imported SLO's series and alerts carry Sloth's names and labels",
    slos: ['shop-named'],
    input_series: [requests('quiet', '200', '0+49x120'), requests('quiet', '500', '0+1x120')],
    promql_expr_test: [
      near('count(slo:sli_error:increase5m{sloth_id="shop-named", sloth_slo="named", sloth_service="shop"})', 1, '90m'),
      near('count(slo:info{sloth_id="shop-named", sloth_slo="named", sloth_service="shop"})', 1, '90m'),
      fires('shop-named', 'page-fast', '90m'),
      near(
        'count(ALERTS{alertname="ShopHighErrorRate", alertstate="firing", sloth_slo="named", sloth_severity="page", burn_tier="page-fast"})',
        1,
        '90m'
      ),
      silent('ALERTS{alertname="SLOErrorBudgetBurn"}', '90m'),
    ],
  },
  {
    // With `settings.slothSeries` the registry also records Sloth's series, in the shared groups
    // that run after the services' (the file's order): the same numbers as the sums above, under
    // Sloth's names, for every window, and the burn rates and constants Sloth's dashboards read.
    // Inputs of the steady, edge, 20x-burn, latency and freeform scenarios.
    name: "with slothSeries, Sloth's series carry the same values as the sums the app queries",
    slos: ['steady', 'edge', 'fast', 'latency', 'free'],
    sloth: true,
    input_series: [
      requests('steady', '200', '0+999x240'),
      requests('steady', '500', '0+1x240'),
      requests('edge', '200', '0+1000x115 115900+900x4 120500+1000x119'),
      requests('edge', '500', '0+0x115 100+100x4 500+0x120'),
      requests('fast', '200', '0+1000x120 120980+980x60'),
      requests('fast', '500', '0+0x120 20+20x60'),
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="0.3"}', values: '0+95x240' },
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="+Inf"}', values: '0+100x240' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="0.3"}', values: '0+99x240' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="+Inf"}', values: '0+100x240' },
      { series: 'free_requests_total{code="200"}', values: '0+1000x180 180000+0x4 181000+1000x70' },
      { series: 'free_requests_total{code="500"}', values: '0+0x180 1000+1000x4 5000+0x75' },
    ],
    promql_expr_test: [
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((window) =>
        near(`slo:sli_error:ratio_rate${window}{sloth_id="steady", sloth_window="${window}"}`, 0.001, '4h')
      ),
      near('slo:current_burn_rate:ratio{sloth_id="steady"}', 1, '4h'),
      near('slo:period_burn_rate:ratio{sloth_id="steady"}', 1, '4h'),
      near('slo:error_budget:ratio{sloth_id="steady"}', 0.001, '4h'),
      near('slo:objective:ratio{sloth_id="steady"}', 0.999, '4h'),
      near('slo:time_period:days{sloth_id="steady"}', 30, '4h'),
      near(budgetLeft('steady'), 0, '4h'),
      // Sloth's six error-ratio windows of the alerts, the period, three constants, two burn rates
      near(recordedNames('steady'), 19, '4h'),
      near(recordedSeries('steady'), 19, '4h'),
      near('slo:sli_error:ratio_rate1h{sloth_id="edge"}', 500 / 60000, '2h'),
      near('slo:sli_error:ratio_rate1h{sloth_id="edge"}', 0, '3h'),
      near('slo:sli_error:ratio_rate2h{sloth_id="edge"}', 500 / 120000, '3h'),
      // recorded or summed in the query, the same number, at every minute of the 20x burn
      ...['150m', '165m', '170m', '175m', '180m'].flatMap((time) =>
        ['5m', '30m', '1h', '6h', '1d'].map((window) =>
          near(
            `max without (sloth_window) (slo:sli_error:ratio_rate${window}{sloth_id="fast"}) - ${ratio(window, 'fast')}`,
            0,
            time
          )
        )
      ),
      near(`slo:current_burn_rate:ratio{sloth_id="fast"}`, 20, '3h'),
      near('slo:sli_error:ratio_rate5m{sloth_id="latency", route="/pay"}', 0.05, '4h'),
      near('slo:current_burn_rate:ratio{sloth_id="latency", route="/pay"}', 5, '4h'),
      near('slo:current_burn_rate:ratio{sloth_id="latency", route="/cart"}', 1, '4h'),
      near('slo:sli_error:ratio_rate30d{sloth_id="free"}', 3 / 185, '3h5m'),
      near('slo:sli_error:ratio_rate30d{sloth_id="free"}', 5 / 190, '3h10m'),
      near(
        `max without (sloth_window) (slo:sli_error:ratio_rate30d{sloth_id="free"}) - ${periodRatio('free')}`,
        0,
        '3h10m'
      ),
      near('slo:period_burn_rate:ratio{sloth_id="free"}', 5 / 190 / 0.001, '3h10m'),
      fires('fast', 'page-fast', '165m'),
      silent(firing('fast', 'page-fast'), '164m'),
    ],
  },
];

/**
 * The rules as written before exact windows: every range over recorded series at its nominal
 * length (`[59m59s999ms:5m]` back to `[1h:5m]`), and the freeform period as the mean of the 1h ratio.
 */
function legacyRules(rules: string): string {
  const nominal = (ms: number) => {
    const unit = (['d', 'h', 'm', 's'] as const).find((u) => ms % parsePromDuration(`1${u}`)! === 0)!;
    return `${ms / parsePromDuration(`1${unit}`)!}${unit}`;
  };
  return rules
    .replace(/\[((?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?\d+ms)(?=[\]:])/g, (_all, range: string) => {
      return `[${nominal(parsePromDuration(range)! + 1)}`;
    })
    .replace(/avg_over_time\(slo:sli_error:ratio_rate5m\{/g, 'avg_over_time(slo:sli_error:ratio_rate1h{');
}

function runScenarios(scenarios: Scenario[], rewrite: (rules: string) => string = (rules) => rules) {
  const plain = scenarioDoc();
  const doc = scenarios[0].sloth ? { ...plain, settings: { ...plain.settings, slothSeries: true } } : plain;
  const wanted = new Set(scenarios.flatMap((scenario) => scenario.slos));
  // the service files and the registry's shared rules, as one Prometheus loads them
  const prometheus = mergeRuleFiles(
    generateRuleFiles({ ...doc, slos: doc.slos.filter((slo) => wanted.has(slo.id)) }).prometheus.map(
      (entry) => entry.file
    )
  );
  const interval = scenarios[0].interval ?? '1m';
  const tests = {
    rule_files: ['rules.yaml'],
    evaluation_interval: interval,
    group_eval_order: prometheus.groups.map((group) => group.name),
    // the queries are rewritten as the rules are: they sum the same recorded series
    tests: scenarios.map(({ name, slos, legacy, sloth, promql_expr_test, ...rest }) => ({
      name,
      ...rest,
      promql_expr_test: promql_expr_test.map((test) => ({ ...test, expr: rewrite(test.expr) })),
      interval,
    })),
  };
  const rules = rewrite(renderRuleFile(prometheus));
  const dir = writeTempFiles({ 'rules.yaml': rules, 'tests.yaml': stringify(tests) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

beforeAll(() => {
  requirePromtool();
});

test.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
  const result = runScenarios([scenario]);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test.each(SCENARIOS.filter((scenario) => scenario.legacy).map((scenario) => [scenario.name, scenario] as const))(
  'the rules before exact windows fail: %s',
  (_name, scenario) => {
    const result = runScenarios([scenario], legacyRules);
    expect(result.output).toContain('FAILED');
    expect(result.status).not.toBe(0);
  }
);

test('a wrong expectation fails (the scenarios can fail)', () => {
  const wrong = { ...SCENARIOS[0], promql_expr_test: [near(burn('30d', 'steady'), 2, '4h')] };
  const result = runScenarios([wrong]);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('FAILED');
});
