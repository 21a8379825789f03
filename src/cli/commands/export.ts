import { droppedEntries } from '../../domain/io/migrationReport';
import { exportOpenSlo, opensloExportReport } from '../../domain/io/opensloExport';
import { requiredOption } from '../args';
import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { printReport } from '../report';
import { loadRegistry, plural } from '../shared';

export const exportCommand: Command = {
  spec: {
    name: 'export',
    summary: 'Convert a registry file to OpenSLO v1 YAML.',
    usage: '--to openslo [--strict] FILE',
    description: [
      'Validates the registry FILE and prints its services and SLOs as OpenSLO v1 documents',
      '(`---` separated) on stdout: one Service per service, one SLO per SLO with its SLI inline and an',
      'AlertPolicy of its burn-rate alerts. What OpenSLO has no place for (people, owners, KPIs, links,',
      'groupBy, budget policies, alert labels, minEvents…) is listed on stderr, one field a line, in the',
      'form of `import --report`. Exit code 1 when the registry is invalid, or with --strict when',
      'anything would be left out (then nothing is printed on stdout).',
    ].join('\n'),
    options: [
      { name: 'to', value: 'FORMAT', description: 'Output format (required).', choices: ['openslo'] },
      { name: 'strict', description: 'Refuse the export when OpenSLO cannot hold something of the registry.' },
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    requiredOption(args, exportCommand.spec, 'to');
    const [file] = args.positionals;
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    const dropped = droppedEntries(opensloExportReport(doc));
    if (dropped.length > 0) {
      printReport(
        io,
        `note: OpenSLO has no place for ${plural(dropped.length, 'field')}; they are not exported:`,
        dropped
      );
    }
    if (args.options.strict === true && dropped.length > 0) {
      io.stderr(`${file} not exported (--strict)\n`);
      return EXIT_INVALID;
    }
    io.stdout(exportOpenSlo(doc));
    return EXIT_OK;
  },
};
