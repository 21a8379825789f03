import { stringify } from 'yaml';

import { RegistryDocument } from '../model';
import { Problem } from '../problems';
import { validateRegistry } from '../validation/registry';
import { applyDefaults } from './defaults';
import { orderKeys } from './keyOrder';
import { lineAt, parsePath, readYaml, toData } from './yamlSource';

/** What parsing the native YAML gives: the document when it has no errors, and every problem with its line. */
export interface NativeParseResult {
  doc?: RegistryDocument;
  problems: Problem[];
}

/** Whether any problem refuses the input (warnings do not). */
export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity !== 'warning');
}

/**
 * Parses the native registry YAML (what {@link stringifyRegistryYaml} writes and what GitOps
 * provisioning holds). YAML syntax errors come first, with their line; then defaults are applied
 * (see `applyDefaults`) and the document is validated, each problem pointing at the line of its
 * node. `doc` is set only when no problem is an error, so a broken file is never half-saved.
 */
export function parseRegistryYaml(text: string, file?: string): NativeParseResult {
  const source = readYaml(text, file);
  if (hasErrors(source.problems)) {
    return { problems: source.problems };
  }
  if (source.documents.length !== 1) {
    const many = source.documents.length > 1;
    const message = many
      ? `the registry must be one YAML document, found ${source.documents.length} separated by ---`
      : 'the file is empty: write a registry with people, services and slos';
    return { problems: [...source.problems, { path: '', message, file, line: 1 }] };
  }
  const [document] = source.documents;
  const { value, problem } = toData(source, document);
  if (problem) {
    return { problems: [...source.problems, problem] };
  }
  const doc = applyDefaults(value);
  const problems = [
    ...source.problems,
    ...validateRegistry(doc).map((found) => ({
      ...found,
      file,
      line: lineAt(source, document, parsePath(found.path)),
    })),
  ];
  return hasErrors(problems) ? { problems } : { doc: doc as RegistryDocument, problems };
}

/**
 * Writes a registry as native YAML with a stable key order, so that the same registry always gives
 * the same text and `parseRegistryYaml(stringifyRegistryYaml(doc)).doc` equals `doc`.
 */
export function stringifyRegistryYaml(doc: RegistryDocument): string {
  return stringify(orderKeys(doc), { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true });
}
