import { checkImport } from '../../domain/io/importCheck';
import { IMPORT_FORMATS, ImportFormat } from '../../domain/io/importers';
import { SourceFile } from '../../domain/io/importResult';
import { droppedEntries } from '../../domain/io/migrationReport';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { optionValue, requiredOption, usageError } from '../args';
import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { outcomeCounts, printReport } from '../report';
import { countProblems, loadRegistry, plural, printProblems, readInput, registryCounts } from '../shared';

/** Who the owner history names for owner changes made by an import from the command line. */
const IMPORTER = 'bizowner import';

export const importCommand: Command = {
  spec: {
    name: 'import',
    summary: 'Convert Backstage, OpenSLO, Pyrra or Sloth files to the native registry YAML.',
    usage: `--from ${IMPORT_FORMATS.join('|')} [--into REGISTRY] [--report] [--strict] [--grafana-url URL] FILE...`,
    description: [
      'Reads the FILEs in the given format and prints the registry they describe as native YAML on',
      'stdout, ready for `validate`, `rules` or provisioning. The FILEs, and the `---` documents in',
      'each, are merged into one result:',
      '  backstage  Backstage catalog-info.yaml (components and users; systems, groups… are skipped)',
      '  openslo    OpenSLO v1 Service, SLO, SLI, AlertPolicy and AlertCondition documents',
      '  pyrra      Pyrra ServiceLevelObjective resources (also in `kubectl get -o yaml` lists)',
      '  sloth      Sloth prometheus/v1 specs and PrometheusServiceLevel resources',
      '',
      'With --into, the imported entities are merged into an existing registry (fields the source does',
      'not know, such as business owners, tiers and KPIs, keep their values) and the merged registry',
      'is printed; the changes are listed on stderr. Owners an import sets or changes are recorded in',
      'the owner history.',
      '',
      'Problems are printed to stderr as `file:line: path: message`, with `(document N)` in files of',
      'several documents; fields without a place in the registry are reported as warnings. --report',
      'also prints, per source field, where it went, what stays a label and what was dropped and why.',
      'Exit code 1 when any problem is an error, or with --strict when any field would be dropped.',
    ].join('\n'),
    options: [
      { name: 'from', value: 'FORMAT', description: 'Format of the input files (required).', choices: IMPORT_FORMATS },
      { name: 'into', value: 'REGISTRY', description: 'Merge into this registry file and print the result.' },
      { name: 'report', description: 'Print the migration report to stderr.' },
      { name: 'strict', description: 'Refuse the import (nothing printed on stdout) when a source field is dropped.' },
      {
        name: 'grafana-url',
        value: 'URL',
        description: 'Backstage only: Grafana base URL, to turn grafana/dashboard-selector tags into dashboard links.',
      },
    ],
    positionals: { min: 1, max: Infinity, name: 'FILE' },
  },
  async run(args, io) {
    const format = requiredOption(args, importCommand.spec, 'from') as ImportFormat;
    const grafanaUrl = optionValue(args, 'grafana-url');
    if (grafanaUrl !== undefined && format !== 'backstage') {
      throw usageError('--grafana-url only applies to --from backstage');
    }
    const files: SourceFile[] = [];
    for (const file of args.positionals) {
      files.push({ file, text: await readInput(io, file) });
    }
    const into = optionValue(args, 'into');
    let base: RegistryDocument | undefined;
    if (into !== undefined) {
      const loaded = await loadRegistry(io, into);
      if (!loaded.doc) {
        return EXIT_INVALID;
      }
      base = loaded.doc;
    }

    const strict = args.options.strict === true;
    const author = { at: new Date().toISOString(), by: IMPORTER };
    const check = checkImport(format, files, base, { author, strict, grafanaUrl });
    const what = plural(files.length, 'file');
    if (!check.ok) {
      // Problems the merge causes have no source line: they are in the merged registry.
      const merged = `${into} + import`;
      printProblems(
        io,
        check.refusedFor === 'registry'
          ? check.problems.map((problem) => ({ file: merged, ...problem }))
          : check.problems
      );
      if (args.options.report === true) {
        printReport(io, `migration report: ${outcomeCounts(check.report)}`, check.report);
      } else if (check.refusedFor === 'strict') {
        printReport(io, 'dropped:', droppedEntries(check.report));
      }
      const refusal =
        check.refusedFor === 'registry' ? `not merged into ${into}` : `not imported${strict ? ' (--strict)' : ''}`;
      io.stderr(`${what} ${refusal}: ${countProblems(check.problems)}\n`);
      return EXIT_INVALID;
    }
    printProblems(io, check.warnings);
    if (args.options.report === true) {
      printReport(io, `migration report: ${outcomeCounts(check.report)}`, check.report);
    }
    if (into !== undefined) {
      for (const change of check.changes.filter((entry) => entry.action !== 'unchanged')) {
        if (change.kind === 'setting') {
          io.stderr(`turned on settings.${change.id}: Sloth's series will be recorded too\n`);
        } else {
          io.stderr(`${change.action === 'create' ? 'added' : 'updated'} ${change.kind} ${change.id}\n`);
        }
      }
    }
    io.stdout(stringifyRegistryYaml(check.next));
    io.stderr(`imported ${registryCounts(check.imported)} from ${what}${into !== undefined ? ` into ${into}` : ''}\n`);
    return EXIT_OK;
  },
};
