import { join, resolve } from 'node:path';

import { generateRuleFiles, mergeRuleFiles, renderRuleFile, RuleFile } from '../../domain/rules';
import { CliError, optionValue } from '../args';
import { Command } from '../command';
import { CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io';
import { loadRegistry, plural, writeOutput } from '../shared';

function describe(file: RuleFile): string {
  const rules = file.groups.reduce((sum, group) => sum + group.rules.length, 0);
  return `${plural(file.groups.length, 'group')}, ${plural(rules, 'rule')}`;
}

async function writeAll(
  io: CliIo,
  outputs: Array<{ path: string; file: RuleFile }>,
  report: (line: string) => void
): Promise<void> {
  for (const output of outputs) {
    await writeOutput(io, output.path, renderRuleFile(output.file));
    report(`wrote ${output.path} (${describe(output.file)})\n`);
  }
}

export const rulesCommand: Command = {
  spec: {
    name: 'rules',
    summary: 'Generate Prometheus recording and alerting rules (and Loki rules for log SLIs).',
    usage: 'FILE [--out DIR] [--loki-out DIR]',
    description: [
      'Validates the registry FILE, then generates the SLO rules: per SLO its 5-minute and hourly',
      'error and event increases, slo:info and the budget left; and the multiwindow burn-rate alerts',
      'and the release-freeze alerts of the budget policies, registry-wide: one rule per tier for all',
      'SLOs with the same objective, window and alert settings (the alerts sum their windows from the',
      'increases, and read the names and runbook they print from slo:info).',
      '',
      'Without --out, the Prometheus rules of every service are printed as one rule file, ready for',
      '`promtool check rules` or a Prometheus `rule_files:` entry. With --out, one file per service is',
      'written to DIR: <service>.rules.yaml for Prometheus (or a Mimir/Cortex ruler namespace) and,',
      'for log-ratio SLIs, <service>.loki.rules.yaml for the Loki ruler; the alerts go to',
      'registry.alerts.rules.yaml, loaded once in the same Prometheus. When the registry records',
      "Sloth's series (settings.slothSeries), also registry.shared.rules.yaml, which records them for",
      "every SLO from the service files' series: load it once, in the same Prometheus.",
      '',
      'With --loki-out, the Loki ruler files go to their own DIR as <service>.rules.yaml (a tenant',
      'folder of the Loki ruler), apart from the Prometheus files: LogQL selectors also parse as',
      'PromQL, so a Prometheus loading every file of one folder would record wrong series.',
    ].join('\n'),
    options: [
      { name: 'out', value: 'DIR', description: 'Write one rule file per service into DIR instead of printing.' },
      { name: 'loki-out', value: 'DIR', description: 'Write the Loki ruler files of log SLIs into DIR.' },
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    const generated = generateRuleFiles(doc);
    const out = optionValue(args, 'out');
    const lokiOut = optionValue(args, 'loki-out');
    if (out !== undefined && lokiOut !== undefined && resolve(out) === resolve(lokiOut)) {
      throw new CliError(
        `--loki-out ${lokiOut} is the --out folder: Loki files there would replace the Prometheus files of the same service; use another folder`,
        EXIT_USAGE
      );
    }
    // a Loki tenant folder of its own, or beside the Prometheus files with a telling name
    const lokiOutputs = (dir: string) =>
      generated.loki.map((entry) => ({
        path: join(dir, lokiOut === undefined ? `${entry.serviceId}.loki.rules.yaml` : `${entry.serviceId}.rules.yaml`),
        file: entry.file,
      }));
    if (out === undefined) {
      let merged: RuleFile;
      try {
        merged = mergeRuleFiles(generated.prometheus.map((entry) => entry.file));
      } catch (error) {
        io.stderr(`${file}: ${(error as Error).message}\n`);
        return EXIT_INVALID;
      }
      io.stdout(renderRuleFile(merged));
      if (doc.slos.length === 0) {
        io.stderr(`${file}: no SLOs, so the rule file has no groups\n`);
      }
      if (generated.loki.length > 0 && lokiOut === undefined) {
        const services = generated.loki.map((entry) => entry.serviceId).join(', ');
        io.stderr(
          `note: the log-ratio SLIs of ${services} also need Loki ruler files; write them with --out DIR or --loki-out DIR\n`
        );
      }
      if (lokiOut !== undefined) {
        // Reports go to stderr: stdout carries the Prometheus rule file.
        await writeAll(io, lokiOutputs(lokiOut), (line) => io.stderr(line));
      }
      return EXIT_OK;
    }
    const outputs = [
      ...generated.prometheus.map((entry) => ({ path: join(out, `${entry.serviceId}.rules.yaml`), file: entry.file })),
      ...lokiOutputs(lokiOut ?? out),
    ];
    await writeAll(io, outputs, (line) => io.stdout(line));
    if (outputs.length === 0) {
      io.stdout(`${file}: no SLOs, no rule files written\n`);
    }
    return EXIT_OK;
  },
};
