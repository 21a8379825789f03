import { exportOpenSlo } from '../../domain/io/opensloExport';
import { RegistryDocument } from '../../domain/model';
import { requiredOption } from '../args';
import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { loadRegistry } from '../shared';

/** What OpenSLO has no place for, when the registry holds some of it. */
function leftOut(doc: RegistryDocument): string[] {
  const parts: string[] = [];
  if (doc.services.some((service) => Object.values(service.owners).some(Boolean)) || doc.people.length > 0) {
    parts.push('owners and people');
  }
  if (doc.services.some((service) => service.kpis.length > 0)) {
    parts.push('KPIs');
  }
  if (doc.services.some((service) => service.links.length > 0)) {
    parts.push('links');
  }
  if (doc.slos.some((slo) => slo.budgetPolicy)) {
    parts.push('budget policies');
  }
  return parts;
}

export const exportCommand: Command = {
  spec: {
    name: 'export',
    summary: 'Convert a registry file to OpenSLO v1 YAML.',
    usage: '--to openslo FILE',
    description: [
      'Validates the registry FILE and prints its services and SLOs as OpenSLO v1 documents',
      '(`---` separated) on stdout: one Service per service, one SLO per SLO with its SLI inline and an',
      'AlertPolicy of its burn-rate alerts. Owners, KPIs, links and budget policies have no place in',
      'OpenSLO; stderr says when some were left out. Exit code 1 when the registry is invalid.',
    ].join('\n'),
    options: [{ name: 'to', value: 'FORMAT', description: 'Output format (required).', choices: ['openslo'] }],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    requiredOption(args, exportCommand.spec, 'to');
    const [file] = args.positionals;
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    io.stdout(exportOpenSlo(doc));
    const dropped = leftOut(doc);
    if (dropped.length > 0) {
      io.stderr(`note: OpenSLO has no place for ${dropped.join(', ')}; they are not exported\n`);
    }
    return EXIT_OK;
  },
};
