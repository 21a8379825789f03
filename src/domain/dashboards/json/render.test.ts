/**
 * The Grafana dashboard JSON renderer. Golden files hold the JSON of the demo registry's
 * dashboards, compared as parsed JSON so that reformatting them (Prettier) does not matter; after
 * an intended change, regenerate them on purpose and review the diff:
 *   UPDATE_GOLDEN=1 npx jest src/domain/dashboards/json
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildCostDashboard, buildDebugDashboard, buildExecutiveDashboard, buildOnCallDashboard } from '../index';
import { dashboardPanels } from '../queries';
import { demoRegistry } from '../testing/fixtures';
import { Dashboard } from '../types';
import { dashboardJsonText, renderDashboardJson, saveDashboardRequest } from './render';

const demo = demoRegistry();
const GOLDEN = join(__dirname, '__golden__');

type Json = Record<string, any>;

const dashboards: Array<[string, Dashboard]> = [
  ['executive', buildExecutiveDashboard(demo)],
  ['oncall-checkout', buildOnCallDashboard(demo, 'checkout')],
  ['debug-search', buildDebugDashboard(demo, 'search')],
  ['cost-search', buildCostDashboard(demo, 'search')],
];

test.each(dashboards)('%s matches its golden file', (name, dashboard) => {
  const path = join(GOLDEN, `${name}.json`);
  const text = dashboardJsonText(dashboard, demo.settings);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, text);
  }
  expect(existsSync(path)).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
});

test.each(dashboards)('%s shows the same panels and queries as the model', (_name, dashboard) => {
  const json = renderDashboardJson(dashboard, demo.settings);
  const panels = (json.panels as Json[]).filter((panel) => panel.type !== 'row');
  const model = dashboardPanels(dashboard);
  expect(panels.map((panel) => [panel.id, panel.type, panel.title])).toEqual(
    model.map((item) => [item.id, item.kind, item.title])
  );
  expect(
    panels.map((panel) => (panel.targets ?? []).map((target: Json) => [target.refId, target.expr ?? target.rawSql]))
  ).toEqual(model.map((item) => item.queries.map((query) => [query.refId, query.expr])));
  expect(panels.map((panel) => panel.interval)).toEqual(model.map((item) => item.minInterval));
  expect(panels.map((panel) => panel.links.map((link: Json) => link.url))).toEqual(
    model.map((item) => item.links.map((link) => link.url))
  );
});

test('panels sit in a 24-column grid without overlapping', () => {
  for (const [, dashboard] of dashboards) {
    const boxes = (renderDashboardJson(dashboard, demo.settings).panels as Json[]).map((panel) => panel.gridPos);
    for (const [i, a] of boxes.entries()) {
      expect(a.x + a.w).toBeLessThanOrEqual(24);
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
  }
});

test('an unconfigured data source becomes a data source variable that the targets use', () => {
  const settings = { ...demo.settings, loki: undefined };
  const json = renderDashboardJson(buildDebugDashboard(demo, 'search'), settings);
  expect((json.templating as Json).list[0]).toMatchObject({ type: 'datasource', name: 'ds_loki', query: 'loki' });
  const logs = (json.panels as Json[]).find((panel) => panel.type === 'logs');
  expect(logs?.targets[0].datasource).toEqual({ type: 'loki', uid: '${ds_loki}' });
});

test('tables merge their instant queries and name the columns', () => {
  const json = renderDashboardJson(buildExecutiveDashboard(demo), demo.settings);
  const table = (json.panels as Json[]).find((panel) => panel.type === 'table' && panel.title === 'SLO compliance');
  expect(table?.transformations.map((step: Json) => step.id)).toEqual(['merge', 'organize']);
  expect(table?.transformations[1].options.renameByName).toMatchObject({
    sloth_service: 'Service',
    'Value #A': 'Objective',
    'Value #E': 'Status',
  });
  const links = table?.fieldConfig.defaults.links ?? [];
  expect(links[0]).toEqual({
    title: 'Open service',
    url: '/a/bizowner-slo-app/services/${__data.fields.sloth_service}?${__url_time_range}',
    targetBlank: false,
  });
  expect(links.at(-1)).toEqual({
    title: 'Open SLO',
    url: '/a/bizowner-slo-app/slos/${__data.fields.sloth_id}?${__url_time_range}',
    targetBlank: false,
  });
});

test('the save request overwrites the dashboard with the same uid in the chosen folder', () => {
  const request = saveDashboardRequest(buildOnCallDashboard(demo, 'checkout'), demo.settings, 'folder-1');
  expect(request).toMatchObject({ folderUid: 'folder-1', overwrite: true });
  expect(request.dashboard).toMatchObject({ uid: 'bo-oncall-checkout', id: null, schemaVersion: 39 });
});
