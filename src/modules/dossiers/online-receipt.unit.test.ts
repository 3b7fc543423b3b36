import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../../platform/calendar/working-time.ts";
import { receiveByOf } from "./online-receipt.ts";

const vn = (local: string) => new Date(`${local}+07:00`);
const cal = buildWorkCalendar([]);
const online = (submittedAt: string) => ({ state: "submitted" as const, channel: "online" as const, submittedAt: vn(submittedAt) });

describe("the time an online dossier may wait at the desk", () => {
  it("is the working day it arrives, or the next working day after 15:00 or on a day off", () => {
    expect(receiveByOf(cal, online("2026-03-03T14:00"))).toEqual(vn("2026-03-03T17:30"));
    expect(receiveByOf(cal, online("2026-03-03T15:30"))).toEqual(vn("2026-03-04T17:30"));
    expect(receiveByOf(cal, online("2026-03-06T20:00"))).toEqual(vn("2026-03-09T17:30")); // Friday evening → Monday
    expect(receiveByOf(cal, online("2026-03-07T09:00"))).toEqual(vn("2026-03-09T17:30")); // Saturday → Monday
  });

  it("applies only to online dossiers still waiting to be received", () => {
    expect(receiveByOf(cal, { ...online("2026-03-03T14:00"), channel: "post" })).toBeNull();
    expect(receiveByOf(cal, { ...online("2026-03-03T14:00"), state: "received" })).toBeNull();
  });
});
