import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps, renderTextPanelMarkdown } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

/** Stands in for Grafana's text panel in the sandbox: the Markdown content, rendered and sanitised. */
export function TextPanel({ options }: PanelProps<{ content?: string }>) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.text} dangerouslySetInnerHTML={{ __html: renderTextPanelMarkdown(options.content ?? '') }} />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  text: css({
    overflow: 'auto',
    height: '100%',
    a: { color: theme.colors.text.link },
    h3: { fontSize: theme.typography.h5.fontSize },
  }),
});
