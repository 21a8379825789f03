/**
 * Grafana's legacy folder API (`/api/folders`) over the sandbox store, with the answers
 * pkg/api/apierrors/folder.go `ToFolderErrorResponse` gives.
 */
import { ApiAnswer, isRecord } from '../http';
import { Identity } from '../identity';
import { can, OrgRole } from '../roles';
import { compareTitles, FolderRecord, folderUrl, generateUid, uidProblem } from './model';
import { GrafanaStore } from './store';

/** `GET /api/folders/:uid` of a folder, with what `role` may do in it (the folder guardian). */
function folderDto(folder: FolderRecord, role: OrgRole) {
  return {
    id: folder.id,
    uid: folder.uid,
    title: folder.title,
    url: folderUrl(folder),
    version: folder.version,
    canSave: can(role, 'folders:write'),
    canEdit: can(role, 'folders:write'),
    canAdmin: can(role, 'folders.permissions:write'),
    canDelete: can(role, 'folders:delete'),
    created: folder.created,
    updated: folder.updated,
    createdBy: folder.createdBy,
    updatedBy: folder.updatedBy,
  };
}

/** `dashboards.ErrFolderNotFound` as the folder API renders it. */
const FOLDER_NOT_FOUND: ApiAnswer = { status: 404, body: { status: 'not-found', message: 'folder not found' } };

export function getFolder(store: GrafanaStore, uid: string, who: Identity): ApiAnswer {
  const folder = store.state.folders.get(uid);
  return folder ? { status: 200, body: folderDto(folder, who.role) } : FOLDER_NOT_FOUND;
}

/** `GET /api/folders`: `[{ id, uid, title }]` by title, `limit` (default 1000) per 1-based `page`. */
export function listFolders(store: GrafanaStore, params: URLSearchParams): ApiAnswer {
  const limit = Number(params.get('limit')) > 0 ? Number(params.get('limit')) : 1000;
  const page = Number(params.get('page')) > 1 ? Number(params.get('page')) : 1;
  const folders = [...store.state.folders.values()]
    .sort((a, b) => compareTitles(a.title, b.title))
    .slice((page - 1) * limit, page * limit)
    .map((folder) => ({ id: folder.id, uid: folder.uid, title: folder.title }));
  return { status: 200, body: folders };
}

/** Adds a folder to the store without checks; the caller persists. */
export function insertFolder(store: GrafanaStore, uid: string, title: string, login: string): FolderRecord {
  const now = new Date().toISOString();
  const folder: FolderRecord = {
    id: store.takeId(),
    uid,
    title,
    version: 1,
    created: now,
    updated: now,
    createdBy: login,
    updatedBy: login,
  };
  store.state.folders.set(uid, folder);
  return folder;
}

/** `POST /api/folders` with `{ uid?, title }`; the route has already checked `folders:create`. */
export function createFolder(store: GrafanaStore, command: unknown, who: Identity): ApiAnswer {
  if (!isRecord(command)) {
    return { status: 400, body: { message: 'bad request data' } };
  }
  const title = typeof command.title === 'string' ? command.title.trim() : '';
  if (title === '') {
    return { status: 400, body: { message: 'folder title cannot be empty' } };
  }
  const uid = typeof command.uid === 'string' ? command.uid.trim() : '';
  if (uid === 'general') {
    // ErrFolderInvalidUID is not one of the errors ToFolderErrorResponse maps: it falls back to a 500.
    return { status: 500, body: { message: 'Folder API error' } };
  }
  const problem = uidProblem(uid);
  if (problem) {
    return { status: 400, body: { message: problem } };
  }
  if (uid !== '' && store.state.folders.has(uid)) {
    // Folders are saved through the folder API server in 12.x: an existing name is AlreadyExists,
    // which ToFolderErrorResponse turns into 412 version-mismatch (the docs: "412 Folder already exists").
    return {
      status: 412,
      body: { status: 'version-mismatch', message: 'the folder has been changed by someone else' },
    };
  }
  const folder = insertFolder(store, uid === '' ? generateUid() : uid, title, who.login);
  store.persist();
  return { status: 200, body: folderDto(folder, who.role) };
}
