/**
 * The SLO the editor starts from (new, copy or stored) and the registry edits it saves. Pure, so
 * that a refused save leaves the registry untouched.
 */
import { t } from '@grafana/i18n';
import { RegistryDocument, Slo } from '../../../domain/model';
import { Problem } from '../../../domain/problems';
import { groupByProblems } from '../../../domain/validation/groupBy';
import { validateSlo } from '../../../domain/validation/slo';

/** A new SLO with the app's default window and alert preset: a ratio SLI still to be written. */
export function newSlo(doc: RegistryDocument, serviceId = doc.services[0]?.id ?? ''): Slo {
  return {
    id: '',
    serviceId,
    name: '',
    sli: { kind: 'ratio', bad: '', total: '' },
    objective: 99.9,
    window: doc.settings.defaultWindow,
    alerting: { enabled: true, preset: doc.settings.defaultAlertPreset },
    budgetPolicy: { enabled: false, escalateToBusinessOwner: true },
    labels: {},
  };
}

/** A copy of `slo` under the first free id `<id>-copy`, `<id>-copy-2`, … */
export function copyOfSlo(slo: Slo, doc: RegistryDocument): Slo {
  const taken = new Set(doc.slos.map((item) => item.id));
  let id = `${slo.id}-copy`;
  for (let n = 2; taken.has(id); n++) {
    id = `${slo.id}-copy-${n}`;
  }
  // SLOs are plain data (they are stored as JSON), so a JSON round trip is a deep copy.
  return { ...(JSON.parse(JSON.stringify(slo)) as Slo), id, name: `${slo.name} (copy)` };
}

/** A slug from a name, for the id of a new SLO: "Checkout availability" → `checkout-availability`. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * The number typed in a field: a finite number, `undefined` when blank, and otherwise the text as
 * typed, so that the validator names it ("objective must be a number, got \"9x\"").
 */
export function numberFromText(text: string): number | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : (text as unknown as number);
}

/**
 * Drops empty optional text fields, an empty `bad`/`good` of a ratio SLI and an empty `groupBy`, as
 * stored SLOs omit them.
 */
export function cleanSlo(slo: Slo): Slo {
  const sli = { ...slo.sli };
  if (sli.kind === 'ratio') {
    if (!sli.good?.trim()) {
      delete sli.good;
    }
    if (!sli.bad?.trim()) {
      delete sli.bad;
    }
  }
  const alerting = { ...slo.alerting };
  if (!alerting.runbookUrl?.trim()) {
    delete alerting.runbookUrl;
  }
  const cleaned: Slo = { ...slo, id: slo.id.trim(), name: slo.name.trim(), sli, alerting };
  if (!cleaned.description?.trim()) {
    delete cleaned.description;
  }
  if (cleaned.groupBy?.length === 0) {
    delete cleaned.groupBy;
  }
  return cleaned;
}

/** The SLO's own problems (paths relative to it), plus an id another SLO already uses. */
export function sloProblems(slo: Slo, doc: RegistryDocument, originalId?: string): Problem[] {
  const cleaned = cleanSlo(slo);
  const problems = [...validateSlo(cleaned, doc), ...groupByProblems(cleaned)];
  const taken = cleaned.id !== originalId && doc.slos.some((item) => item.id === cleaned.id);
  const message = t('bizowner.sloEditor.idTaken', 'Another SLO already uses this id; pick another one.');
  return taken ? [...problems, { path: 'id', message }] : problems;
}

/** Puts `slo` into `doc`, replacing the SLO stored as `originalId` or appending a new one. */
export function putSlo(doc: RegistryDocument, slo: Slo, originalId?: string): RegistryDocument {
  const cleaned = cleanSlo(slo);
  const index = originalId === undefined ? -1 : doc.slos.findIndex((item) => item.id === originalId);
  const slos = index < 0 ? [...doc.slos, cleaned] : doc.slos.map((item, i) => (i === index ? cleaned : item));
  return { ...doc, slos };
}

/** The registry without the SLO `sloId`. */
export function removeSlo(doc: RegistryDocument, sloId: string): RegistryDocument {
  return { ...doc, slos: doc.slos.filter((slo) => slo.id !== sloId) };
}
