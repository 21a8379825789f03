import React from 'react';
import { t } from '@grafana/i18n';
import { LinkButton, Stack, Text, TextLink } from '@grafana/ui';
import { PersonLink } from '../../../components/PagedTable/columns';
import { KeyValueTable } from '../../../components/Section/KeyValueTable';
import { testIds } from '../../../components/testIds';
import { runbookLinks } from '../../../domain/dashboards/links';
import { RegistryDocument, Service, Slo } from '../../../domain/model';
import { SERVICE_TABS, serviceUrl, sloEditUrl } from '../../../routing';
import { useRegistry } from '../../../storage/RegistryContext';
import { windowInSentence } from '../../../components/labels';
import { sliKindLabel } from '../sloTexts';

const RAW = { interpolation: { escapeValue: false } };

/** The SLO's runbooks (its own, then the service's), each opening in a new tab. */
function Runbooks({ service, slo }: { service: Service; slo: Slo }) {
  const links = runbookLinks(service, [slo]);
  return (
    <Stack direction="column" gap={0.5} data-testid={testIds.sloPage.runbooks}>
      {links.length === 0 ? (
        <Text color="secondary">
          {t('bizowner.sloPage.noRunbook', "None yet: add one to the SLO's alerting or to the service's links.")}
        </Text>
      ) : (
        links.map((link) => (
          <TextLink key={link.url} href={link.url} external inline={false}>
            {link.title}
          </TextLink>
        ))
      )}
    </Stack>
  );
}

/** The service's generated dashboards in the app, and the SLO's editor. */
function Actions({ service, slo }: { service: Service; slo: Slo }) {
  const { canWrite } = useRegistry();
  const views = [
    { tab: SERVICE_TABS.onCall, icon: 'fire' as const, label: t('bizowner.sloPage.onCall', 'On-call view') },
    { tab: SERVICE_TABS.debug, icon: 'bug' as const, label: t('bizowner.sloPage.debug', 'Debug view') },
    { tab: SERVICE_TABS.cost, icon: 'dollar-alt' as const, label: t('bizowner.sloPage.cost', 'Cost view') },
  ];
  return (
    <Stack gap={1} wrap="wrap" data-testid={testIds.sloPage.dashboards}>
      {views.map((view) => (
        <LinkButton key={view.tab} href={serviceUrl(service.id, view.tab)} icon={view.icon} variant="secondary">
          {view.label}
        </LinkButton>
      ))}
      <LinkButton href={sloEditUrl(slo.id)} icon="pen" variant="secondary" data-testid={testIds.sloPage.edit}>
        {canWrite ? t('bizowner.sloPage.edit', 'Edit SLO') : t('bizowner.sloPage.view', 'SLO definition')}
      </LinkButton>
    </Stack>
  );
}

/** What the SLO is and who answers for it: service, business owner, objective, window, SLI and runbooks. */
export function SloHeader({ doc, service, slo }: { doc: RegistryDocument; service: Service; slo: Slo }) {
  const ownerId = service.owners.businessOwner;
  const owner = ownerId ? doc.people.find((person) => person.id === ownerId) : undefined;
  const rows = [
    {
      key: 'service',
      label: t('bizowner.sloPage.service', 'Service'),
      value: (
        <span data-testid={testIds.sloPage.service}>
          <TextLink href={serviceUrl(service.id)} inline={false}>
            {service.name}
          </TextLink>
        </span>
      ),
    },
    {
      key: 'owner',
      label: t('bizowner.sloPage.owner', 'Business owner'),
      value: (
        <span data-testid={testIds.sloPage.owner}>
          {ownerId ? (
            <PersonLink id={ownerId} name={owner?.name} />
          ) : (
            <Text color="secondary">{t('bizowner.sloPage.noOwner', 'No business owner')}</Text>
          )}
        </span>
      ),
    },
    {
      key: 'objective',
      label: t('bizowner.sloPage.objective', 'Objective'),
      value: t('bizowner.sloPage.objectiveValue', '{{objective}}% over {{window}}', {
        objective: slo.objective,
        window: windowInSentence(slo.window, slo.timeZone),
        ...RAW,
      }),
    },
    {
      key: 'sli',
      label: t('bizowner.sloPage.sli', 'SLI'),
      value: slo.groupBy?.length
        ? t('bizowner.sloPage.sliGrouped', '{{kind}}, one per {{labels}}', {
            kind: sliKindLabel(slo.sli.kind),
            labels: slo.groupBy.join(', '),
            ...RAW,
          })
        : sliKindLabel(slo.sli.kind),
    },
    {
      key: 'runbooks',
      label: t('bizowner.sloPage.runbooks', 'Runbook'),
      value: <Runbooks service={service} slo={slo} />,
    },
  ];
  return (
    <Stack direction="column" gap={2} data-testid={testIds.sloPage.header}>
      {slo.description && <Text color="secondary">{slo.description}</Text>}
      <KeyValueTable rows={rows} />
      <Actions service={service} slo={slo} />
    </Stack>
  );
}
