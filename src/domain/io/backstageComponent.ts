import { Lifecycle, LINK_TYPES, LinkType, Service, ServiceLink } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { newService } from './importResult';
import { entityPath } from './migrationReport';
import { fields, SourceDoc, text } from './sourceDoc';

/** Options of the Backstage import. */
export interface BackstageOptions {
  /** Base URL of Grafana, to turn a `grafana/dashboard-selector` into a dashboard search link. */
  grafanaUrl?: string;
}

const LIFECYCLES: Record<string, Lifecycle> = {
  production: 'production',
  experimental: 'experimental',
  deprecated: 'deprecated',
};
const PAGERDUTY = 'pagerduty.com/service-id';
const HANDLED_ANNOTATIONS = [
  PAGERDUTY,
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'backstage.io/techdocs-ref',
  'github.com/project-slug',
];

/** The name of an entity reference: `component:default/payments` → `payments`. */
export function refName(ref: string): string {
  return ref.replace(/^[a-z]+:/i, '').replace(/^[^/]+\//, '');
}

/** Guesses a link type from Backstage's `type`, title or icon. */
function linkType(link: Fields): LinkType {
  const hint = [text(link, 'type'), text(link, 'icon'), text(link, 'title')].join(' ').toLowerCase();
  const byWord: Array<[string, LinkType]> = [
    ['runbook', 'runbook'],
    ['dashboard', 'dashboard'],
    ['postmortem', 'postmortem'],
    ['github', 'repo'],
    ['repo', 'repo'],
  ];
  const declared = LINK_TYPES.find((type) => type === text(link, 'type'));
  return declared ?? byWord.find(([word]) => hint.includes(word))?.[1] ?? 'docs';
}

/** Turns the link annotations into links, appended to `links`, whose target is `<links>[index]`. */
function annotationLinks(
  annotations: Fields,
  options: BackstageOptions,
  links: ServiceLink[],
  target: string,
  src: SourceDoc,
  problems: Problem[]
): void {
  const at = (name: string) => ['metadata', 'annotations', name];
  const add = (name: string, link: ServiceLink) => {
    src.mapped(at(name), `${target}[${links.length}]`);
    links.push(link);
  };
  const overview = text(annotations, 'grafana/overview-dashboard');
  if (overview) {
    add('grafana/overview-dashboard', { type: 'dashboard', title: 'Overview dashboard', url: overview });
  }
  const selector = text(annotations, 'grafana/dashboard-selector');
  const tag = selector ? /tags\s*@>\s*'([^']+)'/.exec(selector)?.[1] : undefined;
  if (selector && tag && options.grafanaUrl) {
    add('grafana/dashboard-selector', {
      type: 'dashboard',
      title: `Dashboards tagged ${tag}`,
      url: `${options.grafanaUrl.replace(/\/$/, '')}/dashboards?tag=${encodeURIComponent(tag)}`,
    });
  } else if (selector) {
    const why = tag ? 'give the Grafana URL to turn it into a link' : 'only "tags @> \'tag\'" selectors are understood';
    problems.push(src.drop(at('grafana/dashboard-selector'), `grafana/dashboard-selector; ${why}`));
  }
  const techdocs = text(annotations, 'backstage.io/techdocs-ref');
  if (techdocs?.startsWith('url:')) {
    add('backstage.io/techdocs-ref', { type: 'docs', title: 'TechDocs', url: techdocs.slice('url:'.length) });
  } else if (techdocs) {
    problems.push(
      src.drop(at('backstage.io/techdocs-ref'), `backstage.io/techdocs-ref "${techdocs}" is not a url: reference`)
    );
  }
  const slug = text(annotations, 'github.com/project-slug');
  if (slug) {
    add('github.com/project-slug', { type: 'repo', title: 'Repository', url: `https://github.com/${slug}` });
  }
}

/**
 * Converts a Backstage Component to a service. `people` are the ids of imported Users, so that a
 * `user:` owner becomes the service owner; a group owner becomes the on-call team.
 */
export function convertComponent(
  data: Fields,
  people: Set<string>,
  options: BackstageOptions,
  src: SourceDoc,
  problems: Problem[]
): Service {
  const metadata = fields(data, 'metadata') ?? {};
  const spec = fields(data, 'spec') ?? {};
  const service = newService(text(metadata, 'name') ?? '');
  const target = (field: string) => entityPath('services', service.id, field);
  const mapped = (path: Array<string | number>, field: string, value: unknown, reason?: string) => {
    if (value !== undefined) {
      src.mapped(path, target(field), reason);
    }
  };
  mapped(['metadata', 'name'], 'id', service.id);
  service.name = text(metadata, 'title') ?? service.id;
  mapped(['metadata', 'title'], 'name', metadata.title);
  service.description = text(metadata, 'description');
  mapped(['metadata', 'description'], 'description', metadata.description);
  mapped(['spec', 'type'], '', spec.type, 'every Component becomes a service');
  const namespace = text(metadata, 'namespace');
  if (namespace !== undefined && namespace !== 'default') {
    problems.push(src.drop(['metadata', 'namespace'], `namespace "${namespace}": service ids have no namespace`));
  }
  problems.push(
    ...src.unmapped(metadata, ['name', 'title', 'description', 'links', 'annotations', 'namespace'], ['metadata'])
  );
  problems.push(...src.unmapped(spec, ['type', 'lifecycle', 'owner', 'dependsOn'], ['spec']));
  const lifecycle = text(spec, 'lifecycle') ?? 'production';
  service.lifecycle = LIFECYCLES[lifecycle] ?? 'beta';
  mapped(['spec', 'lifecycle'], 'lifecycle', spec.lifecycle, LIFECYCLES[lifecycle] ? undefined : 'imported as beta');
  if (!LIFECYCLES[lifecycle]) {
    problems.push(
      src.problem(['spec', 'lifecycle'], `lifecycle "${lifecycle}" has no equivalent; imported as "beta"`, 'warning')
    );
  }
  const owner = text(spec, 'owner');
  if (owner && owner.startsWith('user:') && people.has(refName(owner))) {
    service.owners = { serviceOwner: refName(owner) };
    mapped(['spec', 'owner'], 'owners.serviceOwner', owner);
  } else if (owner) {
    service.onCall = { team: refName(owner) };
    mapped(['spec', 'owner'], 'onCall.team', owner, 'a group, or a user the import does not define');
  }
  const links = Array.isArray(metadata.links) ? metadata.links.filter(isFields) : [];
  service.links = links.map((link) => ({
    type: linkType(link),
    title: text(link, 'title') ?? text(link, 'url') ?? '',
    url: text(link, 'url') ?? '',
  }));
  mapped(['metadata', 'links'], 'links', metadata.links);
  const annotations = fields(metadata, 'annotations') ?? {};
  annotationLinks(annotations, options, service.links, target('links'), src, problems);
  problems.push(...src.unmapped(annotations, HANDLED_ANNOTATIONS, ['metadata', 'annotations']));
  const pagerDuty = text(annotations, PAGERDUTY);
  if (pagerDuty) {
    // app.pagerduty.com sends a signed-in user to their own account's subdomain.
    service.onCall = {
      ...service.onCall,
      scheduleUrl: `https://app.pagerduty.com/service-directory/${encodeURIComponent(pagerDuty)}`,
    };
    mapped(['metadata', 'annotations', PAGERDUTY], 'onCall.scheduleUrl', pagerDuty);
  }
  const dependsOn = Array.isArray(spec.dependsOn)
    ? spec.dependsOn.filter((ref): ref is string => typeof ref === 'string')
    : [];
  service.dependsOn = [];
  dependsOn.forEach((ref, index) => {
    if (ref.startsWith('component:')) {
      mapped(['spec', 'dependsOn', index], `dependsOn[${service.dependsOn.length}]`, ref);
      service.dependsOn.push(refName(ref));
    } else {
      problems.push(src.drop(['spec', 'dependsOn', index], `dependsOn "${ref}"; only components become dependencies`));
    }
  });
  return service;
}
