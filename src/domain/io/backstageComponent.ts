import { Lifecycle, LINK_TYPES, LinkType, Service, ServiceLink } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { newService } from './importResult';
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

function annotationLinks(
  annotations: Fields,
  options: BackstageOptions,
  src: SourceDoc,
  problems: Problem[]
): ServiceLink[] {
  const links: ServiceLink[] = [];
  const overview = text(annotations, 'grafana/overview-dashboard');
  if (overview) {
    links.push({ type: 'dashboard', title: 'Overview dashboard', url: overview });
  }
  const selector = text(annotations, 'grafana/dashboard-selector');
  const tag = selector ? /tags\s*@>\s*'([^']+)'/.exec(selector)?.[1] : undefined;
  if (selector && tag && options.grafanaUrl) {
    links.push({
      type: 'dashboard',
      title: `Dashboards tagged ${tag}`,
      url: `${options.grafanaUrl.replace(/\/$/, '')}/dashboards?tag=${encodeURIComponent(tag)}`,
    });
  } else if (selector) {
    const why = tag ? 'give the Grafana URL to turn it into a link' : 'only "tags @> \'tag\'" selectors are understood';
    problems.push(
      src.problem(
        ['metadata', 'annotations', 'grafana/dashboard-selector'],
        `not mapped: grafana/dashboard-selector; ${why}`,
        'warning'
      )
    );
  }
  const techdocs = text(annotations, 'backstage.io/techdocs-ref');
  if (techdocs?.startsWith('url:')) {
    links.push({ type: 'docs', title: 'TechDocs', url: techdocs.slice('url:'.length) });
  } else if (techdocs) {
    problems.push(
      src.problem(
        ['metadata', 'annotations', 'backstage.io/techdocs-ref'],
        `not mapped: backstage.io/techdocs-ref "${techdocs}" is not a url: reference`,
        'warning'
      )
    );
  }
  const slug = text(annotations, 'github.com/project-slug');
  if (slug) {
    links.push({ type: 'repo', title: 'Repository', url: `https://github.com/${slug}` });
  }
  return links;
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
  service.name = text(metadata, 'title') ?? service.id;
  service.description = text(metadata, 'description');
  problems.push(
    ...src.unmapped(metadata, ['name', 'title', 'description', 'links', 'annotations', 'namespace'], ['metadata'])
  );
  problems.push(...src.unmapped(spec, ['type', 'lifecycle', 'owner', 'dependsOn'], ['spec']));
  const lifecycle = text(spec, 'lifecycle') ?? 'production';
  service.lifecycle = LIFECYCLES[lifecycle] ?? 'beta';
  if (!LIFECYCLES[lifecycle]) {
    problems.push(
      src.problem(['spec', 'lifecycle'], `lifecycle "${lifecycle}" has no equivalent; imported as "beta"`, 'warning')
    );
  }
  const owner = text(spec, 'owner');
  if (owner && owner.startsWith('user:') && people.has(refName(owner))) {
    service.owners = { serviceOwner: refName(owner) };
  } else if (owner) {
    service.onCall = { team: refName(owner) };
  }
  const links = Array.isArray(metadata.links) ? metadata.links.filter(isFields) : [];
  service.links = links.map((link) => ({
    type: linkType(link),
    title: text(link, 'title') ?? text(link, 'url') ?? '',
    url: text(link, 'url') ?? '',
  }));
  const annotations = fields(metadata, 'annotations') ?? {};
  service.links.push(...annotationLinks(annotations, options, src, problems));
  problems.push(...src.unmapped(annotations, HANDLED_ANNOTATIONS, ['metadata', 'annotations']));
  const pagerDuty = text(annotations, PAGERDUTY);
  if (pagerDuty) {
    // app.pagerduty.com sends a signed-in user to their own account's subdomain.
    service.onCall = {
      ...service.onCall,
      scheduleUrl: `https://app.pagerduty.com/service-directory/${encodeURIComponent(pagerDuty)}`,
    };
  }
  const dependsOn = Array.isArray(spec.dependsOn)
    ? spec.dependsOn.filter((ref): ref is string => typeof ref === 'string')
    : [];
  service.dependsOn = dependsOn.filter((ref) => ref.startsWith('component:')).map(refName);
  dependsOn
    .filter((ref) => !ref.startsWith('component:'))
    .forEach((ref) =>
      problems.push(
        src.problem(
          ['spec', 'dependsOn', dependsOn.indexOf(ref)],
          `not mapped: dependsOn "${ref}"; only components become dependencies`,
          'warning'
        )
      )
    );
  return service;
}
