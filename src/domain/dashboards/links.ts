/**
 * Links on generated panels: the service's runbooks (on every on-call panel, so the runbook is one
 * click away from anything an on-call engineer looks at) and drilldowns from a row or series to
 * the page of its SLO or service in the app, keeping the dashboard's time range.
 */
import { LABEL_ID, LABEL_SERVICE } from '../rules/names';
import { Service, Slo } from '../model';
import { SERVICE_TABS, serviceUrl, serviceUrlTemplate, sloUrlTemplate } from '../urls';
import { DataLink, PanelLink } from './types';

/** Grafana's data link variable for the dashboard's time range (`from=…&to=…`). */
export const TIME_RANGE = '${__url_time_range}';

/**
 * The runbooks of a service: its runbook links, then the runbook URLs of its SLOs' alerts that are
 * not among them. Titles say which SLO a runbook belongs to.
 */
export function runbookLinks(service: Service, slos: Slo[]): PanelLink[] {
  const links: PanelLink[] = service.links
    .filter((link) => link.type === 'runbook')
    .map((link) => ({ title: link.title, url: link.url, external: true }));
  for (const slo of slos) {
    const url = slo.alerting.runbookUrl;
    if (url && !links.some((link) => link.url === url)) {
      links.push({ title: `Runbook: ${slo.name}`, url, external: true });
    }
  }
  return links;
}

/** Runbook links of a service as data links, for the rows of alert tables. */
export function runbookDataLinks(service: Service, slos: Slo[]): DataLink[] {
  return runbookLinks(service, slos).map((link) => ({ ...link }));
}

/** The service's page and its on-call view, as panel links, keeping the time range. */
export function servicePageLinks(service: Service): PanelLink[] {
  return [{ title: `${service.name} in Business Owner`, url: `${serviceUrl(service.id)}?${TIME_RANGE}` }];
}

/**
 * Drilldowns from a row or series to the service it belongs to. `field` is how the service id is
 * reached: `data` for table rows (`${__data.fields.sloth_service}`), `labels` for series
 * (`${__field.labels.sloth_service}`).
 */
export function serviceDrilldowns(field: 'data' | 'labels', label: string = LABEL_SERVICE): DataLink[] {
  const id = field === 'data' ? `\${__data.fields.${label}}` : `\${__field.labels.${label}}`;
  return [
    { title: 'Open service', url: `${serviceUrlTemplate(id)}?${TIME_RANGE}` },
    { title: 'On-call view', url: `${serviceUrlTemplate(id, SERVICE_TABS.onCall)}?${TIME_RANGE}` },
  ];
}

/** A link from a row or series of one SLO to the SLO's page (see {@link serviceDrilldowns} for `field`). */
export function sloPageLink(field: 'data' | 'labels'): DataLink {
  const id = field === 'data' ? `\${__data.fields.${LABEL_ID}}` : `\${__field.labels.${LABEL_ID}}`;
  return { title: 'Open SLO', url: `${sloUrlTemplate(id)}?${TIME_RANGE}` };
}

/**
 * Drilldowns from a row or series of one SLO: its service's page and on-call view (first, as for
 * rows of services), then the SLO's page. Grafana lists them all in the link menu.
 */
export function sloDrilldowns(field: 'data' | 'labels'): DataLink[] {
  return [...serviceDrilldowns(field), sloPageLink(field)];
}
