// A small line chart rendered on the server as SVG: readable without JavaScript, printable, and accessible (role=img
// with <title> and <desc>). Every chart is followed by its data table (the caller renders it: ChartFigure).
import type { Child } from "hono/jsx";
import { axisMax, type Box, DEFAULT_BOX, linePoints, slotX, valueY } from "./chart-geometry.ts";

export type LineChartProps = {
  id: string;
  title: string;
  desc: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  /** The top of the axis (100 for a percentage); else from the values. */
  max?: number;
  /** A target drawn as a dashed line. */
  target?: number | null;
  format: (v: number) => string;
  box?: Box;
};

export function LineChart(p: LineChartProps) {
  const box = p.box ?? DEFAULT_BOX;
  const max = axisMax([...p.values, p.target ?? null], p.max);
  const { points, segments } = linePoints(p.values, max, box);
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  const bottom = box.height - box.bottom;
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${box.width} ${box.height}`}
      width={box.width}
      height={box.height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{p.title}</title>
      <desc id={descId}>{p.desc}</desc>
      <line class="chart__axis" x1={box.left} y1={bottom} x2={box.width - box.right} y2={bottom} />
      <line class="chart__axis" x1={box.left} y1={box.top} x2={box.left} y2={bottom} />
      <text class="chart__tick" x={box.left - 4} y={box.top + 4} text-anchor="end">
        {p.format(max)}
      </text>
      <text class="chart__tick" x={box.left - 4} y={bottom} text-anchor="end">
        {p.format(0)}
      </text>
      {p.target !== undefined && p.target !== null ? (
        <line class="chart__target" x1={box.left} y1={valueY(p.target, max, box)} x2={box.width - box.right} y2={valueY(p.target, max, box)} />
      ) : null}
      {segments.map((s) => (s.length > 1 ? <polyline class="chart__line" fill="none" points={s.map((q) => `${q.x},${q.y}`).join(" ")} /> : null))}
      {points.map((q) => (
        <circle class="chart__dot" cx={q.x} cy={q.y} r={3} />
      ))}
      {p.labels.map((label, i) => (
        <text class="chart__tick" x={slotX(i, p.labels.length, box)} y={box.height - 6} text-anchor="middle">
          {label}
        </text>
      ))}
    </svg>
  );
}

/** A chart and its data table in one figure (the table is the chart's text alternative and its print fallback). */
export function ChartFigure(p: { chart: Child; table: Child; caption?: string }) {
  return (
    <figure class="chart-figure">
      {p.caption ? <figcaption>{p.caption}</figcaption> : null}
      {p.chart}
      {p.table}
    </figure>
  );
}
