import React, { ReactNode, useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Column, InteractiveTable, Modal, Stack, Text } from '@grafana/ui';
import { downloadText } from '../../../components/AppConfig/downloadText';
import { testIds } from '../../../components/testIds';
import { buildEscalationPlan, Receiver } from '../../../domain/escalation';
import { RegistryDocument } from '../../../domain/model';
import { alertmanagerDownload } from '../ruleFiles';
import { EscalationPush } from './EscalationPush';

type Cell = { row: { original: Receiver } };

function purpose(receiver: Receiver): string {
  switch (receiver.kind) {
    case 'page':
      return t('bizowner.escalation.for.page', 'Pages of on-call team {{team}}', { team: receiver.subject });
    case 'ticket':
      return t('bizowner.escalation.for.ticket', 'Tickets of on-call team {{team}}', { team: receiver.subject });
    case 'owner':
      return t('bizowner.escalation.for.owner', 'Business owner {{person}}: release freezes', {
        person: receiver.subject,
      });
    default:
      return t('bizowner.escalation.for.default', 'Fallback, no integration: alerts nobody is named for');
  }
}

function Receivers({ receivers }: { receivers: Receiver[] }) {
  const columns: Array<Column<Receiver>> = [
    {
      id: 'name',
      header: t('bizowner.escalation.col.receiver', 'Receiver'),
      cell: ({ row }: Cell) => row.original.name,
    },
    { id: 'for', header: t('bizowner.escalation.col.for', 'For'), cell: ({ row }: Cell) => purpose(row.original) },
    {
      id: 'emails',
      header: t('bizowner.escalation.col.emails', 'Email'),
      cell: ({ row }: Cell) => row.original.emails.join(', '),
    },
  ];
  return (
    <div data-testid={testIds.escalation.receivers}>
      <InteractiveTable columns={columns} data={receivers} getRowId={(receiver: Receiver) => receiver.name} />
    </div>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack direction="column" gap={1}>
      <Text element="h4">{title}</Text>
      <Text color="secondary">{description}</Text>
      {children}
    </Stack>
  );
}

/**
 * Who receives the SLO alerts, worked out from the registry: the receivers, what the registry lacks,
 * the Alertmanager configuration to download and the push to Grafana-managed alerting.
 */
export function EscalationModal({ doc, onDismiss }: { doc: RegistryDocument; onDismiss(): void }) {
  const plan = useMemo(() => buildEscalationPlan(doc), [doc]);
  const download = () => {
    const file = alertmanagerDownload(doc);
    downloadText(file.fileName, file.text);
  };
  return (
    <Modal title={t('bizowner.escalation.title', 'Escalation: who gets the SLO alerts')} isOpen onDismiss={onDismiss}>
      <Stack direction="column" gap={2}>
        <Text>
          {t(
            'bizowner.escalation.intro',
            "A service's page alerts go to its on-call team, its ticket alerts to the team's ticket receiver, and release-freeze alerts of budget policies that escalate go to its business owner. Receivers email the people of the escalation chain and of the team, from their records; chat integrations are left to an admin."
          )}
        </Text>
        {plan.findings.length > 0 && (
          <Alert
            severity="warning"
            title={t(
              'bizowner.escalation.findings',
              'What the registry lacks for every alert to reach someone ({{count}})',
              {
                count: plan.findings.length,
              }
            )}
            data-testid={testIds.escalation.findings}
          >
            <ul>
              {plan.findings.map((finding) => (
                <li key={finding.path}>
                  <code>{finding.path}</code>: {finding.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <Receivers receivers={plan.receivers} />
        <Section
          title={t('bizowner.escalation.alertmanager.title', "Prometheus' Alertmanager")}
          description={t(
            'bizowner.escalation.alertmanager.body',
            'route, receivers and inhibit_rules (a page mutes the ticket alerts of the same SLO). Fill in the mail relay under global, then check the file with amtool check-config alertmanager.yaml.'
          )}
        >
          <div>
            <Button
              variant="secondary"
              icon="download-alt"
              onClick={download}
              data-testid={testIds.escalation.download}
            >
              {t('bizowner.escalation.download', 'Download alertmanager.yaml')}
            </Button>
          </div>
        </Section>
        <Section
          title={t('bizowner.escalation.grafana.title', 'Grafana alerting')}
          description={t(
            'bizowner.escalation.grafana.body',
            'An email contact point per receiver and one notification policy for every SLO alert, with a policy per service under it. The other policies of the tree are kept as they are.'
          )}
        >
          <EscalationPush plan={plan} />
        </Section>
        <Modal.ButtonRow>
          <Button variant="secondary" onClick={onDismiss}>
            {t('bizowner.escalation.close', 'Close')}
          </Button>
        </Modal.ButtonRow>
      </Stack>
    </Modal>
  );
}
