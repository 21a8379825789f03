import { SceneAppPage } from '@grafana/scenes';
import { getOnCallPage } from '../scenes/onCallPage';
import { getExecutivePage } from './Executive/executivePage';
import { getGovernancePage } from './Governance/governancePage';
import { getPeoplePage } from './People/peoplePage';
import { getServicesPage } from './Services/servicesPage';
import { getSlosPage } from './Slos/slosPage';

/** The app's pages, in navigation order (as `plugin.json` lists them), then the standalone on-call view. */
export function getAppPages(): SceneAppPage[] {
  return [getServicesPage(), getPeoplePage(), getSlosPage(), getExecutivePage(), getGovernancePage(), getOnCallPage()];
}
