/**
 * A minimal AMD loader: Grafana loads a plugin's `module.js` as an AMD module whose dependencies
 * (react, @grafana/ui, ...) are the host's own copies. The sandbox does the same, so the built
 * plugin runs unchanged.
 */
type Factory = (...deps: unknown[]) => unknown;

interface PendingDefine {
  deps: string[];
  factory: Factory;
}

let pending: PendingDefine | undefined;

function define(depsOrFactory: string[] | Factory, maybeFactory?: Factory): void {
  pending = Array.isArray(depsOrFactory)
    ? { deps: depsOrFactory, factory: maybeFactory as Factory }
    : { deps: [], factory: depsOrFactory };
}
define.amd = {};

/** Loads an AMD module from `url`, resolving its dependencies from `shared`. */
export function loadAmdModule(url: string, shared: Record<string, unknown>): Promise<Record<string, unknown>> {
  (window as unknown as { define: typeof define }).define = define;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    script.onload = () => {
      const definition = pending;
      pending = undefined;
      if (!definition) {
        reject(new Error(`${url} did not call define()`));
        return;
      }
      try {
        const deps = definition.deps.map((name) => {
          if (name === 'module') {
            return { uri: url };
          }
          if (!(name in shared)) {
            throw new Error(`The sandbox does not provide "${name}", which the plugin imports`);
          }
          return shared[name];
        });
        resolve(definition.factory(...deps) as Record<string, unknown>);
      } catch (error) {
        reject(error);
      }
    };
    document.head.appendChild(script);
  });
}
