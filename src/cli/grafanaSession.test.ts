import { CliError } from './args';
import { authorizationOf, Clock, HEALTH_POLL_MS, waitForGrafana } from './grafanaSession';
import { CliFetch, CliResponse } from './io';
import { fakeIo } from './testing/fakeIo';

const URL = 'http://grafana:3000';

/** A clock that moves only when slept on, and remembers each sleep. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

function answer(status: number): CliResponse {
  return { ok: status === 200, status, statusText: '', text: async () => '{"database":"ok"}' };
}

/** `/api/health` fails `failures` times (no answer, or the given status), then answers 200. */
function healthAfter(failures: number, failWith?: number): CliFetch & { urls: string[] } {
  const urls: string[] = [];
  let left = failures;
  const fetch: CliFetch = async (url) => {
    urls.push(url);
    if (left-- > 0) {
      if (failWith === undefined) {
        throw refused();
      }
      return answer(failWith);
    }
    return answer(200);
  };
  return Object.assign(fetch, { urls });
}

describe('waitForGrafana', () => {
  it('looks at /api/health every second until Grafana answers, and says so on stderr', async () => {
    const fetch = healthAfter(3);
    const io = fakeIo({ fetch });
    const clock = fakeClock();
    await waitForGrafana(io, URL, 120, clock);
    expect(fetch.urls).toEqual(Array(4).fill(`${URL}/api/health`));
    expect(clock.slept).toEqual([HEALTH_POLL_MS, HEALTH_POLL_MS, HEALTH_POLL_MS]);
    expect(io.stderrText).toBe(
      `waiting up to 120 s for ${URL} to answer GET /api/health (fetch failed (ECONNREFUSED))\n${URL} answered after 3 s\n`
    );
  });

  it('keeps waiting while Grafana answers with an error (its database not ready yet)', async () => {
    const fetch = healthAfter(2, 503);
    const io = fakeIo({ fetch });
    await waitForGrafana(io, URL, 10, fakeClock());
    expect(fetch.urls).toHaveLength(3);
    expect(io.stderrText).toContain('(HTTP 503)');
  });

  it('does not wait or print anything when Grafana answers at once', async () => {
    const io = fakeIo({ fetch: healthAfter(0) });
    const clock = fakeClock();
    await waitForGrafana(io, URL, 120, clock);
    expect(clock.slept).toEqual([]);
    expect(io.stderrText).toBe('');
  });

  it('gives up after the given seconds with exit code 2 and the last answer', async () => {
    const fetch = healthAfter(Infinity);
    const clock = fakeClock();
    const waiting = waitForGrafana(fakeIo({ fetch }), URL, 5, clock);
    await expect(waiting).rejects.toThrow(
      new CliError(`${URL} did not answer GET /api/health within 5 s: fetch failed (ECONNREFUSED)`)
    );
    await expect(waiting).rejects.toMatchObject({ exitCode: 2 });
    // Looks at 0, 1, 2, 3, 4 and 5 seconds, then stops.
    expect(fetch.urls).toHaveLength(6);
    expect(clock.now()).toBe(5000);
  });

  it('never sleeps past the deadline, counting the time the looks take', async () => {
    const clock = fakeClock();
    const health = healthAfter(Infinity);
    // Each look takes 300 ms.
    const slow: CliFetch = async (url, init) => {
      await clock.sleep(300);
      return health(url, init);
    };
    await expect(waitForGrafana(fakeIo({ fetch: slow }), URL, 2, clock)).rejects.toThrow(/within 2 s/);
    expect(clock.slept.filter((ms) => ms !== 300)).toEqual([1000, 400]);
    expect(health.urls).toHaveLength(3);
  });
});

describe('authorizationOf', () => {
  it('sends a token as a bearer token', () => {
    expect(authorizationOf({ kind: 'token', token: 'glsa_x' })).toBe('Bearer glsa_x');
  });

  it('sends a user and password as basic auth, in UTF-8', () => {
    expect(authorizationOf({ kind: 'basic', user: 'admin', password: 'admin' })).toBe('Basic YWRtaW46YWRtaW4=');
    const header = authorizationOf({ kind: 'basic', user: 'zoë', password: 'p:ss wörd' });
    expect(Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('zoë:p:ss wörd');
  });
});
