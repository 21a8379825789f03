import { SliKind } from '../model';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { at, Checker, Fields } from './checker';
import { checkQuery } from './queries';

const SLI_KINDS: readonly SliKind[] = ['ratio', 'latency', 'freeform', 'logRatio'];

function checkRatio(c: Checker, sli: Fields, path: string): void {
  const good = checkQuery(c, sli, 'good', path, 'series', false);
  const bad = checkQuery(c, sli, 'bad', path, 'series', false);
  checkQuery(c, sli, 'total', path, 'series');
  const count = [good, bad].filter((query) => query !== undefined && query.trim() !== '').length;
  if (count !== 1) {
    const why = count === 0 ? 'neither is set' : 'both are set';
    c.add(at(path, 'good'), `a ratio SLI needs exactly one of good or bad events, but ${why}`);
  }
}

function checkLatency(c: Checker, sli: Fields, path: string): void {
  checkQuery(c, sli, 'histogram', path, 'series');
  const threshold = c.number(sli, 'threshold', path, true);
  if (threshold !== undefined && threshold <= 0) {
    c.add(at(path, 'threshold'), `threshold must be a positive number of seconds, got ${threshold}`);
  }
  const buckets = c.list(sli, 'buckets', path);
  buckets.forEach((bucket, index) => {
    if (typeof bucket !== 'number') {
      c.add(at(at(path, 'buckets'), index), `buckets must be numbers (the histogram's le bounds in seconds)`);
    }
  });
  const bounds = buckets.filter((bucket): bucket is number => typeof bucket === 'number');
  if (threshold !== undefined && bounds.length > 0 && !bounds.some((bound) => Math.abs(bound - threshold) < 1e-9)) {
    c.add(
      at(path, 'threshold'),
      `threshold ${threshold} is not one of the histogram's le buckets (${bounds.join(', ')}): pick one of them`
    );
  }
}

function checkFreeform(c: Checker, sli: Fields, path: string): void {
  const expr = checkQuery(c, sli, 'errorRatio', path, 'promql');
  if (expr && expr.trim() !== '' && !expr.includes(WINDOW_PLACEHOLDER)) {
    c.add(
      at(path, 'errorRatio'),
      `errorRatio must use ${WINDOW_PLACEHOLDER} as the range so it can be computed for every window, e.g. rate(errors_total[${WINDOW_PLACEHOLDER}])`
    );
  }
}

/** Checks the `sli` of an SLO at `path` according to its kind. */
export function checkSli(c: Checker, slo: Fields, path: string): void {
  const sli = c.object(slo, 'sli', path, true);
  if (!sli) {
    return;
  }
  const where = at(path, 'sli');
  switch (c.oneOf(sli, 'kind', where, SLI_KINDS, true)) {
    case 'ratio':
      return checkRatio(c, sli, where);
    case 'latency':
      return checkLatency(c, sli, where);
    case 'freeform':
      return checkFreeform(c, sli, where);
    case 'logRatio':
      checkQuery(c, sli, 'bad', where, 'logQuery');
      checkQuery(c, sli, 'total', where, 'logQuery');
      return;
  }
}
