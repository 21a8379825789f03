/**
 * Grafana's legacy search (`GET /api/search`, pkg/api/search.go and the SQL search store) over the
 * sandbox store. Every role sees every folder and dashboard, as with the default permissions.
 */
import { ApiAnswer } from '../http';
import {
  compareTitles,
  DashboardRecord,
  dashboardUrl,
  FolderRecord,
  folderUrl,
  slugOf,
  tagsOf,
  titleOf,
} from './model';
import { GrafanaStore } from './store';

interface Hit {
  id: number;
  uid: string;
  orgId: number;
  title: string;
  uri: string;
  url: string;
  slug: string;
  type: 'dash-folder' | 'dash-db';
  tags: string[];
  isStarred: boolean;
  sortMeta: number;
  isDeleted: boolean;
  folderId?: number;
  folderUid?: string;
  folderTitle?: string;
  folderUrl?: string;
}

function folderHit(folder: FolderRecord): Hit {
  const slug = slugOf(folder.title);
  return {
    id: folder.id,
    uid: folder.uid,
    orgId: 1,
    title: folder.title,
    uri: `db/${slug}`,
    url: folderUrl(folder),
    slug,
    type: 'dash-folder',
    tags: [],
    isStarred: false,
    sortMeta: 0,
    isDeleted: false,
  };
}

function dashboardHit(dashboard: DashboardRecord, folder: FolderRecord | undefined): Hit {
  const title = titleOf(dashboard.data);
  const slug = slugOf(title);
  return {
    id: dashboard.id,
    uid: dashboard.uid,
    orgId: 1,
    title,
    uri: `db/${slug}`,
    url: dashboardUrl(dashboard.uid, title),
    slug,
    type: 'dash-db',
    tags: tagsOf(dashboard.data),
    isStarred: false,
    sortMeta: 0,
    isDeleted: false,
    ...(folder
      ? { folderId: folder.id, folderUid: folder.uid, folderTitle: folder.title, folderUrl: folderUrl(folder) }
      : {}),
  };
}

/** Go's `c.QueryInt64`: anything that is not an integer reads as 0. */
function queryInt(params: URLSearchParams, name: string): number {
  const value = Number(params.get(name) ?? '');
  return Number.isInteger(value) ? value : 0;
}

/**
 * Filters: `type` (`dash-folder` or `dash-db`), every `tag` present, `query` contained in the
 * title (case-insensitive), `dashboardUIDs`, `folderUIDs` (`general` or empty for the root),
 * `starred`. Repeated parameters are lists; Grafana's `QueryStrings` does not split on commas.
 * `limit` defaults to 1000, a limit above 5000 is refused with 422, `page` counts from 1. Hits are
 * folders first, then by title.
 */
export function search(store: GrafanaStore, params: URLSearchParams): ApiAnswer {
  const limit = queryInt(params, 'limit');
  if (limit > 5000) {
    return {
      status: 422,
      body: { message: 'Limit is above maximum allowed (5000), use page parameter to access hits beyond limit' },
    };
  }
  const pageSize = limit > 0 ? limit : 1000;
  const page = Math.max(1, queryInt(params, 'page'));
  if (params.get('starred') === 'true') {
    // No one has starred anything in the sandbox.
    return { status: 200, body: [] };
  }
  const type = params.get('type');
  const tags = params.getAll('tag');
  const query = (params.get('query') ?? '').toLowerCase();
  const uids =
    params.getAll('dashboardUIDs').length > 0 ? params.getAll('dashboardUIDs') : params.getAll('dashboardUID');
  const folderUids = params.getAll('folderUIDs').map((uid) => (uid === 'general' ? '' : uid));
  const matches = (uid: string, title: string, itemTags: string[], parentUid: string) =>
    tags.every((tag) => itemTags.includes(tag)) &&
    title.toLowerCase().includes(query) &&
    (uids.length === 0 || uids.includes(uid)) &&
    (folderUids.length === 0 || folderUids.includes(parentUid));

  const hits: Hit[] = [];
  if (type !== 'dash-db') {
    for (const folder of store.state.folders.values()) {
      // Folders have no tags and sit at the root: the sandbox does not nest folders.
      if (matches(folder.uid, folder.title, [], '')) {
        hits.push(folderHit(folder));
      }
    }
  }
  if (type !== 'dash-folder') {
    for (const dashboard of store.state.dashboards.values()) {
      if (matches(dashboard.uid, titleOf(dashboard.data), tagsOf(dashboard.data), dashboard.folderUid)) {
        hits.push(dashboardHit(dashboard, store.state.folders.get(dashboard.folderUid)));
      }
    }
  }
  hits.sort((a, b) => (a.type === b.type ? compareTitles(a.title, b.title) : a.type === 'dash-folder' ? -1 : 1));
  return { status: 200, body: hits.slice((page - 1) * pageSize, page * pageSize) };
}
