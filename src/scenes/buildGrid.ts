/**
 * A dashboard's rows and panels as a CSS grid of 24 columns, placed with the same positions as the
 * exported JSON (`layoutDashboard`), so the in-app view and the saved dashboard look alike.
 * Panels reading a data source that cannot be queried are left out (the page says why).
 */
import { SceneCSSGridItem, SceneCSSGridLayout, SceneObject, SceneReactObject } from '@grafana/scenes';
import { Dashboard, dashboardPanels, Panel, QueryDataSource } from '../domain/dashboards';
import { GRID_COLUMNS, GridPos, layoutDashboard } from '../domain/dashboards/layout';
import { AppSettings } from '../domain/model';
import { buildVizPanel } from './buildPanel';
import { RowTitle } from './RowTitle';

/** Height of one grid row in pixels, as in Grafana's dashboard grid. */
const ROW_HEIGHT = 30;

function item(pos: GridPos, body: SceneObject): SceneCSSGridItem {
  return new SceneCSSGridItem({
    gridColumn: `${pos.x + 1} / span ${pos.w}`,
    gridRow: `${pos.y + 1} / span ${pos.h}`,
    body,
  });
}

/**
 * The grid of `dashboard`, without the panels that read one of the `unavailable` data sources (the
 * rest move up, so a missing data source leaves no hole).
 */
export function buildGrid(
  dashboard: Dashboard,
  settings: AppSettings,
  unavailable: Set<QueryDataSource>
): SceneCSSGridLayout {
  const usable = (panel: Panel) => !panel.queries.some((query) => unavailable.has(query.datasource));
  const shown: Dashboard = {
    ...dashboard,
    rows: dashboard.rows
      .map((row) => ({ ...row, panels: row.panels.filter(usable) }))
      .filter((row) => row.panels.length > 0),
  };
  const byId = new Map(dashboardPanels(shown).map((panel) => [panel.id, panel]));
  const children = layoutDashboard(shown).flatMap((row) => [
    item(row.header, new SceneReactObject({ component: RowTitle, props: { title: row.title } })),
    ...[...row.panels].map(([id, pos]) => item(pos, buildVizPanel(byId.get(id)!, settings))),
  ]);
  return new SceneCSSGridLayout({
    templateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
    autoRows: `${ROW_HEIGHT}px`,
    rowGap: 1,
    columnGap: 1,
    isLazy: false,
    children,
  });
}
