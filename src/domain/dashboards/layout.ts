/**
 * Grid positions of a dashboard's panels, shared by both renderers so that the exported JSON and
 * the in-app scenes look the same: each row starts a new line, panels flow left to right in the
 * 24-column grid and wrap when a line is full.
 */
import { Dashboard } from './types';

export const GRID_COLUMNS = 24;

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RowLayout {
  title: string;
  /** Position of the row header (height 1). */
  header: GridPos;
  /** Positions of the row's panels, by panel id. */
  panels: Map<number, GridPos>;
}

/** Positions of every row header and panel, top to bottom. */
export function layoutDashboard(dashboard: Dashboard): RowLayout[] {
  let y = 0;
  return dashboard.rows.map((row) => {
    const header = { x: 0, y, w: GRID_COLUMNS, h: 1 };
    y += 1;
    const panels = new Map<number, GridPos>();
    let x = 0;
    let lineHeight = 0;
    for (const item of row.panels) {
      const w = Math.min(GRID_COLUMNS, Math.max(1, item.width));
      if (x + w > GRID_COLUMNS) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      panels.set(item.id, { x, y, w, h: item.height });
      x += w;
      lineHeight = Math.max(lineHeight, item.height);
    }
    y += lineHeight;
    return { title: row.title, header, panels };
  });
}
