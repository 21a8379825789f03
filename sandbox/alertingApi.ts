/**
 * The two reads of Grafana alerting that the incident report makes, answered as a Grafana with no
 * state history backend and no silences answers them:
 *
 * - `GET /api/v1/rules/history`: the `NoOpHistorian` (`[unified_alerting.state_history] enabled =
 *   false`) returns `data.NewFrame("states")`, which the plugin SDK writes as a frame without
 *   fields (pkg/services/ngalert/state/historian/noop.go; data/frame_json.go).
 * - `GET /api/alertmanager/grafana/api/v2/silences`: Alertmanager's v2 list, empty.
 *
 * The routes check `alert.rules:read` and `alert.instances:read` or `alert.silences:read`, which
 * OSS grants every basic role through `fixed:alerting:reader` (Viewer).
 */
import { ApiAnswer } from './http';

export function stateHistory(): ApiAnswer {
  return { status: 200, body: { schema: { name: 'states', fields: [] }, data: { values: [] } } };
}

export function silences(): ApiAnswer {
  return { status: 200, body: [] };
}
