import { RegistryDocument } from '../../domain/model';
import { planReport, readReport, reportCsv } from '../../domain/reports';
import { readFrozenReport } from '../../storage/reports/reportStore';
import { CliError, optionValue, ParsedArgs, usageError } from '../args';
import { Command } from '../command';
import { connectGrafana } from '../grafanaSession';
import { AUTH_HELP, grafanaTarget, TOKEN_ENV } from '../grafanaTarget';
import { CliIo, EXIT_OK, EXIT_USAGE } from '../io';
import { prometheusBase } from '../prometheus';
import { loadRegistry } from '../shared';
import { parseGateTime } from './gate';
import { prometheusRunner } from './reportPrometheus';
import { reportTable } from './reportText';

const PERIOD_OPTIONS = ['month', 'quarter', 'week'] as const;
const FORMATS = ['table', 'csv', 'json'] as const;

/** The period named by exactly one of `--month`, `--quarter` and `--week`. */
function periodOption(args: ParsedArgs): string {
  const given = PERIOD_OPTIONS.filter((name) => optionValue(args, name) !== undefined);
  if (given.length !== 1) {
    throw usageError(
      given.length === 0
        ? 'name the period: --month 2026-11, --quarter 2026-Q4 or --week 2026-W49'
        : `name one period, not ${given.map((name) => `--${name}`).join(' and ')}`
    );
  }
  const name = optionValue(args, given[0])!;
  const expected = { month: /^\d{4}-\d{2}$/, quarter: /^\d{4}-Q\d$/, week: /^\d{4}-W\d{2}$/ }[given[0]];
  if (!expected.test(name)) {
    throw usageError(
      `--${given[0]} takes a ${given[0]} such as ${{ month: '2026-11', quarter: '2026-Q4', week: '2026-W49' }[given[0]]}, got "${name}"`
    );
  }
  return name;
}

interface Source {
  doc: RegistryDocument;
  /** The kept report of an ended period, read from Grafana when the registry comes from there. */
  readKept?: (period: string) => ReturnType<typeof readFrozenReport>;
}

async function registrySource(args: ParsedArgs, io: CliIo): Promise<Source> {
  const [file] = args.positionals;
  const grafana = optionValue(args, 'grafana');
  if ((file === undefined) === (grafana === undefined)) {
    throw usageError('read the registry from a FILE or from --grafana URL (one of them)');
  }
  if (file !== undefined) {
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      throw new CliError(`cannot report: the registry ${file} is invalid`, EXIT_USAGE);
    }
    return { doc };
  }
  const session = await connectGrafana(io, grafanaTarget(args, reportCommand.spec, io));
  const loaded = await session.load('read');
  return { doc: loaded.doc, readKept: (period) => readFrozenReport(session.api, period) };
}

export const reportCommand: Command = {
  spec: {
    name: 'report',
    summary: 'Period report: each SLO over a calendar month, quarter or week, per business owner.',
    usage:
      '[FILE] (--month YYYY-MM | --quarter YYYY-Qn | --week YYYY-Www) --prometheus URL [--grafana URL] [--format table|csv|json]',
    description: [
      'For each business owner, service and SLO: attainment over the period against the objective,',
      'budget spent, worst day, incidents (page burn alerts that started in the period) and met or',
      'missed, with each owner’s total weighted by events. Each SLO’s period is taken in its own time',
      'zone (timeZone, UTC by default). Figures come from the recorded hourly tiles; freeform SLIs,',
      'which have no event counts, from the mean of their 5-minute ratio (marked *, not weighted).',
      'Whatever the number of SLOs, it makes two queries per distinct time zone and one for incidents.',
      '',
      'The registry comes from FILE or from a running Grafana (--grafana); from Grafana, an ended',
      'period the app has kept is printed as kept, so that later rule or objective changes do not',
      'change it.',
      '',
      AUTH_HELP,
      '',
      'Examples:',
      '  bizowner report registry.yaml --month 2026-11 --prometheus http://localhost:9090',
      `  ${TOKEN_ENV}=glsa_… bizowner report --grafana http://localhost:3000 --quarter 2026-Q4 --prometheus http://prometheus:9090 --format csv`,
      '',
      'Exit code 0 when the report was printed, 2 for usage errors, an invalid registry, or when',
      'Prometheus or Grafana could not be read (what could be read is printed first).',
    ].join('\n'),
    options: [
      { name: 'month', value: 'YYYY-MM', description: 'A calendar month, e.g. 2026-11.' },
      { name: 'quarter', value: 'YYYY-Qn', description: 'A calendar quarter, e.g. 2026-Q4.' },
      { name: 'week', value: 'YYYY-Www', description: 'An ISO week (from Monday), e.g. 2026-W49.' },
      {
        name: 'prometheus',
        value: 'URL',
        description: 'Prometheus base URL, e.g. http://localhost:9090 (default: $PROMETHEUS_URL).',
      },
      { name: 'grafana', value: 'URL', description: 'Read the registry (and kept reports) from this Grafana.' },
      { name: 'format', value: 'FORMAT', description: 'table (default), csv or json.', choices: FORMATS },
      { name: 'time', value: 'TIME', description: 'Report as at this time: unix seconds or RFC 3339 (default: now).' },
    ],
    positionals: { min: 0, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const period = periodOption(args);
    const url = optionValue(args, 'prometheus') ?? io.env.PROMETHEUS_URL;
    if (!url) {
      throw usageError('missing option --prometheus URL (or set PROMETHEUS_URL)');
    }
    const base = prometheusBase(url);
    const timeText = optionValue(args, 'time');
    const now = timeText === undefined ? Date.now() : parseGateTime(timeText) * 1000;
    const format = (optionValue(args, 'format') ?? 'table') as (typeof FORMATS)[number];
    const { doc, readKept } = await registrySource(args, io);
    const plan = planReport(doc, period, now);
    if ('message' in plan) {
      throw usageError(plan.message);
    }
    const kept = plan.ended && readKept ? await readKept(period) : undefined;
    if (kept && !kept.ok) {
      io.stderr(
        `note: the kept report of ${period} could not be read (${kept.message}); computing it from Prometheus\n`
      );
    }
    const frozen = kept?.ok ? kept.stored?.frozen : undefined;
    const report = frozen?.report ?? (await readReport(doc, plan, prometheusRunner(io, base)));
    if (format === 'json') {
      const kept = frozen ? { kept: { at: frozen.frozenAt, by: frozen.frozenBy, signOffs: frozen.signOffs } } : {};
      io.stdout(`${JSON.stringify({ ...report, ...kept }, null, 2)}\n`);
    } else if (format === 'csv') {
      io.stdout(reportCsv(report));
    } else {
      io.stdout(reportTable(report, frozen ? `kept on ${frozen.frozenAt} by ${frozen.frozenBy}` : undefined));
    }
    for (const failure of report.failures) {
      io.stderr(`could not read the ${failure.part} of ${period}: ${failure.message}\n`);
    }
    return report.failures.length > 0 ? EXIT_USAGE : EXIT_OK;
  },
};
