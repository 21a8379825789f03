import { importBackstage } from '../../domain/io/backstage';
import { ImportResult, SourceFile } from '../../domain/io/importResult';
import { mergeImport } from '../../domain/io/merge';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { importOpenSlo } from '../../domain/io/openslo';
import { importSloth } from '../../domain/io/sloth';
import { RegistryDocument } from '../../domain/model';
import { emptyRegistry } from '../../domain/registry';
import { validateRegistry } from '../../domain/validation/registry';
import { optionValue, requiredOption, usageError } from '../args';
import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { countProblems, isError, loadRegistry, plural, printProblems, readInput, registryCounts } from '../shared';

const FORMATS = ['openslo', 'sloth', 'backstage'] as const;
type Format = (typeof FORMATS)[number];

type Importer = (files: SourceFile[], options: { grafanaUrl?: string }) => ImportResult;

const IMPORTERS: Record<Format, Importer> = {
  openslo: (files) => importOpenSlo(files),
  sloth: (files) => importSloth(files),
  backstage: (files, options) => importBackstage(files, options),
};

export const importCommand: Command = {
  spec: {
    name: 'import',
    summary: 'Convert OpenSLO, Sloth or Backstage files to the native registry YAML.',
    usage: '--from openslo|sloth|backstage [--into REGISTRY] [--grafana-url URL] FILE...',
    description: [
      'Reads the FILEs in the given format and prints the registry they describe as native YAML on',
      'stdout, ready for `validate`, `rules` or provisioning:',
      '  openslo    OpenSLO v1 Service, SLO, SLI, AlertPolicy and AlertCondition documents',
      '  sloth      Sloth prometheus/v1 specs (one service per file)',
      '  backstage  Backstage catalog-info.yaml (components, systems, users and groups)',
      '',
      'With --into, the imported entities are merged into an existing registry (fields the source does',
      'not know, such as business owners, tiers and KPIs, keep their values) and the merged registry',
      'is printed; the changes are listed on stderr.',
      '',
      'Problems are printed to stderr as `file:line: path: message`; fields without a place in the',
      'registry are reported as warnings. Exit code 1 when any problem is an error.',
    ].join('\n'),
    options: [
      { name: 'from', value: 'FORMAT', description: 'Format of the input files (required).', choices: FORMATS },
      { name: 'into', value: 'REGISTRY', description: 'Merge into this registry file and print the result.' },
      {
        name: 'grafana-url',
        value: 'URL',
        description: 'Backstage only: Grafana base URL, to turn grafana/dashboard-selector tags into dashboard links.',
      },
    ],
    positionals: { min: 1, max: Infinity, name: 'FILE' },
  },
  async run(args, io) {
    const format = requiredOption(args, importCommand.spec, 'from') as Format;
    const importer = IMPORTERS[format];
    const grafanaUrl = optionValue(args, 'grafana-url');
    if (grafanaUrl !== undefined && format !== 'backstage') {
      throw usageError('--grafana-url only applies to --from backstage');
    }
    const files: SourceFile[] = [];
    for (const file of args.positionals) {
      files.push({ file, text: await readInput(io, file) });
    }
    const into = optionValue(args, 'into');
    let base: RegistryDocument = emptyRegistry();
    if (into !== undefined) {
      const loaded = await loadRegistry(io, into);
      if (!loaded.doc) {
        return EXIT_INVALID;
      }
      base = loaded.doc;
    }

    const result = importer(files, { grafanaUrl });
    printProblems(io, result.problems);
    const what = plural(files.length, 'file');
    if (!result.doc || result.problems.some(isError)) {
      io.stderr(`${what} not imported: ${countProblems(result.problems)}\n`);
      return EXIT_INVALID;
    }
    const { doc, changes } = mergeImport(base, result.doc);
    if (into !== undefined) {
      // The imported entities were valid on their own; together with the registry they must be too.
      const merged = validateRegistry(doc).map((problem) => ({ ...problem, file: `${into} + import` }));
      if (merged.some(isError)) {
        printProblems(io, merged);
        io.stderr(`${what} not merged into ${into}: ${countProblems(merged)}\n`);
        return EXIT_INVALID;
      }
      for (const change of changes.filter((entry) => entry.action !== 'unchanged')) {
        io.stderr(`${change.action === 'create' ? 'added' : 'updated'} ${change.kind} ${change.id}\n`);
      }
    }
    io.stdout(stringifyRegistryYaml(doc));
    io.stderr(`imported ${registryCounts(result.doc)} from ${what}${into !== undefined ? ` into ${into}` : ''}\n`);
    return EXIT_OK;
  },
};
