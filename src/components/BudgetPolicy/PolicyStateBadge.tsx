import React from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor } from '@grafana/ui';
import { PolicyExceptionKind } from '../../domain/model';
import { PolicyStateKind, ServicePolicyState } from '../../domain/policy/policyState';
import { testIds } from '../testIds';

const COLORS: Record<PolicyStateKind, BadgeColor> = {
  normal: 'green',
  freeze: 'red',
  reliabilityWork: 'orange',
  unknown: 'darkgrey',
};

export function policyStateLabel(state: PolicyStateKind): string {
  const labels: Record<PolicyStateKind, string> = {
    normal: t('bizowner.policy.state.normal', 'Normal'),
    freeze: t('bizowner.policy.state.freeze', 'Freeze'),
    reliabilityWork: t('bizowner.policy.state.reliabilityWork', 'Reliability work'),
    unknown: t('bizowner.policy.state.unknown', 'Unknown'),
  };
  return labels[state];
}

export function exceptionKindLabel(kind: PolicyExceptionKind): string {
  const labels: Record<PolicyExceptionKind, string> = {
    dependencyIncident: t('bizowner.policy.kind.dependencyIncident', 'Dependency incident'),
    outOfScopeTraffic: t('bizowner.policy.kind.outOfScopeTraffic', 'Out-of-scope traffic'),
    other: t('bizowner.policy.kind.other', 'Other'),
  };
  return labels[kind];
}

/** The policy state of a service; a normal state that an exception keeps from freezing says so. */
export function PolicyStateBadge({ state }: { state: ServicePolicyState }) {
  const waived = state.state === 'normal' && state.slos.some((slo) => slo.waivedBy);
  const text = waived ? t('bizowner.policy.state.waived', 'Normal · freeze waived') : policyStateLabel(state.state);
  return <Badge color={waived ? 'blue' : COLORS[state.state]} text={text} data-testid={testIds.budgetPolicy.state} />;
}
