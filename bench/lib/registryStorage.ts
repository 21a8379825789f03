/**
 * The registry's storage at scale, on a running sandbox that holds it: the size of the index and of
 * one service document, what opening the services list and one service page downloads from
 * Grafana's API in Chromium, `loadRegistry` and `saveRegistry` over HTTP, and what the sandbox
 * spends rewriting its state file.
 */
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { RegistryUser } from '../../src/storage/access';
import { INDEX_UID, serviceUid } from '../../src/storage/documents/layout';
import { documentSize, DocumentSize } from './documentSizes';
import { pageRequests, PageRequests } from './pageRequests';
import { requestSteps, timeSandboxPersist, timeStore, StoreTimings } from './storeTiming';

export interface StorageTarget {
  baseURL: string;
  stateDir: string;
  /** A bearer token the sandbox accepts as an Admin. */
  token: string;
  user: RegistryUser;
  /** The service whose page is opened and which the timed saves change. */
  serviceId: string;
  listUrl: string;
  listReady: string;
  serviceUrl: string;
  serviceReady: string;
}

export interface StorageFigures {
  documents: { index: DocumentSize; service: DocumentSize };
  pages: { list: PageRequests; service: PageRequests };
  store: StoreTimings & {
    loadSteps: ReturnType<typeof requestSteps>;
    saveSteps: ReturnType<typeof requestSteps>;
  };
  /** The sandbox's state file and one rewrite of it, before and after the timed saves. */
  persist: { before: { bytes: number; ms: number }; after: { bytes: number; ms: number } };
}

export async function measureStorage(browser: Browser, target: StorageTarget, runs: number): Promise<StorageFigures> {
  const { baseURL, token } = target;
  const documents = {
    index: await documentSize(baseURL, token, INDEX_UID),
    service: await documentSize(baseURL, token, serviceUid(target.serviceId)),
  };
  // Pages first: the timed saves below add versions to the documents (not to what a page reads).
  const pages = {
    list: await pageRequests(browser, baseURL, target.listUrl, target.listReady),
    service: await pageRequests(browser, baseURL, target.serviceUrl, target.serviceReady),
  };
  const stateFile = join(target.stateDir, 'dashboards.json');
  const before = timeSandboxPersist(stateFile);
  const store = await timeStore(baseURL, token, target.user, target.serviceId, runs);
  return {
    documents,
    pages,
    store: { ...store, loadSteps: requestSteps(store.load), saveSteps: requestSteps(store.save) },
    persist: { before, after: timeSandboxPersist(stateFile) },
  };
}
