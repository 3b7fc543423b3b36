// Horizontal bars rendered on the server as SVG (a value per row: communes ranked, this period and the previous one).
// role=img with <title> and <desc>; the caller follows it with the data table. A null value draws no bar and says so.
import { axisMax, barLength } from "./chart-geometry.ts";

export type Bar = { label: string; value: number | null; tone?: "good" | "warn" | "bad" | null };

export function BarChart(p: { id: string; title: string; desc: string; bars: readonly Bar[]; max?: number; format: (v: number) => string; empty: string }) {
  const width = 320;
  const labelW = 110;
  const valueW = 56;
  const row = 20;
  const inner = width - labelW - valueW;
  const height = Math.max(row, p.bars.length * row) + 4;
  const max = axisMax(
    p.bars.map((b) => b.value),
    p.max,
  );
  const clip = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${p.id}-title ${p.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.bars.map((b, i) => {
        const y = i * row + 2;
        return (
          <g>
            <text class="chart__tick" x={labelW - 4} y={y + 13} text-anchor="end">
              {clip(b.label)}
            </text>
            {b.value === null ? null : (
              <rect
                class={`chart__bar${b.tone ? ` chart__bar--${b.tone}` : ""}`}
                x={labelW}
                y={y + 3}
                height={row - 8}
                width={barLength(b.value, max, inner)}
              />
            )}
            <text class="chart__tick" x={labelW + (b.value === null ? 0 : barLength(b.value, max, inner)) + 4} y={y + 13}>
              {b.value === null ? p.empty : p.format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
