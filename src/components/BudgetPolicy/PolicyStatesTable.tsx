import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Stack, Text, TextLink } from '@grafana/ui';
import { RegistryDocument } from '../../domain/model';
import { POLICY_STATES_WORST_FIRST } from '../../domain/policy/policyState';
import { serviceUrl } from '../../routing';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { PolicyReadNotice } from './PolicyReadNotice';
import { PolicyStateBadge } from './PolicyStateBadge';
import { useClock } from './useClock';
import { usePolicyStates } from './usePolicyStates';

/**
 * The error-budget policy state of every service with a policy, worst first, each with its reason
 * and a link to the service page; read in the same few queries whatever the number of services.
 * Nothing when no service has a policy.
 */
export function PolicyStatesTable({ doc }: { doc: RegistryDocument }) {
  const serviceIds = useMemo(() => doc.services.map((service) => service.id), [doc.services]);
  const [now] = useClock();
  const read = usePolicyStates(doc, serviceIds, now);
  if (read.status === 'noPolicy') {
    return null;
  }
  const names = new Map(doc.services.map((service) => [service.id, service.name]));
  return (
    <Section title={t('bizowner.policy.table.title', 'Error-budget policy')}>
      <div data-testid={testIds.budgetPolicy.table}>
        <PolicyReadNotice read={read} />
        {read.status === 'read' && (
          <Stack direction="column" gap={1}>
            {read.states
              .filter((state) => state.slos.length > 0)
              .sort((a, b) => POLICY_STATES_WORST_FIRST.indexOf(a.state) - POLICY_STATES_WORST_FIRST.indexOf(b.state))
              .map((state) => (
                <Stack key={state.serviceId} gap={1} alignItems="center" wrap="wrap">
                  <TextLink href={serviceUrl(state.serviceId)} inline={false}>
                    {names.get(state.serviceId) ?? state.serviceId}
                  </TextLink>
                  <PolicyStateBadge state={state} />
                  <Text color="secondary" variant="bodySmall">
                    {state.summary}
                  </Text>
                </Stack>
              ))}
          </Stack>
        )}
      </div>
    </Section>
  );
}
