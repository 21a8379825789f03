/**
 * A dashboard's rows and panels as a CSS grid of 24 columns, placed with the same positions as the
 * exported JSON (`layoutDashboard`), so the in-app view and the saved dashboard look alike.
 * Panels reading a data source that cannot be queried are left out (the page says why).
 */
import { SceneCSSGridItem, SceneCSSGridLayout, SceneObject, SceneReactObject } from '@grafana/scenes';
import { Dashboard, dashboardPanels, QueryDataSource } from '../domain/dashboards';
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

/** The grid of `dashboard`, without the panels that read one of the `unavailable` data sources. */
export function buildGrid(
  dashboard: Dashboard,
  settings: AppSettings,
  unavailable: Set<QueryDataSource>
): SceneCSSGridLayout {
  const byId = new Map(dashboardPanels(dashboard).map((panel) => [panel.id, panel]));
  const children = layoutDashboard(dashboard).flatMap((row) => {
    const panels = [...row.panels]
      .map(([id, pos]) => ({ panel: byId.get(id)!, pos }))
      .filter(({ panel }) => !panel.queries.some((query) => unavailable.has(query.datasource)));
    if (panels.length === 0) {
      return [];
    }
    return [
      item(row.header, new SceneReactObject({ component: RowTitle, props: { title: row.title } })),
      ...panels.map(({ panel, pos }) => item(pos, buildVizPanel(panel, settings))),
    ];
  });
  return new SceneCSSGridLayout({
    templateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
    autoRows: `${ROW_HEIGHT}px`,
    rowGap: 1,
    columnGap: 1,
    isLazy: false,
    children,
  });
}
