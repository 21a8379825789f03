import React from 'react';
import { SceneComponentProps, SceneCSSGridLayout, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { Dashboard, dashboardDataSources } from '../domain/dashboards';
import { AppSettings } from '../domain/model';
import { buildGrid } from './buildGrid';
import { DataSourceAlert } from './DataSourceAlert';
import { DataSourceProblem, dataSourceProblems } from './dataSources';

interface DashboardBodyState extends SceneObjectState {
  dashboard: Dashboard;
  settings: AppSettings;
  problems: DataSourceProblem[];
  grid: SceneCSSGridLayout;
}

/** The panels of a dashboard model, and an alert for each data source they cannot read. */
export class DashboardBody extends SceneObjectBase<DashboardBodyState> {
  static Component = DashboardBodyRenderer;

  constructor(state: { dashboard: Dashboard; settings: AppSettings }) {
    super(DashboardBody.stateOf(state.dashboard, state.settings));
  }

  /** Shows another dashboard model, e.g. the executive dashboard of other filters. */
  setDashboard = (dashboard: Dashboard) => {
    this.setState(DashboardBody.stateOf(dashboard, this.state.settings));
  };

  private static stateOf(dashboard: Dashboard, settings: AppSettings): DashboardBodyState {
    const problems = dataSourceProblems(dashboardDataSources(dashboard), settings);
    const grid = buildGrid(dashboard, settings, new Set(problems.map((problem) => problem.source)));
    return { dashboard, settings, problems, grid };
  }
}

function DashboardBodyRenderer({ model }: SceneComponentProps<DashboardBody>) {
  const { problems, grid } = model.useState();
  const styles = useStyles2(getStyles);
  return (
    <div data-testid={testIds.dashboards.view} className={styles.body}>
      {problems.map((problem) => (
        <DataSourceAlert key={problem.source} problem={problem} />
      ))}
      <grid.Component model={grid} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), width: '100%' }),
});
