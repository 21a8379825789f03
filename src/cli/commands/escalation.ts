import { notificationApi } from '../../api/alerting/notificationProvisioning';
import { EscalationResult, PolicyStep, previewEscalation, pushEscalation } from '../../api/alerting/pushEscalation';
import { buildEscalationPlan, buildGrafanaEscalation, renderAlertmanagerConfig } from '../../domain/escalation';
import { optionValue, ParsedArgs, usageError } from '../args';
import { Command } from '../command';
import { formatEscalationStep, policyWarning } from '../escalationReport';
import { alertingHint, alertingTransport } from '../grafanaAlerting';
import { AUTH_HELP, GRAFANA_OPTION, grafanaTarget, GrafanaTarget, TOKEN_ENV } from '../grafanaTarget';
import { CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io';
import { loadRegistry, plural, printProblems, writeOutput } from '../shared';

/** `host:port`, as Alertmanager's `smtp_smarthost` takes it. */
const HOST_PORT = /^[^\s:]+:\d{1,5}$/;

export const escalationCommand: Command = {
  spec: {
    name: 'escalation',
    summary: 'Who gets the SLO alerts: an Alertmanager config, or Grafana contact points and policies.',
    usage:
      'FILE [--alertmanager OUT] [--smtp-smarthost HOST:PORT] [--smtp-from ADDRESS] [--grafana URL (--dry-run | --push) [--locked]]',
    description: [
      'Validates the registry FILE, then works out who receives the alerts of the generated rules:',
      "a service's page alerts (sloth_severity=page) go to its on-call team, its ticket alerts to the",
      "team's ticket receiver, and alerts that escalate to the business owner (the release-freeze alert",
      'of a budget policy with escalateToBusinessOwner) to that owner. Receivers email the addresses of',
      "the people's records: the people in the service's escalation chain, then the people of the",
      'on-call team. Chat integrations are left to an admin. What the registry lacks (a service without',
      'an on-call team or business owner) is printed as a warning naming the field to fill, and those',
      'alerts fall back to the receiver slo-default.',
      '',
      'Without --alertmanager or --grafana, the Prometheus Alertmanager configuration (route, receivers',
      'and inhibit_rules: a page alert mutes the ticket alerts of the same SLO) is printed; with',
      '--alertmanager it is written to OUT. Check it with `amtool check-config OUT`. The mail relay',
      'under global is a placeholder unless --smtp-smarthost and --smtp-from are given.',
      '',
      'With --grafana, the same routing goes to Grafana-managed alerting through the provisioning API:',
      'an email contact point per receiver (uids bo-notify-…) and one notification policy that matches',
      'every SLO alert (sloth_id=~".+") with a policy per service under it. Grafana replaces the whole',
      "policy tree on a write, so the tree is read, only the app's policy is put in (first, when it is",
      'new) and every other policy is written back as it was. --dry-run prints what would change and',
      'writes nothing; --push writes it. Contact points and the tree stay editable in the alerting UI,',
      'so an admin can add chat integrations, unless --locked marks them as provisioned; what is',
      'provisioned already stays so (Grafana refuses to unlock it).',
      '',
      AUTH_HELP,
      'Pushing needs alert.notifications.provisioning:write or alert.provisioning:write (org Admins).',
      '',
      `Example: bizowner escalation registry.yaml --alertmanager alertmanager.yaml`,
      `Example: ${TOKEN_ENV}=glsa_… bizowner escalation registry.yaml --grafana http://localhost:3000 --dry-run`,
      '',
      'Exit code 0 when generated or pushed, 1 for an invalid registry or a step Grafana refused, 2 for',
      'usage errors and when Grafana cannot be reached.',
    ].join('\n'),
    options: [
      { name: 'alertmanager', value: 'OUT', description: 'Write the Alertmanager configuration to OUT.' },
      { name: 'smtp-smarthost', value: 'HOST:PORT', description: 'Mail relay of the Alertmanager configuration.' },
      { name: 'smtp-from', value: 'ADDRESS', description: 'Sender address of the Alertmanager emails.' },
      { ...GRAFANA_OPTION, description: 'Base URL of Grafana for --dry-run or --push, e.g. http://localhost:3000.' },
      { name: 'dry-run', description: 'With --grafana: print what would change in Grafana and write nothing.' },
      { name: 'push', description: 'With --grafana: write the contact points and the notification policy.' },
      { name: 'locked', description: 'With --push: mark what is written as provisioned (locked in the UI).' },
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const out = optionValue(args, 'alertmanager');
    const smtpSmarthost = optionValue(args, 'smtp-smarthost');
    const smtpFrom = optionValue(args, 'smtp-from');
    const mode = grafanaMode(args.options);
    if (smtpSmarthost !== undefined && !HOST_PORT.test(smtpSmarthost)) {
      throw usageError(`--smtp-smarthost must be HOST:PORT, e.g. smtp.example.com:587, got "${smtpSmarthost}"`);
    }
    const target = mode ? grafanaTarget(args, escalationCommand.spec, io) : undefined;
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    const plan = buildEscalationPlan(doc);
    printProblems(
      io,
      plan.findings.map((finding) => ({ ...finding, file }))
    );
    const yaml = renderAlertmanagerConfig(plan, { smtpSmarthost, smtpFrom });
    if (out !== undefined) {
      await writeOutput(io, out, yaml);
      const services = plan.route.routes.length;
      io.stdout(`wrote ${out} (${plural(plan.receivers.length, 'receiver')}, ${plural(services, 'service')})\n`);
    } else if (!target) {
      io.stdout(yaml);
    }
    return target && mode
      ? toGrafana(io, target, buildGrafanaEscalation(plan), mode, args.options.locked !== true)
      : EXIT_OK;
  },
};

type GrafanaMode = 'dry-run' | 'push';

function grafanaMode(options: ParsedArgs['options']): GrafanaMode | undefined {
  const dryRun = options['dry-run'] === true;
  const push = options.push === true;
  const grafana = typeof options.grafana === 'string';
  if (dryRun && push) {
    throw usageError('--dry-run and --push exclude each other: preview first, then push');
  }
  if ((dryRun || push) && !grafana) {
    throw usageError(`--${dryRun ? 'dry-run' : 'push'} needs --grafana URL, the Grafana to compare with`);
  }
  if (grafana && !dryRun && !push) {
    throw usageError('--grafana needs --dry-run (print what would change) or --push (write it)');
  }
  if (options.locked === true && !push) {
    throw usageError('--locked only applies to --push');
  }
  return grafana ? (dryRun ? 'dry-run' : 'push') : undefined;
}

async function toGrafana(
  io: CliIo,
  target: GrafanaTarget,
  wanted: ReturnType<typeof buildGrafanaEscalation>,
  mode: GrafanaMode,
  editable: boolean
): Promise<number> {
  const api = notificationApi(alertingTransport(io, target));
  const result: EscalationResult =
    mode === 'dry-run' ? await previewEscalation(api, wanted) : await pushEscalation(api, wanted, { editable });
  if (!result.ok) {
    const hint = alertingHint(target, result.status);
    const where = result.what === 'policies' ? 'the notification policies' : 'the contact points';
    io.stderr(`${target.url}: cannot read ${where}: ${result.message}${hint ? ` (${hint})` : ''}\n`);
    return result.status === undefined || result.status === 401 ? EXIT_USAGE : EXIT_INVALID;
  }
  const heading = mode === 'dry-run' ? `what a push would change in ${target.url}:` : `pushed to ${target.url}:`;
  io.stdout(`${heading}\n`);
  result.steps.forEach((step) => io.stdout(`  ${formatEscalationStep(step)}\n`));
  const warning = policyWarning(result.steps.find((step): step is PolicyStep => step.kind === 'policy'));
  if (mode === 'dry-run') {
    if (warning) {
      io.stderr(`warning: ${warning}\n`);
    }
    io.stdout(`dry run: nothing was written to ${target.url}\n`);
    return EXIT_OK;
  }
  const failed = result.steps.filter((step) => step.outcome === 'failed');
  for (const step of failed) {
    const hint = step.status === undefined ? undefined : alertingHint(target, step.status);
    if (hint) {
      io.stderr(`${target.url}: ${step.kind === 'policy' ? 'notification policies' : step.name}: ${hint}\n`);
    }
  }
  return failed.length > 0 ? EXIT_INVALID : EXIT_OK;
}
