import { Person, Service } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { BackstageOptions, convertComponent, refName } from './backstageComponent';
import { finishImport, ImportResult, SourceFile, SourceLines } from './importResult';
import { entityPath, ReportEntry } from './migrationReport';
import { fields, readDocuments, SourceDoc, text } from './sourceDoc';

const API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'];
/** Kinds that carry nothing the registry holds; they are skipped with a warning. */
const SKIPPED_KINDS = ['System', 'Group', 'API', 'Resource', 'Domain', 'Location', 'Template'];

interface Entity {
  data: Fields;
  src: SourceDoc;
}

function collect(files: SourceFile[], problems: Problem[], report: ReportEntry[]): Entity[] {
  const entities: Entity[] = [];
  for (const { value, src } of readDocuments(files, problems, report)) {
    if (isFields(value) && API_VERSIONS.includes(String(value.apiVersion))) {
      entities.push({ data: value, src });
    } else {
      const found = JSON.stringify(isFields(value) ? (value.apiVersion ?? null) : null);
      problems.push(
        src.problem(
          ['apiVersion'],
          `expected a Backstage entity with apiVersion ${API_VERSIONS.join(' or ')}, found ${found}`
        )
      );
    }
  }
  return entities;
}

/** A User with an e-mail address becomes a person; without one it cannot own anything here. */
function convertUser({ data, src }: Entity, problems: Problem[]): Person | undefined {
  const profile = fields(fields(data, 'spec'), 'profile');
  const id = text(fields(data, 'metadata'), 'name') ?? '';
  const email = text(profile, 'email');
  if (!email) {
    problems.push(src.drop([], `user "${id}" has no spec.profile.email and is left out`));
    return undefined;
  }
  const target = (field: string) => entityPath('people', id, field);
  src.mapped(['metadata', 'name'], target('id'));
  src.mapped(['spec', 'profile', 'email'], target('email'));
  if (text(profile, 'displayName') !== undefined) {
    src.mapped(['spec', 'profile', 'displayName'], target('name'));
  }
  const memberOf = fields(data, 'spec')?.memberOf;
  const team = Array.isArray(memberOf) && typeof memberOf[0] === 'string' ? refName(memberOf[0]) : undefined;
  if (team) {
    src.mapped(['spec', 'memberOf', 0], target('team'));
  }
  return { id, name: text(profile, 'displayName') ?? id, email, ...(team ? { team } : {}) };
}

/**
 * Imports Backstage `catalog-info.yaml` files (several `---` entities each): a Component becomes a
 * service (title, description, links, lifecycle, owner as on-call team or service owner, component
 * dependencies, PagerDuty / Grafana / TechDocs / GitHub annotations as on-call and links), a User
 * with an e-mail a person. Other Backstage kinds are skipped with a warning; anything else is an
 * error. Dependencies on components outside the import are warnings, checked again when saving.
 */
export function importBackstage(files: SourceFile[], options: BackstageOptions = {}): ImportResult {
  const problems: Problem[] = [];
  const report: ReportEntry[] = [];
  const lines = new SourceLines();
  const entities = collect(files, problems, report);
  const ofKind = (kind: string) => entities.filter((entity) => entity.data.kind === kind);
  const people: Person[] = [];
  for (const user of ofKind('User')) {
    const person = convertUser(user, problems);
    if (person) {
      lines.markNode(`people[${people.length}]`, user.src);
      lines.markNode(`people[${people.length}].email`, user.src, ['spec', 'profile', 'email']);
      people.push(person);
    }
  }
  const personIds = new Set(people.map((person) => person.id));
  const services: Service[] = ofKind('Component').map((component, index) => {
    const at = `services[${index}]`;
    lines.markNode(at, component.src);
    lines.markNode(`${at}.id`, component.src, ['metadata', 'name']);
    lines.markNode(`${at}.links`, component.src, ['metadata', 'links']);
    lines.markNode(`${at}.dependsOn`, component.src, ['spec', 'dependsOn']);
    return convertComponent(component.data, personIds, options, component.src, problems);
  });
  for (const { data, src } of entities) {
    if (SKIPPED_KINDS.includes(String(data.kind))) {
      problems.push(src.drop(['kind'], `kind ${String(data.kind)} is skipped`));
    } else if (data.kind !== 'Component' && data.kind !== 'User') {
      problems.push(
        src.problem(
          ['kind'],
          `unknown kind ${JSON.stringify(data.kind ?? null)}; expected Component or User (System, Group, API, Resource are skipped)`
        )
      );
    }
  }
  return finishImport({ people, services, slos: [] }, problems, lines, { report });
}
