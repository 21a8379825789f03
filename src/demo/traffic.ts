/**
 * The traffic curve of a service: 1 on average, higher in the evening and on weekdays, with a few
 * fast wiggles as noise. It is a sum of sine waves whose periods divide the cycle, which gives it
 * an exact integral (so counters are integrals, not sums of samples) and makes the integral over
 * any whole cycle exactly one cycle long.
 */
import { seededRandom } from './noise';
import { CYCLE_DAYS, CYCLE_SECONDS } from './time';

interface Wave {
  amplitude: number;
  /** Whole periods per cycle. */
  periods: number;
  /** Phase in radians at the cycle start (00:00 UTC on a Monday). */
  phase: number;
}

/** A traffic curve: `shape(offset)` and its integral from the cycle start. */
export interface TrafficCurve {
  shape(offset: number): number;
  integral(offset: number): number;
}

const PEAK_HOUR_UTC = 19;
// Prime period counts: noise that never lines up with the 5-minute or 15-second sampling grid.
const NOISE_PERIODS = [1009, 2503, 6007, 14009];
const NOISE_AMPLITUDES = [0.04, 0.03, 0.025, 0.02];

/** The traffic curve of the service `seed`; the daily and weekly waves are the same for all. */
export function trafficCurve(seed: string): TrafficCurve {
  const random = seededRandom(`traffic|${seed}`);
  const waves: Wave[] = [
    { amplitude: 0.45, periods: CYCLE_DAYS, phase: Math.PI / 2 - (2 * Math.PI * PEAK_HOUR_UTC) / 24 },
    { amplitude: 0.1, periods: 2 * CYCLE_DAYS, phase: 0.3 },
    // Weekdays busier than weekends: the week starts on Monday, its peak falls on Wednesday.
    { amplitude: 0.08, periods: CYCLE_DAYS / 7, phase: Math.PI / 2 - (2 * Math.PI * 2.5) / 7 },
    ...NOISE_PERIODS.map((periods, i) => ({ amplitude: NOISE_AMPLITUDES[i], periods, phase: random() * 2 * Math.PI })),
  ];
  const omegas = waves.map((wave) => (2 * Math.PI * wave.periods) / CYCLE_SECONDS);
  return {
    shape: (offset) =>
      waves.reduce((sum, wave, i) => sum + wave.amplitude * Math.sin(omegas[i] * offset + wave.phase), 1),
    integral: (offset) =>
      waves.reduce(
        (sum, wave, i) =>
          sum + (wave.amplitude * (Math.cos(wave.phase) - Math.cos(omegas[i] * offset + wave.phase))) / omegas[i],
        offset
      ),
  };
}
