// Pure geometry of the server-rendered charts: values → SVG coordinates. Kept apart from the markup so that it is
// unit-tested without rendering. A null value is a gap (no data), never drawn as zero.

export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type PlotPoint = { x: number; y: number; value: number; index: number };

export const DEFAULT_BOX: Box = { width: 320, height: 160, left: 36, right: 8, top: 8, bottom: 24 };

/** The top of the value axis: the given maximum (100 for a percentage), else the largest value rounded up. */
export function axisMax(values: readonly (number | null)[], fixed?: number): number {
  if (fixed !== undefined && fixed > 0) {
    const largest = Math.max(0, ...values.filter((v): v is number => v !== null));
    return Math.max(fixed, largest);
  }
  const largest = Math.max(0, ...values.filter((v): v is number => v !== null));
  if (largest <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= largest) as number;
  return step * magnitude;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The x of the i-th of n slots, centred in its slot (one value: the middle). */
export function slotX(i: number, n: number, box: Box = DEFAULT_BOX): number {
  const inner = box.width - box.left - box.right;
  return r1(box.left + (inner * (i + 0.5)) / Math.max(n, 1));
}

/** The y of a value on an axis from 0 (bottom) to max (top). */
export function valueY(value: number, max: number, box: Box = DEFAULT_BOX): number {
  const inner = box.height - box.top - box.bottom;
  const clamped = Math.min(Math.max(value, 0), max);
  return r1(box.top + inner * (1 - clamped / max));
}

/** The points of a series, nulls left out; `segments` splits the line at gaps, so a gap is not bridged. */
export function linePoints(values: readonly (number | null)[], max: number, box: Box = DEFAULT_BOX): { points: PlotPoint[]; segments: PlotPoint[][] } {
  const points: PlotPoint[] = [];
  const segments: PlotPoint[][] = [];
  let current: PlotPoint[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    const p = { x: slotX(index, values.length, box), y: valueY(value, max, box), value, index };
    points.push(p);
    current.push(p);
  });
  if (current.length > 0) segments.push(current);
  return { points, segments };
}

/** Horizontal bars: each value's length in the inner width, from the left edge. */
export function barLength(value: number, max: number, innerWidth: number): number {
  return r1((innerWidth * Math.min(Math.max(value, 0), max)) / max);
}
