import { Command } from '../command';
import { CliError } from '../args';

const FORMATS = ['openslo', 'sloth', 'backstage'] as const;

export const importCommand: Command = {
  spec: {
    name: 'import',
    summary: 'Convert OpenSLO, Sloth or Backstage files to the native registry YAML.',
    usage: '--from openslo|sloth|backstage FILE...',
    description: '',
    options: [{ name: 'from', value: 'FORMAT', description: 'Format of the input files.', choices: FORMATS }],
    positionals: { min: 1, max: Infinity, name: 'FILE' },
  },
  async run() {
    throw new CliError('import is not available yet');
  },
};
