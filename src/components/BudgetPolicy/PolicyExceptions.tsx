import React, { useState } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, Stack, Text } from '@grafana/ui';
import { PolicyException, RegistryDocument, Service } from '../../domain/model';
import { isExceptionActive } from '../../domain/policy/exceptions';
import { endPolicyException } from '../../domain/policy/policyEdits';
import { WriteButton } from '../Registry/WriteButton';
import { testIds } from '../testIds';
import { AddExceptionForm } from './AddExceptionForm';
import { exceptionKindLabel } from './PolicyStateBadge';

const RAW = { interpolation: { escapeValue: false } };
/** Ended exceptions shown; older ones stay in the registry and its history. */
const ENDED_SHOWN = 3;

interface Props {
  service: Service;
  doc: RegistryDocument;
  sloIds: string[];
  by: string;
  /** The time (epoch ms) the exceptions are shown at: in force, planned or ended. */
  now: number;
  saving: boolean;
  save(next: RegistryDocument): Promise<boolean>;
}

function ExceptionLine({ exception, now, onEnd }: { exception: PolicyException; now: number; onEnd?: () => void }) {
  const active = isExceptionActive(exception, now);
  const upcoming = Date.parse(exception.from) > now;
  const status = active
    ? t('bizowner.policy.exception.active', 'In force')
    : upcoming
      ? t('bizowner.policy.exception.upcoming', 'Planned')
      : t('bizowner.policy.exception.ended', 'Ended');
  return (
    <Stack direction="column" gap={0.5} data-testid={testIds.budgetPolicy.exception}>
      <Stack gap={1} alignItems="center" wrap="wrap">
        <Badge color={active ? 'blue' : 'darkgrey'} text={status} />
        <Text weight="medium">{exceptionKindLabel(exception.kind)}</Text>
        <Text>{exception.reason}</Text>
        {onEnd && (
          <WriteButton variant="secondary" icon="times" onClick={onEnd} data-testid={testIds.budgetPolicy.endException}>
            {upcoming
              ? t('bizowner.policy.exception.cancelPlanned', 'Cancel')
              : t('bizowner.policy.exception.end', 'End now')}
          </WriteButton>
        )}
      </Stack>
      <Text color="secondary" variant="bodySmall">
        {t('bizowner.policy.exception.detail', '{{from}} to {{to}} · {{slos}} · recorded by {{by}} on {{at}}', {
          from: dateTimeFormat(exception.from),
          to: dateTimeFormat(exception.to),
          slos: exception.sloIds?.length
            ? exception.sloIds.join(', ')
            : t('bizowner.policy.exception.allSlos', 'all SLOs'),
          by: exception.by,
          at: dateTimeFormat(exception.at),
          ...RAW,
        })}
      </Text>
    </Stack>
  );
}

/**
 * The exceptions recorded for the service's policy: those in force and planned, then the last few
 * that ended; each in force or planned can be ended now, and a new one recorded with its reason.
 */
export function PolicyExceptions({ service, doc, sloIds, by, now, saving, save }: Props) {
  const [adding, setAdding] = useState(false);
  const all = service.budgetPolicy?.exceptions ?? [];
  const open = all.filter((exception) => Date.parse(exception.to) > now);
  const ended = all
    .filter((exception) => Date.parse(exception.to) <= now)
    .sort((a, b) => Date.parse(b.to) - Date.parse(a.to))
    .slice(0, ENDED_SHOWN);
  const end = (exception: PolicyException) =>
    save(endPolicyException(doc, service.id, exception.id, new Date().toISOString()));

  return (
    <Stack direction="column" gap={1}>
      <Stack justifyContent="space-between" alignItems="center">
        <Text weight="medium">{t('bizowner.policy.exceptions', 'Exceptions')}</Text>
        {!adding && (
          <WriteButton
            variant="secondary"
            icon="plus"
            onClick={() => setAdding(true)}
            data-testid={testIds.budgetPolicy.addException}
          >
            {t('bizowner.policy.exception.add', 'Add exception')}
          </WriteButton>
        )}
      </Stack>
      {adding && (
        <AddExceptionForm
          service={service}
          doc={doc}
          sloIds={sloIds}
          by={by}
          saving={saving}
          onSave={async (next) => (await save(next)) && setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      )}
      {all.length === 0 && !adding && (
        <Text color="secondary">
          {t(
            'bizowner.policy.exceptions.none',
            'None recorded. Record one when a dependency’s incident or out-of-scope traffic should not freeze releases.'
          )}
        </Text>
      )}
      {open.map((exception) => (
        <ExceptionLine key={exception.id} exception={exception} now={now} onEnd={() => end(exception)} />
      ))}
      {ended.map((exception) => (
        <ExceptionLine key={exception.id} exception={exception} now={now} />
      ))}
    </Stack>
  );
}
