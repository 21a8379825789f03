/**
 * The runbook quick-links panel: the runbooks first, then who is on call, how to escalate and who
 * decides (the business owner and what they may approve), as Markdown.
 */
import { ServiceScope, personName } from './service';

function markdownLink(title: string, url: string): string {
  return `[${title.replace(/[[\]]/g, '')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** Markdown of the runbook quick-links panel of a service. */
export function runbookMarkdown(scope: ServiceScope): string {
  const { service, people } = scope;
  const runbooks = scope.links.filter((link) => link.external);
  const lines: string[] = ['### Runbooks', ''];
  lines.push(
    ...(runbooks.length > 0
      ? runbooks.map((link) => `- ${markdownLink(link.title, link.url)}`)
      : ['- No runbook yet: add one to the service in Business Owner.'])
  );
  const onCall = service.onCall;
  if (onCall) {
    lines.push('', '### On call', '');
    if (onCall.team) {
      lines.push(`- Team: ${onCall.team}`);
    }
    if (onCall.escalation && onCall.escalation.length > 0) {
      lines.push(`- Escalation: ${onCall.escalation.map((id) => personName(people, id) ?? id).join(' → ')}`);
    }
    if (onCall.scheduleUrl) {
      lines.push(`- ${markdownLink('Schedule', onCall.scheduleUrl)}`);
    }
  }
  const owner = personName(people, service.owners.businessOwner);
  if (owner) {
    lines.push('', '### Decides', '', `- Business owner: ${owner}`);
    if (service.decisionScope) {
      lines.push(`- May approve: ${service.decisionScope}`);
    }
  }
  const other = service.links.filter((link) => link.type === 'dashboard' || link.type === 'postmortem');
  if (other.length > 0) {
    lines.push('', '### See also', '', ...other.map((link) => `- ${markdownLink(link.title, link.url)}`));
  }
  return `${lines.join('\n')}\n`;
}
