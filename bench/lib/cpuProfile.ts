/**
 * A V8 CPU profile of one page load in Chromium (DevTools protocol `Profiler`), from navigation to
 * a ready condition, summarised: main-thread time per package or source folder and the functions
 * with the most self and total time. Frames of the host bundle and of the plugin's chunks are
 * mapped back to their sources with the bundles' source maps, so minified names become a source
 * file, a line and that line's text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { decodeMappings, DecodedMappings, lookupPosition, SourceMapWithContent } from './sourceMap';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfiledFunction {
  name: string;
  /** `package` or `src/…/File.tsx:line`. */
  where: string;
  ms: number;
}

export interface PhaseSummary {
  ms: number;
  /** Self time per package, source folder or V8 bucket (`(idle)`, `(program)`, `(garbage collector)`). */
  byOrigin: Array<{ origin: string; ms: number }>;
  topSelf: ProfiledFunction[];
  /** Total time of the functions in the app's and the host's own sources (components, hooks, the store). */
  topOwn: ProfiledFunction[];
  /** Total time of named functions of Grafana's packages (components and hooks of @grafana/ui, …). */
  topGrafana: ProfiledFunction[];
}

export interface ProfileSummary {
  /** Sampled time from navigation to ready, ms. */
  profiledMs: number;
  /** Up to the first sample in the `split` function (e.g. the registry's decoding). */
  before: PhaseSummary;
  /** From that sample to ready. */
  after: PhaseSummary;
}

interface Origin {
  origin: string;
  where: string;
  name: string;
}

const KEYWORDS = new Set(['function', 'async', 'export', 'const', 'let', 'var', 'return', 'new', 'default']);

/**
 * The name of the function whose source starts at `column` of `line`: V8 places a function at its name
 * (`function useX(`) or at its parameters (`const useX = (`, `const X = <T,>(props`, `x(…) {`). Other
 * positions (a module's top level, a class) give none.
 */
function nameAt(line: string, column: number): string | undefined {
  const inParameters = line[column - 1] === '(';
  if (!inParameters) {
    const declared = line.slice(column).match(/^([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(/)?.[1];
    if (declared && !KEYWORDS.has(declared)) {
      return declared;
    }
    if (line[column] !== '(') {
      return undefined;
    }
  }
  const assigned = line
    .slice(0, inParameters ? column - 1 : column)
    .match(/([A-Za-z_$][\w$]*)\s*(?:[=:]\s*(?:async\s*)?(?:function\s*\*?\s*)?)?(?:<[^=]*>\s*)?$/)?.[1];
  return assigned && !KEYWORDS.has(assigned) ? assigned : undefined;
}

/** Maps frames of scripts served from `dirs` (URL path prefix → folder) through their source maps. */
class FrameMapper {
  private readonly maps = new Map<string, { map: SourceMapWithContent; decoded: DecodedMappings } | null>();
  private readonly cache = new Map<string, Origin>();

  constructor(private readonly dirs: Record<string, string>) {}

  originOf(frame: CallFrame): Origin {
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${frame.functionName}`;
    let origin = this.cache.get(key);
    if (!origin) {
      origin = this.resolve(frame);
      this.cache.set(key, origin);
    }
    return origin;
  }

  private resolve(frame: CallFrame): Origin {
    const name = frame.functionName || '(anonymous)';
    if (!frame.url) {
      return { origin: name.startsWith('(') ? name : '(native)', where: '', name };
    }
    const path = new URL(frame.url).pathname;
    const loaded = this.mapOf(path);
    const position = loaded ? lookupPosition(loaded.decoded, frame.lineNumber, frame.columnNumber) : undefined;
    if (!loaded || !position) {
      return { origin: path, where: `${path}:${frame.lineNumber + 1}`, name };
    }
    const source = loaded.map.sources[position.sourceIndex];
    const line = loaded.map.sourcesContent?.[position.sourceIndex]?.split('\n')[position.line] ?? '';
    const inModules = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (inModules) {
      // The bundles are minified: their function names are the minifier's, the source's are in the map.
      return { origin: inModules[1], where: inModules[1], name: nameAt(line, position.column) ?? '(anonymous)' };
    }
    // webpack names the plugin's files relative to src/; esbuild the host's relative to its output folder.
    const file = source.startsWith('webpack://')
      ? `src/${source.replace(/^webpack:\/\/[^/]*\/(\.\/)?/, '')}`
      : source.replace(/^(\.\.?\/)+/, '');
    const text = line.trim();
    return {
      origin: file.split('/').slice(0, 3).join('/'),
      where: `${file}:${position.line + 1}`,
      name: text.slice(0, 90) || name,
    };
  }

  private mapOf(path: string) {
    if (!this.maps.has(path)) {
      const prefix = Object.keys(this.dirs).find((candidate) => path.startsWith(candidate));
      const file = prefix ? join(this.dirs[prefix], `${path.slice(prefix.length)}.map`) : undefined;
      const map = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SourceMapWithContent) : null;
      this.maps.set(path, map ? { map, decoded: decodeMappings(map) } : null);
    }
    return this.maps.get(path);
  }
}

/**
 * Profiles one load of `open` in a new page of `context` until `ready` (an in-page expression)
 * holds: a URL to go to, or a page to prepare unprofiled and a navigation inside it (a click); `scriptDirs` maps URL path prefixes to the folders holding the scripts and their maps.
 * The summary is split at the first sample whose stack runs a function whose source line holds `split`
 * (e.g. `function decodeIndexStages`).
 */
export async function profileLoad(
  context: BrowserContext,
  open: string | { prepare(page: Page): Promise<void>; navigate(page: Page): Promise<void> },
  ready: string,
  scriptDirs: Record<string, string>,
  split: string,
  top = 12
): Promise<ProfileSummary> {
  const page = await context.newPage();
  try {
    if (typeof open !== 'string') {
      await open.prepare(page);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    if (typeof open === 'string') {
      await page.goto(open, { waitUntil: 'commit' });
    } else {
      await open.navigate(page);
    }
    await page.waitForFunction(ready, undefined, { timeout: 60_000, polling: 'raf' });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    return summarise(profile, new FrameMapper(scriptDirs), split, top);
  } finally {
    await page.close();
  }
}

interface Sample {
  ms: number;
  stack: Origin[];
}

function samplesOf(profile: Profile, mapper: FrameMapper): Sample[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    node.children?.forEach((child) => parent.set(child, node.id));
  }
  const stacks = new Map<number, Origin[]>();
  const stackOf = (id: number): Origin[] => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        stack.push(mapper.originOf(byId.get(node)!.callFrame));
      }
      stacks.set(id, stack);
    }
    return stack;
  };
  return profile.samples.map((id, i) => ({ ms: (profile.timeDeltas[i] ?? 0) / 1000, stack: stackOf(id) }));
}

function summarise(profile: Profile, mapper: FrameMapper, split: string, top: number): ProfileSummary {
  const samples = samplesOf(profile, mapper);
  const at = samples.findIndex((sample) => sample.stack.some((origin) => origin.name.includes(split)));
  const cut = at === -1 ? samples.length : at;
  return {
    profiledMs: (profile.endTime - profile.startTime) / 1000,
    before: phase(samples.slice(0, cut), top),
    after: phase(samples.slice(cut), top),
  };
}

function phase(samples: Sample[], top: number): PhaseSummary {
  const self = new Map<string, ProfiledFunction>();
  const total = new Map<string, ProfiledFunction>();
  const origins = new Map<string, number>();
  const add = (into: Map<string, ProfiledFunction>, origin: Origin, ms: number) => {
    const key = `${origin.name}@${origin.where}`;
    const entry = into.get(key) ?? { name: origin.name, where: origin.where, ms: 0 };
    entry.ms += ms;
    into.set(key, entry);
  };
  for (const { ms, stack } of samples) {
    origins.set(stack[0].origin, (origins.get(stack[0].origin) ?? 0) + ms);
    add(self, stack[0], ms);
    // Total time: every distinct function on the sample's stack, once even when it recurses.
    const seen = new Set<string>();
    for (const origin of stack) {
      const key = `${origin.name}@${origin.where}`;
      if (!seen.has(key) && origin.where !== '') {
        seen.add(key);
        add(total, origin, ms);
      }
    }
  }
  const sorted = (values: Iterable<ProfiledFunction>) => [...values].sort((a, b) => b.ms - a.ms).slice(0, top);
  const all = [...total.values()];
  return {
    ms: samples.reduce((sum, sample) => sum + sample.ms, 0),
    byOrigin: [...origins]
      .map(([origin, ms]) => ({ origin, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    topSelf: sorted(self.values()),
    topOwn: sorted(all.filter((entry) => /^(src|sandbox)\//.test(entry.where))),
    topGrafana: sorted(
      all.filter((entry) => entry.where.startsWith('@grafana/') && /^[A-Za-z_$][\w$]{2,}$/.test(entry.name))
    ),
  };
}
