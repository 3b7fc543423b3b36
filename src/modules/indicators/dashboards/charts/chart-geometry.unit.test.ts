// The charts' geometry: values land where they should, a gap stays a gap, an empty series draws nothing.
import { describe, expect, it } from "vitest";
import { axisMax, barLength, DEFAULT_BOX, linePoints, slotX, valueY } from "./chart-geometry.ts";

describe("chart geometry", () => {
  it("places values between the axis' bottom (0) and top (max)", () => {
    const box = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
    expect(valueY(0, 100, box)).toBe(100);
    expect(valueY(100, 100, box)).toBe(0);
    expect(valueY(25, 100, box)).toBe(75);
    // Out of range values are clamped to the plot.
    expect(valueY(-5, 100, box)).toBe(100);
    expect(valueY(150, 100, box)).toBe(0);
  });

  it("centres each value in its slot along x", () => {
    const box = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
    expect([0, 1, 2, 3].map((i) => slotX(i, 4, box))).toEqual([12.5, 37.5, 62.5, 87.5]);
    expect(slotX(0, 1, box)).toBe(50);
  });

  it("splits the line at a missing value instead of drawing it as zero", () => {
    const box = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
    const { points, segments } = linePoints([10, 20, null, 40], 40, box);
    expect(points.map((p) => [p.x, p.y])).toEqual([
      [12.5, 75],
      [37.5, 50],
      [87.5, 0],
    ]);
    expect(segments.map((s) => s.length)).toEqual([2, 1]);
  });

  it("draws nothing for an empty series or one with no values", () => {
    expect(linePoints([], 10)).toEqual({ points: [], segments: [] });
    expect(linePoints([null, null], 10)).toEqual({ points: [], segments: [] });
    expect(axisMax([])).toBe(1);
  });

  it("rounds the axis up to a readable step, and keeps a fixed top such as 100 %", () => {
    expect(axisMax([3, 7])).toBe(10);
    expect(axisMax([120])).toBe(200);
    expect(axisMax([42], 100)).toBe(100);
    expect(axisMax([null, 130], 100)).toBe(130);
    expect(DEFAULT_BOX.width).toBeGreaterThan(0);
  });

  it("gives bars a length in proportion, capped at the width", () => {
    expect(barLength(50, 100, 200)).toBe(100);
    expect(barLength(300, 100, 200)).toBe(200);
    expect(barLength(-1, 100, 200)).toBe(0);
  });
});
