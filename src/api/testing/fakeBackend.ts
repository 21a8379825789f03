/**
 * A stand-in for Grafana's backend service in tests: records every request (method, URL, params,
 * headers, body) and answers from route handlers; an answer with a status of 400 or more is
 * rejected the way Grafana rejects it (a FetchError with `status` and the JSON `data`).
 */
import { Observable, of, throwError } from 'rxjs';
import { BackendSrv, BackendSrvRequest, FetchResponse, setBackendSrv } from '@grafana/runtime';

export interface RecordedRequest {
  method: string;
  url: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  data: unknown;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
}

export type Route = (request: RecordedRequest) => FakeAnswer | undefined;

export interface FakeBackend {
  requests: RecordedRequest[];
  /** Handlers tried in order; the first answer wins. Unanswered requests get a 404. */
  routes: Route[];
}

function respond(request: RecordedRequest, options: BackendSrvRequest, answer: FakeAnswer): Observable<FetchResponse> {
  const response = {
    data: answer.body,
    status: answer.status,
    statusText: answer.status < 400 ? 'OK' : 'Error',
    ok: answer.status < 400,
    headers: new Headers(),
    redirected: false,
    type: 'basic' as const,
    url: request.url,
    config: options,
  };
  return answer.status < 400 ? of(response) : throwError(() => ({ ...response, isHandled: false }));
}

/** Installs a fake backend service for the test's duration and returns its request log. */
export function installFakeBackend(routes: Route[] = []): FakeBackend {
  const fake: FakeBackend = { requests: [], routes };
  const fetch = (options: BackendSrvRequest): Observable<FetchResponse> => {
    const request: RecordedRequest = {
      method: options.method ?? 'GET',
      url: options.url,
      params: (options.params as Record<string, unknown>) ?? {},
      headers: (options.headers as Record<string, string>) ?? {},
      data: options.data,
    };
    fake.requests.push(request);
    const answer = fake.routes.map((route) => route(request)).find(Boolean) ?? {
      status: 404,
      body: { message: 'Not found' },
    };
    return respond(request, options, answer);
  };
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return fake;
}

/** A route answering `method url` exactly. */
export function on(
  method: string,
  url: string,
  answer: FakeAnswer | ((request: RecordedRequest) => FakeAnswer)
): Route {
  return (request) =>
    request.method === method && request.url === url
      ? typeof answer === 'function'
        ? answer(request)
        : answer
      : undefined;
}
