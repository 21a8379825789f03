import React, { useCallback, useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { AppPlugin, AppPluginMeta, GrafanaTheme2, KeyValue, PluginIncludeType } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, ErrorBoundaryAlert, Icon, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';

interface Props {
  /** Loads the plugin's `module.js` the first time it is called; later calls share the promise. */
  loadPlugin: () => Promise<AppPlugin>;
  meta: AppPluginMeta;
}

interface PluginProps {
  plugin: AppPlugin;
  meta: AppPluginMeta;
}

/** The host's own page, as Grafana's home: the plugin is not loaded until one of its pages opens. */
function HostHome({ meta }: { meta: AppPluginMeta }) {
  const styles = useStyles2(getStyles);
  const pages = (meta.includes ?? []).filter((include) => include.type === PluginIncludeType.page && include.addToNav);
  return (
    <div className={styles.configPage} data-testid="sandbox-home">
      <h1>Sandbox host</h1>
      <p data-testid="sandbox-versions">
        Standing in for Grafana {config.buildInfo.version}, on React {React.version}
      </p>
      <p>Apps</p>
      <ul>
        {pages.map((page) => {
          const href = (page.path ?? '').replace('%PLUGIN_ID%', meta.id);
          return (
            <li key={href}>
              <Link to={href}>
                {meta.name}: {page.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Renders `render(plugin)` once the plugin is loaded; a loading state before, the error if it fails. */
function WithPlugin({
  loadPlugin,
  render,
}: {
  loadPlugin: Props['loadPlugin'];
  render: (plugin: AppPlugin) => React.ReactNode;
}) {
  const load = useCallback(() => loadPlugin(), [loadPlugin]);
  const { value, error } = useLoaded(load);
  if (error) {
    return (
      <Alert title="The sandbox could not load the plugin" severity="error" data-testid="sandbox-fatal">
        {error.message}
      </Alert>
    );
  }
  return value ? <>{render(value)}</> : <Loading />;
}

function Nav({ meta }: { meta: AppPluginMeta }) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const pages = (meta.includes ?? []).filter((include) => include.type === PluginIncludeType.page && include.addToNav);
  return (
    <nav className={styles.nav} aria-label="Sandbox navigation">
      <div className={styles.brand}>{meta.name}</div>
      {pages.map((page) => {
        const href = (page.path ?? '').replace('%PLUGIN_ID%', meta.id);
        const active = location.pathname.startsWith(href);
        return (
          <a key={href} href={href} className={active ? styles.activeLink : styles.link}>
            {page.icon && <Icon name={page.icon as never} />} {page.name}
          </a>
        );
      })}
      <div className={styles.note}>
        Sandbox host · role {config.bootData.user.orgRole} · stands in for Grafana {config.buildInfo.version}
      </div>
    </nav>
  );
}

function AppRoot({ plugin, meta }: PluginProps) {
  const location = useLocation();
  const Root = plugin.root;
  if (!Root) {
    return <Alert title="The plugin has no root page" severity="error" />;
  }
  const query = Object.fromEntries(new URLSearchParams(location.search)) as KeyValue;
  return <Root meta={meta} basename={`/a/${meta.id}`} onNavChanged={() => {}} query={query} path={location.pathname} />;
}

function ConfigRoot({ plugin }: PluginProps) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const page = plugin.configPages?.[0];
  if (!page) {
    return <Alert title="The plugin has no configuration page" severity="error" />;
  }
  const Body = page.body;
  const query = Object.fromEntries(new URLSearchParams(location.search)) as KeyValue;
  return (
    <div className={styles.configPage}>
      <h1>{page.title}</h1>
      <Body plugin={plugin} query={query} />
    </div>
  );
}

/** The host's frame: navigation beside the app's root page or its configuration page. */
export function HostApp(props: Props) {
  const styles = useStyles2(getStyles);
  const { meta, loadPlugin } = props;
  return (
    <div className={styles.frame}>
      <Nav meta={meta} />
      <main className={styles.main}>
        <ErrorBoundaryAlert>
          <Routes>
            <Route path="/sandbox" element={<HostHome meta={meta} />} />
            <Route
              path={`/a/${meta.id}/*`}
              element={
                <WithPlugin loadPlugin={loadPlugin} render={(plugin) => <AppRoot plugin={plugin} meta={meta} />} />
              }
            />
            <Route
              path={`/plugins/${meta.id}`}
              element={
                <WithPlugin loadPlugin={loadPlugin} render={(plugin) => <ConfigRoot plugin={plugin} meta={meta} />} />
              }
            />
            <Route path="*" element={<Navigate to={meta.defaultNavUrl || `/a/${meta.id}`} replace />} />
          </Routes>
        </ErrorBoundaryAlert>
      </main>
    </div>
  );
}

/** Shows a loading state until the plugin is loaded, then the app; load errors are shown, not swallowed. */
export function useLoaded<T>(load: () => Promise<T>): { value?: T; error?: Error } {
  const [state, setState] = useState<{ value?: T; error?: Error }>({});
  useEffect(() => {
    load().then(
      (value) => setState({ value }),
      (error: Error) => setState({ error })
    );
  }, [load]);
  return state;
}

export function Loading() {
  return <LoadingPlaceholder text="Loading plugin…" />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  frame: css({ display: 'flex', minHeight: '100vh', background: theme.colors.background.canvas }),
  nav: css({
    width: 220,
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(2),
    borderRight: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  }),
  brand: css({ fontWeight: theme.typography.fontWeightBold, marginBottom: theme.spacing(2) }),
  link: css({
    color: theme.colors.text.secondary,
    padding: theme.spacing(0.5, 1),
    borderRadius: theme.shape.radius.default,
  }),
  activeLink: css({
    color: theme.colors.text.primary,
    padding: theme.spacing(0.5, 1),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.action.selected,
  }),
  note: css({ marginTop: 'auto', color: theme.colors.text.disabled, fontSize: theme.typography.bodySmall.fontSize }),
  main: css({ flexGrow: 1, minWidth: 0 }),
  configPage: css({ padding: theme.spacing(2, 3) }),
});
