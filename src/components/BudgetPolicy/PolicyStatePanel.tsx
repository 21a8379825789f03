import React, { useMemo, useState } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { ConfirmModal, Stack, Text } from '@grafana/ui';
import { RegistryDocument, Service } from '../../domain/model';
import { signOffPolicy } from '../../domain/policy/policyEdits';
import { ServicePolicyState } from '../../domain/policy/policyState';
import { SaveFailureAlert } from '../Registry/SaveFailureAlert';
import { WriteButton } from '../Registry/WriteButton';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { PolicyExceptions } from './PolicyExceptions';
import { PolicyReadNotice } from './PolicyReadNotice';
import { PolicyStateBadge, policyStateLabel } from './PolicyStateBadge';
import { useClock } from './useClock';
import { currentLogin, usePolicySave } from './usePolicySave';
import { usePolicyStates } from './usePolicyStates';

const RAW = { interpolation: { escapeValue: false } };

/** The state with its reason, one line per SLO with a policy. */
function StateView({ state }: { state: ServicePolicyState | undefined }) {
  if (!state) {
    return null;
  }
  return (
    <Stack direction="column" gap={1}>
      <Stack gap={1} alignItems="center" wrap="wrap">
        <PolicyStateBadge state={state} />
        <Text>{state.summary}</Text>
      </Stack>
      {state.slos.map((slo) => (
        <Stack key={slo.sloId} gap={1} alignItems="baseline" wrap="wrap" data-testid={testIds.budgetPolicy.slo}>
          <Text weight="medium">{slo.sloId}</Text>
          <Text color="secondary">{policyStateLabel(slo.state)}</Text>
          <Text color="secondary" variant="bodySmall">
            {slo.reasons.join(' · ')}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * The service's error-budget policy as a working object: its state (normal, freeze, reliability
 * work) with the reason, read from the recorded series as the release gate reads it; the
 * exceptions that waive a freeze; and the business owner's sign-off. Edits save through the
 * registry like the page's other edits, so the service's history records them.
 */
export function PolicyStatePanel({ service, doc }: { service: Service; doc: RegistryDocument }) {
  const serviceIds = useMemo(() => [service.id], [service.id]);
  const [now, tick] = useClock();
  const read = usePolicyStates(doc, serviceIds, now);
  const { saving, failure, run } = usePolicySave();
  const save = async (next: RegistryDocument) => {
    const saved = await run(next);
    tick();
    return saved;
  };
  const [confirming, setConfirming] = useState(false);
  const by = currentLogin();
  const sloIds = doc.slos
    .filter((slo) => slo.serviceId === service.id && slo.budgetPolicy?.enabled)
    .map((slo) => slo.id);
  const signOff = service.budgetPolicy?.signOff;
  const owner = doc.people.find((person) => person.id === service.owners.businessOwner);
  const signOffNow = async () => {
    setConfirming(false);
    await save(signOffPolicy(doc, service.id, by, new Date().toISOString()));
  };

  const signButton = (
    <WriteButton
      variant="secondary"
      icon="check"
      onClick={() => setConfirming(true)}
      busy={saving}
      data-testid={testIds.budgetPolicy.signOff}
    >
      {t('bizowner.policy.signOff', 'Sign off policy')}
    </WriteButton>
  );
  return (
    <Section
      title={t('bizowner.policy.title', 'Error-budget policy')}
      actions={read.status !== 'noPolicy' ? signButton : undefined}
    >
      <Stack direction="column" gap={2} data-testid={testIds.budgetPolicy.panel}>
        {read.status === 'noPolicy' ? (
          <Text color="secondary">
            {t(
              'bizowner.policy.none',
              'No error-budget policy yet: give an SLO of this service freeze thresholds in its Policy section, then have the business owner sign it off here.'
            )}
          </Text>
        ) : (
          <>
            {read.status === 'read' ? (
              <StateView state={read.states.find((candidate) => candidate.serviceId === service.id)} />
            ) : (
              <PolicyReadNotice read={read} />
            )}
            <Text color="secondary" data-testid={testIds.budgetPolicy.signedOff}>
              {signOff
                ? t('bizowner.policy.signedOff', 'Signed off by {{by}} on {{at}}.', {
                    by: signOff.by,
                    at: dateTimeFormat(signOff.at),
                    ...RAW,
                  })
                : t('bizowner.policy.notSignedOff', 'Not signed off by the business owner ({{owner}}) yet.', {
                    owner: owner?.name ?? service.owners.businessOwner ?? t('bizowner.policy.nobody', 'nobody named'),
                    ...RAW,
                  })}
            </Text>
            <PolicyExceptions
              service={service}
              doc={doc}
              sloIds={sloIds}
              by={by}
              now={now}
              saving={saving}
              save={save}
            />
          </>
        )}
        {failure && <SaveFailureAlert failure={failure} />}
      </Stack>
      <ConfirmModal
        isOpen={confirming}
        title={t('bizowner.policy.signOffTitle', 'Sign off the error-budget policy of {{name}}?', {
          name: service.name,
          ...RAW,
        })}
        body={t(
          'bizowner.policy.signOffBody',
          'Records that {{by}} agrees to the freeze thresholds of its SLOs and to the exceptions recorded. The business owner is {{owner}}; sign off on their behalf only with their agreement.',
          { by, owner: owner?.name ?? t('bizowner.policy.nobody', 'nobody named'), ...RAW }
        )}
        confirmText={t('bizowner.policy.signOffConfirm', 'Sign off')}
        onConfirm={signOffNow}
        onDismiss={() => setConfirming(false)}
      />
    </Section>
  );
}
