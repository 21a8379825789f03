/**
 * The executive scene: the executive dashboard with filters by business owner, team and tier.
 * The filters are scenes variables (URL-synced as `var-owner`, `var-team`, `var-tier`); changing
 * one rebuilds the dashboard model for the services that pass, so every query names exactly them.
 */
import {
  CustomVariable,
  EmbeddedScene,
  sceneGraph,
  SceneObject,
  SceneVariableValueChangedEvent,
} from '@grafana/scenes';
import { t } from '@grafana/i18n';
import { buildExecutiveDashboard, ExecutiveFilters, filterOptions, VariableOption } from '../domain/dashboards';
import { RegistryDocument, Tier } from '../domain/model';
import { buildDashboardScene } from './dashboardScene';

const FILTERS = ['owner', 'team', 'tier'] as const;

function filterVariable(name: string, label: string, options: VariableOption[], selected: string[] = []) {
  const value = selected.length > 0 ? selected : ['$__all'];
  return new CustomVariable({
    name,
    label,
    query: options.map((option) => `${option.text.replace(/[,:]/g, ' ')} : ${option.value}`).join(','),
    isMulti: true,
    includeAll: true,
    value,
    text: value,
  });
}

/** The values chosen in a filter variable; none when "All" is chosen. */
function chosen(scene: SceneObject, name: string): string[] | undefined {
  const variable = sceneGraph.lookupVariable(name, scene);
  if (!(variable instanceof CustomVariable) || variable.hasAllValue()) {
    return undefined;
  }
  const value = variable.state.value;
  const values = (Array.isArray(value) ? value : [value]).map(String).filter((item) => item !== '');
  return values.length > 0 ? values : undefined;
}

/** The filters chosen in the scene's variables. */
export function filtersOf(scene: SceneObject): ExecutiveFilters {
  return {
    owners: chosen(scene, FILTERS[0]),
    teams: chosen(scene, FILTERS[1]),
    tiers: chosen(scene, FILTERS[2])?.map((tier) => Number(tier) as Tier),
  };
}

/** The executive scene of `doc`, starting with `filters` (the URL's variables win when present). */
export function getExecutiveScene(doc: RegistryDocument, filters: ExecutiveFilters = {}): EmbeddedScene {
  const options = filterOptions(doc);
  const variables = [
    filterVariable('owner', t('bizowner.executive.filter.owner', 'Business owner'), options.owners, filters.owners),
    filterVariable('team', t('bizowner.executive.filter.team', 'Team'), options.teams, filters.teams),
    filterVariable('tier', t('bizowner.executive.filter.tier', 'Tier'), options.tiers, filters.tiers?.map(String)),
  ];
  const parts = buildDashboardScene(buildExecutiveDashboard(doc, filters), doc.settings, {
    variables,
    behaviors: [
      (scene) => {
        const rebuild = () => {
          const dashboard = buildExecutiveDashboard(doc, filtersOf(scene));
          if (dashboard.uid !== parts.body.state.dashboard.uid) {
            parts.body.setDashboard(dashboard);
            parts.actions.setState({ dashboard });
          }
        };
        rebuild();
        const subscription = scene.subscribeToEvent(SceneVariableValueChangedEvent, rebuild);
        return () => subscription.unsubscribe();
      },
    ],
  });
  return parts.scene;
}
