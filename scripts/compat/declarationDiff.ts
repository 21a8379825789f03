/**
 * Grafana 13's declaration files write `import { type ComponentType }` where 12.4's wrote
 * `import { ComponentType }`. Levitate compares the text of the declarations a parameter's type
 * refers to, so every export that mentions such a type shows up as changed, with a diff of
 * `-ComponentType` / `+type ComponentType`. A diff whose lines read the same once that modifier is
 * dropped changes nothing a plugin can notice.
 */
const ANSI = /\u001b\[[0-9;]*m/g;

const withoutTypeModifier = (text: string) => text.replace(/\btype\s+(?=[A-Za-z_$])/g, '').trim();

/** Whether levitate's diff of one export differs only by `type` modifiers on imports. */
export function onlyTypeModifiers(diff: string): boolean {
  const removed: string[] = [];
  const added: string[] = [];
  for (const line of diff.replace(ANSI, '').split('\n')) {
    if (line.startsWith('+ Added')) {
      continue; // the legend
    }
    if (line.startsWith('-')) {
      removed.push(withoutTypeModifier(line.slice(1)));
    } else if (line.startsWith('+')) {
      added.push(withoutTypeModifier(line.slice(1)));
    }
  }
  return removed.length + added.length > 0 && removed.sort().join('\n') === added.sort().join('\n');
}

/** Levitate's diff of one export on one line, for the report. */
export function diffSummary(diff: string): string {
  const lines = diff
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => /^[-+]/.test(line) && !line.startsWith('+ Added'));
  return lines.length > 0 ? lines.join(' ') : 'its declaration changed (levitate shows no diff)';
}
