import React from 'react';
import { t } from '@grafana/i18n';
import { SceneComponentProps, sceneGraph, SceneObjectBase, SceneObjectState } from '@grafana/scenes';
import { LinkButton, Stack } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { PanelLink } from '../domain/dashboards';

interface PanelLinksState extends SceneObjectState {
  links: PanelLink[];
  /**
   * For narrow panels (a row of stats), whose title would not fit beside labelled links: icons only,
   * and of the runbooks only the first (the page's header lists them all).
   */
  compact?: boolean;
}

/** Panels this many grid columns wide or narrower show their links as icons only. */
export const COMPACT_LINKS_WIDTH = 6;

/**
 * A panel's links in its header, one click each: runbooks (labelled, new tab) and the service's
 * page, which keeps the time range (`${__url_time_range}` is filled in from the scene). Grafana
 * draws the panel links of saved dashboards itself; generated scenes draw them here.
 */
export class PanelLinks extends SceneObjectBase<PanelLinksState> {
  static Component = PanelLinksRenderer;
}

/**
 * "Runbook", or "Runbook 2", "Runbook 3" when a panel has several: the accessible name of each; only
 * the first shows it, the others are icons with their title as a tooltip, so that the panel's title
 * keeps its room.
 */
function runbookLabel(links: PanelLink[], index: number): { label: string; shown: boolean } {
  const position = links.slice(0, index + 1).filter((link) => link.external).length;
  return position === 1
    ? { label: t('bizowner.dashboards.runbook', 'Runbook'), shown: true }
    : { label: t('bizowner.dashboards.runbookNumbered', 'Runbook {{position}}', { position }), shown: false };
}

function PanelLinksRenderer({ model }: SceneComponentProps<PanelLinks>) {
  const { links: all, compact } = model.useState();
  const firstRunbook = all.find((link) => link.external);
  const links = compact ? all.filter((link) => !link.external || link === firstRunbook) : all;
  // Re-render when the time range changes, so the links carry the current one.
  sceneGraph.getTimeRange(model).useState();
  return (
    <Stack direction="row" gap={0} data-testid={testIds.dashboards.panelLinks}>
      {links.map((link, index) => {
        const open = t('bizowner.dashboards.panelLink', 'Open {{title}}', {
          title: link.title,
          interpolation: { escapeValue: false },
        });
        // a visible text must be part of the accessible name, so that speech input can use it
        const runbook = link.external ? runbookLabel(links, index) : undefined;
        const label = runbook?.label;
        return (
          <LinkButton
            key={link.url}
            href={sceneGraph.interpolate(model, link.url)}
            target={link.external ? '_blank' : undefined}
            rel={link.external ? 'noopener noreferrer' : undefined}
            icon={link.external ? 'book' : 'apps'}
            size="sm"
            fill="text"
            variant="secondary"
            tooltip={link.title}
            aria-label={
              label
                ? t('bizowner.dashboards.panelLinkNamed', '{{label}}: {{open}}', {
                    label,
                    open,
                    interpolation: { escapeValue: false },
                  })
                : open
            }
          >
            {runbook?.shown && !compact ? label : undefined}
          </LinkButton>
        );
      })}
    </Stack>
  );
}
