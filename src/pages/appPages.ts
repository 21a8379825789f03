import { SceneAppPage } from '@grafana/scenes';
import { appFallbackPage } from '../components/NotFound/notFoundPage';
import { getExecutivePage } from './Executive/executivePage';
import { getGovernancePage } from './Governance/governancePage';
import { getOnCallPage } from './OnCall/onCallPage';
import { getPeoplePage } from './People/peoplePage';
import { getReportsPage } from './Reports/reportsPage';
import { getServicesPage } from './Services/servicesPage';
import { getSlosPage } from './Slos/slosPage';

/**
 * The app's pages, in navigation order (as `plugin.json` lists them), then the standalone on-call
 * view, then the page for the app's root and every unknown address.
 */
export function getAppPages(): SceneAppPage[] {
  return [
    getServicesPage(),
    getPeoplePage(),
    getSlosPage(),
    getExecutivePage(),
    getGovernancePage(),
    getReportsPage(),
    getOnCallPage(),
    appFallbackPage(),
  ];
}
