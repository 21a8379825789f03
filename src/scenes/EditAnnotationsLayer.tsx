import React from 'react';
import { from } from 'rxjs';
import { css } from '@emotion/css';
import { arrayToDataFrame, DataTopic, LoadingState } from '@grafana/data';
import { SceneComponentProps, SceneDataLayerBase, SceneDataLayerProviderState, sceneGraph } from '@grafana/scenes';
import { InlineSwitch, useStyles2 } from '@grafana/ui';

/** A change of the registry drawn on the graphs: when, who and what. */
export interface EditEvent {
  /** Epoch milliseconds. */
  time: number;
  title: string;
  text: string;
}

interface EditAnnotationsState extends SceneDataLayerProviderState {
  /** Reads the events; called each time the layer runs (on activation and when switched on). */
  load: () => Promise<EditEvent[]>;
  color: string;
}

/**
 * Annotations that come from the registry's change history instead of a data source: the edits
 * of an SLO, drawn on every graph of its page like the deploys. Its switch has the id the
 * controls' label points at (`data-layer-<key>`), as scenes' own annotation layers do.
 */
export class EditAnnotationsLayer extends SceneDataLayerBase<EditAnnotationsState> {
  static Component = EditAnnotationsRenderer;

  onEnable(): void {}

  onDisable(): void {}

  protected runLayer(): void {
    this.querySub?.unsubscribe();
    this.querySub = from(this.state.load()).subscribe({
      next: (events) => this.publishEvents(events),
      error: () => this.publishEvents([]),
    });
  }

  private publishEvents(events: EditEvent[]): void {
    const frame = arrayToDataFrame(
      events.map((event) => ({ time: event.time, title: event.title, text: event.text, color: this.state.color }))
    );
    frame.meta = { ...frame.meta, dataTopic: DataTopic.Annotations };
    this.publishResults({
      state: LoadingState.Done,
      series: [frame],
      timeRange: sceneGraph.getTimeRange(this).state.value,
    });
  }
}

function EditAnnotationsRenderer({ model }: SceneComponentProps<EditAnnotationsLayer>) {
  const { isEnabled, isHidden } = model.useState();
  const styles = useStyles2(getStyles);
  if (isHidden) {
    return null;
  }
  return (
    <InlineSwitch
      className={styles.switch}
      id={`data-layer-${model.state.key}`}
      value={isEnabled}
      onChange={() => model.setState({ isEnabled: !isEnabled })}
    />
  );
}

// Joined to its label on the left, as the other layers' switches are.
const getStyles = () => ({
  switch: css({ borderBottomLeftRadius: 0, borderTopLeftRadius: 0 }),
});
