/**
 * Grafana's dashboard save and search endpoints as the sandbox stands in for them, in memory:
 *
 * - `POST /api/dashboards/db` with `{ dashboard, folderUid?, overwrite?, message? }` saves under
 *   `dashboard.uid` (a new uid when absent), refuses a uid that exists unless `overwrite` is set
 *   (412, `version-mismatch`), needs `dashboards:write`, and answers `{ id, uid, url, status, version, slug }`;
 * - `GET /api/search` with `type`, repeated `tag` (every tag must be present), `query` (title
 *   contains, case-insensitive), `dashboardUIDs` and `limit` answers hits
 *   `{ id, uid, title, uri, url, slug, type, tags, isStarred, folderUid? }` sorted by title.
 */
import { randomBytes } from 'node:crypto';

export interface StoredDashboard {
  id: number;
  uid: string;
  title: string;
  tags: string[];
  folderUid?: string;
  version: number;
  json: Record<string, unknown>;
}

export interface DashboardAnswer {
  status: number;
  body: unknown;
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'dashboard'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class DashboardStore {
  private readonly byUid = new Map<string, StoredDashboard>();
  private nextId = 1;

  save(command: unknown): DashboardAnswer {
    if (!isRecord(command) || !isRecord(command.dashboard)) {
      return { status: 400, body: { message: 'bad request data: dashboard is required' } };
    }
    const json = command.dashboard;
    const title = typeof json.title === 'string' ? json.title.trim() : '';
    if (title === '') {
      return { status: 400, body: { message: 'Dashboard title cannot be empty', status: 'empty-name' } };
    }
    const uid = typeof json.uid === 'string' && json.uid !== '' ? json.uid : randomBytes(7).toString('hex');
    const previous = this.byUid.get(uid);
    if (previous && command.overwrite !== true) {
      return {
        status: 412,
        body: { message: 'A dashboard with the same uid already exists', status: 'version-mismatch' },
      };
    }
    const tags = Array.isArray(json.tags) ? json.tags.filter((tag): tag is string => typeof tag === 'string') : [];
    const stored: StoredDashboard = {
      id: previous?.id ?? this.nextId++,
      uid,
      title,
      tags,
      folderUid: typeof command.folderUid === 'string' && command.folderUid !== '' ? command.folderUid : undefined,
      version: (previous?.version ?? 0) + 1,
      json: { ...json, uid },
    };
    this.byUid.set(uid, stored);
    const slug = slugOf(title);
    return {
      status: 200,
      body: { id: stored.id, uid, url: `/d/${uid}/${slug}`, status: 'success', version: stored.version, slug },
    };
  }

  search(params: URLSearchParams): DashboardAnswer {
    const type = params.get('type');
    if (type !== null && type !== 'dash-db') {
      // the sandbox holds no folders
      return { status: 200, body: [] };
    }
    const tags = params.getAll('tag');
    const query = (params.get('query') ?? '').toLowerCase();
    const uids = params.getAll('dashboardUIDs').flatMap((value) => value.split(','));
    const limit = Math.min(Number(params.get('limit') ?? 1000) || 1000, 5000);
    const hits = [...this.byUid.values()]
      .filter((dashboard) => tags.every((tag) => dashboard.tags.includes(tag)))
      .filter((dashboard) => dashboard.title.toLowerCase().includes(query))
      .filter((dashboard) => uids.length === 0 || uids.includes(dashboard.uid))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, limit)
      .map((dashboard) => {
        const slug = slugOf(dashboard.title);
        return {
          id: dashboard.id,
          uid: dashboard.uid,
          title: dashboard.title,
          uri: `db/${slug}`,
          url: `/d/${dashboard.uid}/${slug}`,
          slug,
          type: 'dash-db',
          tags: dashboard.tags,
          isStarred: false,
          ...(dashboard.folderUid ? { folderUid: dashboard.folderUid } : {}),
        };
      });
    return { status: 200, body: hits };
  }
}
