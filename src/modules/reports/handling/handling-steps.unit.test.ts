// The officer's steps read off the workflow graph: which forms each status offers.
import { describe, expect, it } from "vitest";
import { REPORT_STATUSES } from "../reports.model.ts";
import { allowedSteps, stepAllowed, targetOf } from "./handling-steps.ts";

describe("handling steps on the workflow graph", () => {
  it("offers each status the steps the graph allows, the forwarded report only its return or the answer", () => {
    expect(Object.fromEntries(REPORT_STATUSES.map((s) => [s, allowedSteps(s)]))).toEqual({
      received: ["accept", "reject"],
      accepted: ["assign", "start", "forward", "resolve"],
      rejected: [],
      assigned: ["assign", "start", "forward", "resolve"],
      in_progress: ["assign", "forward", "resolve"],
      forwarded: ["forward-return", "resolve"],
      resolved: [],
      reopened: ["assign", "start", "forward", "resolve"],
      closed: [],
    });
  });

  it("leads start and the agency's return to in_progress, but only a forwarded report returns", () => {
    expect([targetOf("start"), targetOf("forward-return")]).toEqual(["in_progress", "in_progress"]);
    expect(stepAllowed("forward-return", "in_progress")).toBe(false);
    expect(stepAllowed("start", "forwarded")).toBe(false);
  });
});
