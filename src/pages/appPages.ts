import { SceneAppPage } from '@grafana/scenes';
import { getGovernancePage } from './Governance/governancePage';
import { getPeoplePage } from './People/peoplePage';
import { getServicesPage } from './Services/servicesPage';
import { getExecutivePlaceholderPage } from './placeholderPages';
import { getSlosPage } from './Slos/slosPage';

/** The app's pages, in navigation order (as `plugin.json` lists them). */
export function getAppPages(): SceneAppPage[] {
  return [
    getServicesPage(),
    getPeoplePage(),
    getSlosPage(),
    getExecutivePlaceholderPage(),
    getGovernancePage(),
  ];
}
