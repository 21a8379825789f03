import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import type { PluginPageProps } from '@grafana/runtime';
import { Stack, Tab, TabsBar, useStyles2 } from '@grafana/ui';

/** Grafana's page frame for plugin pages: title, subtitle, actions, tabs, then the body. */
export function SandboxPluginPage({ pageNav, subTitle, actions, children, renderTitle }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const title = pageNav?.text ?? '';
  const tabs = pageNav?.children?.filter((child) => !child.hideFromTabs) ?? [];
  return (
    <div className={styles.page}>
      <Stack justifyContent="space-between" alignItems="center">
        {renderTitle ? renderTitle(title) : <h1>{title}</h1>}
        {actions}
      </Stack>
      {(subTitle ?? pageNav?.subTitle) && <div className={styles.subTitle}>{subTitle ?? pageNav?.subTitle}</div>}
      {tabs.length > 0 && (
        <TabsBar className={styles.tabs}>
          {tabs.map((tab) => (
            <Tab key={tab.url ?? tab.text} label={tab.text} active={tab.active} href={tab.url} icon={tab.icon} />
          ))}
        </TabsBar>
      )}
      <div className={styles.body}>{children}</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    padding: theme.spacing(2, 3),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minHeight: '100%',
  }),
  subTitle: css({ color: theme.colors.text.secondary }),
  tabs: css({ marginBottom: theme.spacing(1) }),
  body: css({ flexGrow: 1 }),
});
