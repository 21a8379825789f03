import { Command } from '../command';
import { CliError } from '../args';

export const exportCommand: Command = {
  spec: {
    name: 'export',
    summary: 'Convert a registry file to OpenSLO v1 YAML.',
    usage: '--to openslo FILE',
    description: '',
    options: [{ name: 'to', value: 'FORMAT', description: 'Output format.', choices: ['openslo'] }],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run() {
    throw new CliError('export is not available yet');
  },
};
