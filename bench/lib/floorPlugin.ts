/**
 * The floor under a first render from another page: an app plugin of this bench's own whose root
 * page is one table row and an empty combobox, rendered by the host's React, and no other code. It
 * has this app's `plugin.json` (same id and pages, so the host's home page links to it alike) and a
 * `module.js` of a few lines. Opened from the host's home page as the lists are, it times what any
 * app pays there: the host's navigation, loading a plugin's `module.js`, one React render of a page
 * and the frame after it. What a list takes beyond it is the app's own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the floor plugin into `dir`, with the `plugin.json` of `distDir`; its row has `rowText` in table `listId`. */
export function writeFloorPlugin(dir: string, distDir: string, listId: string, rowText: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plugin.json'), readFileSync(join(distDir, 'plugin.json')));
  const page = `function Page() {
    var h = React.createElement;
    return h('div', null,
      h('input', { role: 'combobox', 'aria-label': 'Filter', 'aria-expanded': false }),
      h('table', { 'data-testid': ${JSON.stringify(listId)} },
        h('tbody', null, h('tr', null, h('td', null, ${JSON.stringify(rowText)})))));
  }`;
  writeFileSync(
    join(dir, 'module.js'),
    `define(['react', '@grafana/data'], function (React, data) {
  ${page}
  return { plugin: new data.AppPlugin().setRootPage(Page) };
});
`
  );
}
