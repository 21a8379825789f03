import { join } from 'node:path';

import {
  buildCostDashboard,
  buildDebugDashboard,
  buildExecutiveDashboard,
  buildOnCallDashboard,
  Dashboard,
  dashboardPanels,
  dashboardQueries,
  ExecutiveFilters,
  queryProblems,
} from '../../domain/dashboards';
import { dashboardJsonText } from '../../domain/dashboards/json';
import { RegistryDocument, Tier } from '../../domain/model';
import { optionValue, usageError } from '../args';
import { Command } from '../command';
import { CliIo, EXIT_INVALID, EXIT_OK } from '../io';
import { loadRegistry, plural, writeOutput } from '../shared';

function listOption(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function filtersOf(owner?: string, team?: string, tier?: string): ExecutiveFilters {
  const tiers = listOption(tier)?.map((text) => {
    const value = Number(text);
    if (![1, 2, 3, 4].includes(value)) {
      throw usageError(`--tier takes tiers 1 to 4, not "${text}"`);
    }
    return value as Tier;
  });
  return { owners: listOption(owner), teams: listOption(team), tiers };
}

/** The dashboards written for a registry: file name and dashboard, executive first. */
function dashboardsOf(doc: RegistryDocument, filters: ExecutiveFilters): Array<{ name: string; dashboard: Dashboard }> {
  return [
    { name: 'executive.json', dashboard: buildExecutiveDashboard(doc, filters) },
    ...doc.services.flatMap((service) => [
      { name: `oncall-${service.id}.json`, dashboard: buildOnCallDashboard(doc, service.id) },
      { name: `debug-${service.id}.json`, dashboard: buildDebugDashboard(doc, service.id) },
      { name: `cost-${service.id}.json`, dashboard: buildCostDashboard(doc, service.id) },
    ]),
  ];
}

/** Prints the queries that do not parse; true when there were some. */
function reportQueryProblems(
  io: CliIo,
  file: string,
  dashboards: Array<{ name: string; dashboard: Dashboard }>
): boolean {
  let found = false;
  for (const { name, dashboard } of dashboards) {
    for (const problem of queryProblems(dashboard)) {
      found = true;
      io.stderr(
        `${file}: ${name}: panel "${problem.panelTitle}" query ${problem.refId}: ${problem.language} syntax error: ${problem.problem.message}\n`
      );
    }
  }
  return found;
}

export const dashboardsCommand: Command = {
  spec: {
    name: 'dashboards',
    summary: 'Generate Grafana dashboards (executive, on-call, debug, cost) as JSON.',
    usage: 'FILE [--out DIR] [--owner IDS] [--team TEAMS] [--tier TIERS]',
    description: [
      'Validates the registry FILE and generates its dashboards as Grafana dashboard JSON, ready for',
      "Grafana's import or file provisioning: executive.json (SLO compliance, budget and burn, KPIs, spend,",
      'incidents and release freezes) and, per service, oncall-<id>.json, debug-<id>.json and cost-<id>.json.',
      'Queries read the recording rules of `rules`; data sources come from the registry settings, and one',
      'that is not configured becomes a data source variable chosen on import. Each dashboard has a stable',
      'uid, so importing again updates it.',
      '',
      'Without --out, the executive dashboard is printed. --owner, --team and --tier (comma-separated)',
      'filter the services of the executive dashboard. Exit code 1 when the registry is invalid or a',
      'generated query does not parse (for example a KPI query).',
    ].join('\n'),
    options: [
      {
        name: 'out',
        value: 'DIR',
        description: 'Write every dashboard into DIR instead of printing the executive one.',
      },
      {
        name: 'owner',
        value: 'IDS',
        description: 'Executive dashboard: only services of these business owners (person ids).',
      },
      { name: 'team', value: 'TEAMS', description: 'Executive dashboard: only services of these teams.' },
      { name: 'tier', value: 'TIERS', description: 'Executive dashboard: only services of these tiers (1-4).' },
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const filters = filtersOf(optionValue(args, 'owner'), optionValue(args, 'team'), optionValue(args, 'tier'));
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    const out = optionValue(args, 'out');
    const dashboards = out === undefined ? dashboardsOf(doc, filters).slice(0, 1) : dashboardsOf(doc, filters);
    if (reportQueryProblems(io, file, dashboards)) {
      return EXIT_INVALID;
    }
    if (out === undefined) {
      io.stdout(dashboardJsonText(dashboards[0].dashboard, doc.settings));
      return EXIT_OK;
    }
    for (const { name, dashboard } of dashboards) {
      const path = join(out, name);
      await writeOutput(io, path, dashboardJsonText(dashboard, doc.settings));
      const panels = dashboardPanels(dashboard).length;
      io.stdout(
        `wrote ${path} (${dashboard.uid}: ${plural(panels, 'panel')}, ${plural(dashboardQueries(dashboard).length, 'query', 'queries')})\n`
      );
    }
    return EXIT_OK;
  },
};
