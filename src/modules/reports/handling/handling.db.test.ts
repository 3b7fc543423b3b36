// The handling steps over the workflow graph: each allowed step writes state, an event and its notifications; each
// refused one (stale version, a step the graph does not allow, bad input, outside the officer's units) writes
// nothing. The fake clock stands at Monday 2026-11-23 10:00 in Vietnam.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { type Acting, acting } from "../../../../test/support/dossier-factories.ts";
import { verifyPhone } from "../../../../test/support/citizen-factories.ts";
import { rejection } from "../../../../test/support/expect-error.ts";
import { BAO_THANG, buildUser, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { actOnReport, type HandlingInput } from "../use-cases/handling-act.ts";
import { autoCloseReports } from "../use-cases/handling-auto-close.ts";
import { reportDueAt } from "../use-cases/handling-deadline.ts";
import { getOfficeReport } from "../use-cases/handling-get.ts";
import { sendDeadlineReminders } from "../use-cases/handling-remind.ts";
import { confirmReport } from "../use-cases/report-confirm.ts";
import { reopenReport } from "../use-cases/report-reopen.ts";
import type { HandlingAction } from "./handling-steps.ts";

describeDb("reports: handling steps", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: Acting;
  let colleague: Acting;
  let otherCommune: Acting;
  let reader: Acting;
  let citizen: Acting;
  let categoryId: string;

  const act = (who: Acting, id: string, action: HandlingAction, input: Partial<HandlingInput> = {}) =>
    actOnReport(x.deps, who, id, action, { version: 1, ...input });
  const events = async (id: string) =>
    (
      await x.db.query<{ kind: string; public: boolean; actor: string | null }>(
        "SELECT kind, public, actor_user_id AS actor FROM report_events WHERE report_id = $1 ORDER BY id",
        [id],
      )
    ).rows;
  const outbox = async (code: string) =>
    (
      await x.db.query<{ topic: string; payload: { to: string; text?: string; subject?: string } }>(
        "SELECT topic, payload FROM outbox WHERE payload::text LIKE $1 ORDER BY id",
        [`%${code}%`],
      )
    ).rows;
  const row = async (id: string) => (await x.db.query<{ status: string; version: number }>("SELECT status, version FROM reports WHERE id = $1", [id])).rows[0]!;
  /** A report with a reporter who asked for SMS and gave an e-mail. */
  const aReport = async (status: Parameters<typeof buildReport>[1]["status"] = "received", extra: Partial<Parameters<typeof buildReport>[1]> = {}) => {
    const r = await buildReport(x.deps, { categoryId, status, reporterPhone: "0912345678", ...extra });
    await x.db.query("UPDATE reports SET notify_sms = true, reporter_email = 'mai@example.vn' WHERE id = $1", [r.id]);
    return r;
  };

  beforeAll(async () => {
    x = app();
    officer = await acting(x.deps, await buildUser(x.deps, { roles: [["specialist", GIA_PHU]], email: "officer@example.vn" }));
    colleague = await acting(x.deps, await buildUser(x.deps, { roles: [["one_stop_officer", GIA_PHU]], email: "colleague@example.vn" }));
    otherCommune = await acting(x.deps, await buildUser(x.deps, { roles: [["specialist", BAO_THANG]] }));
    reader = await acting(x.deps, await buildUser(x.deps, { roles: [["system_admin", "15"]] }));
    citizen = await acting(x.deps, await buildUser(x.deps, { kind: "citizen", roles: [] }));
    categoryId = (await buildReportCategory(x.deps, { responsibleUserId: colleague.actor.userId })).id;
  });

  it("accepts a new report: status, version, a public event with who, an SMS without diacritics and an e-mail to the reporter", async () => {
    const r = await aReport();
    const after = await act(officer, r.id, "accept", { note: "Sẽ kiểm tra trong tuần" });
    expect(after.status).toBe("accepted");
    expect(after.version).toBe(2);
    expect(after.acceptedAt).toEqual(x.clock.now());
    expect(await events(r.id)).toEqual([
      { kind: "submitted", public: true, actor: null },
      { kind: "accepted", public: true, actor: officer.actor.userId },
    ]);
    const sent = await outbox(r.code);
    expect(sent.map((m) => m.topic).sort()).toEqual(["email", "sms"]);
    const sms = sent.find((m) => m.topic === "sms")!.payload;
    expect(sms.to).toBe("+84912345678");
    expect(sms.text).toContain(r.code);
    expect(sms.text).toMatch(/^[\x20-\x7E\n]+$/);
    expect(sent.find((m) => m.topic === "email")!.payload.subject).toContain(r.code);
  });

  it("refuses a stale version with a 409 naming version, and writes nothing", async () => {
    const r = await aReport();
    await act(officer, r.id, "accept");
    const err = await rejection(act(colleague, r.id, "start", { version: 1 }));
    expect(err.status).toBe(409);
    expect(err.fields.map((f) => f.field)).toEqual(["version"]);
    expect(await row(r.id)).toEqual({ status: "accepted", version: 2 });
    expect((await events(r.id)).map((e) => e.kind)).toEqual(["submitted", "accepted"]);
  });

  it("refuses a step the graph does not allow with a 409 naming action", async () => {
    const r = await aReport();
    for (const step of ["start", "resolve", "forward-return", "assign"] as const) {
      const err = await rejection(act(officer, r.id, step, { answer: "x", result: "x", assigneeUserId: colleague.actor.userId }));
      expect([step, err.status, err.fields.map((f) => f.field)]).toEqual([step, 409, ["action"]]);
    }
    const closed = await aReport("closed");
    expect((await rejection(act(officer, closed.id, "accept"))).status).toBe(409);
    expect(await row(r.id)).toEqual({ status: "received", version: 1 });
  });

  it("is a 404 outside the officer's units and for those who see no reports; a 403 for a reader who may not handle", async () => {
    const r = await aReport();
    expect((await rejection(act(otherCommune, r.id, "accept"))).status).toBe(404);
    expect((await rejection(act(citizen, r.id, "accept"))).status).toBe(404);
    expect((await rejection(getOfficeReport(x.deps, otherCommune, r.id))).status).toBe(404);
    expect((await rejection(act(officer, "not-a-uuid", "accept"))).status).toBe(404);
    expect((await rejection(act(reader, r.id, "accept"))).status).toBe(403);
    expect(await row(r.id)).toEqual({ status: "received", version: 1 });
  });

  it("rejects with a reason and a text for the reporter, and a duplicate with the other report's code", async () => {
    const r = await aReport();
    const missing = await rejection(act(officer, r.id, "reject", {}));
    expect(missing.status).toBe(400);
    expect(missing.fields.map((f) => f.field).sort()).toEqual(["note", "reason"]);
    const unknown = await rejection(act(officer, r.id, "reject", { reason: "duplicate", note: "Trùng", duplicateCode: "PA-NOPE" }));
    expect(unknown.fields.map((f) => f.field)).toEqual(["duplicateCode"]);
    const self = await rejection(act(officer, r.id, "reject", { reason: "duplicate", note: "Trùng", duplicateCode: r.code }));
    expect(self.fields.map((f) => f.field)).toEqual(["duplicateCode"]);

    const original = await aReport();
    const after = await act(officer, r.id, "reject", { reason: "duplicate", note: "Đã có phản ánh cùng nội dung", duplicateCode: original.code.toLowerCase() });
    expect(after).toMatchObject({ status: "rejected", rejectReason: "duplicate", duplicateOf: original.id, statusNote: "Đã có phản ánh cùng nội dung" });
    const sms = (await outbox(r.code)).find((m) => m.topic === "sms")!.payload;
    expect(sms.text).toContain("Da co phan anh cung noi dung");
  });

  it("assigns to the category's officer by default, refuses someone who may not handle, and tells the assignee", async () => {
    const r = await aReport("accepted");
    const refused = await rejection(act(officer, r.id, "assign", { assigneeUserId: otherCommune.actor.userId }));
    expect(refused.fields.map((f) => f.field)).toEqual(["assigneeUserId"]);
    const after = await act(officer, r.id, "assign", {});
    expect(after).toMatchObject({ status: "assigned", assigneeUserId: colleague.actor.userId });
    expect((await events(r.id)).at(-1)).toEqual({ kind: "assigned", public: false, actor: officer.actor.userId });
    const mail = (await outbox(r.code)).filter((m) => m.topic === "email" && m.payload.to === "colleague@example.vn");
    expect(mail).toHaveLength(1);
    // The assignee now sees it (report-access: assignee) and may move it on.
    const started = await act(colleague, r.id, "start", { version: after.version });
    expect(started.status).toBe("in_progress");
  });

  it("forwards to another agency with a working-day deadline and records its return", async () => {
    const r = await aReport("accepted");
    const sunday = await rejection(act(officer, r.id, "forward", { agency: "Điện lực Bảo Thắng", dueDate: "2026-11-29" }));
    expect(sunday.fields.map((f) => [f.field, f.code])).toEqual([["dueDate", "notWorking"]]);
    const past = await rejection(act(officer, r.id, "forward", { agency: "Điện lực Bảo Thắng", dueDate: "2026-11-20" }));
    expect(past.fields.map((f) => [f.field, f.code])).toEqual([["dueDate", "past"]]);
    const bad = await rejection(act(officer, r.id, "forward", { agency: "", dueDate: "2026-02-30" }));
    expect(bad.fields.map((f) => f.field).sort()).toEqual(["agency", "dueDate"]);

    const fwd = await act(officer, r.id, "forward", { agency: "Điện lực Bảo Thắng", dueDate: "2026-11-27", note: "Dây điện võng thấp" });
    expect(fwd.status).toBe("forwarded");
    const back = await act(officer, r.id, "forward-return", { version: fwd.version, result: "Đã căng lại dây" });
    expect(back.status).toBe("in_progress");
    const view = await getOfficeReport(x.deps, officer, r.id);
    expect(view.forwards).toMatchObject([{ agency: "Điện lực Bảo Thắng", dueDate: "2026-11-27", note: "Dây điện võng thấp", result: "Đã căng lại dây" }]);
    expect(view.forwards[0]!.returnedAt).not.toBeNull();
    expect(view.events.map((e) => e.kind)).toEqual(["submitted", "forwarded", "forward_returned"]);
  });

  it("answers with a photo: answer, answered_at, the confirmation window, the photo stored as an answer photo", async () => {
    const r = await aReport("in_progress");
    const missing = await rejection(act(officer, r.id, "resolve", {}));
    expect(missing.fields.map((f) => f.field)).toEqual(["answer"]);
    const png = new Uint8Array(
      await sharp({ create: { width: 16, height: 12, channels: 3, background: "#777" } })
        .png()
        .toBuffer(),
    );
    const tooMany = await rejection(
      act(officer, r.id, "resolve", {
        answer: "Đã vá",
        photos: Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, claimedType: "image/png", bytes: png })),
      }),
    );
    expect(tooMany.fields.map((f) => f.field)).toEqual(["photos"]);

    const after = await act(officer, r.id, "resolve", { answer: "Đã vá ổ gà ngày 23/11", photos: [{ name: "sau.png", claimedType: "image/png", bytes: png }] });
    const now = x.clock.now();
    expect(after).toMatchObject({ status: "resolved", answer: "Đã vá ổ gà ngày 23/11", statusNote: "Đã vá ổ gà ngày 23/11" });
    expect(after.answeredAt).toEqual(now);
    expect(after.confirmUntil).toEqual(new Date(now.getTime() + 7 * 86_400_000));
    const view = await getOfficeReport(x.deps, officer, r.id);
    expect(view.photos.map((p) => p.stage)).toEqual(["answer"]);
    expect((await outbox(r.code)).some((m) => m.topic === "sms")).toBe(true);
  });

  it("tells no one about an anonymous report, and no SMS unless the reporter asked for it", async () => {
    const anon = await buildReport(x.deps, { categoryId, anonymous: true });
    await act(officer, anon.id, "accept");
    expect(await outbox(anon.code)).toEqual([]);
    const noSms = await buildReport(x.deps, { categoryId, reporterPhone: "0912345679" });
    await act(officer, noSms.id, "accept");
    expect(await outbox(noSms.code)).toEqual([]);
  });

  it("reaches a signed-in reporter who typed no phone at their account's verified phone", async () => {
    const resident = await acting(x.deps, await buildUser(x.deps, { kind: "citizen", roles: [] }));
    await verifyPhone(x.deps, resident, "0987654321");
    const r = await buildReport(x.deps, { categoryId, reporterUserId: resident.actor.userId });
    await x.db.query("UPDATE reports SET notify_sms = true WHERE id = $1", [r.id]);
    await act(officer, r.id, "accept");
    expect((await outbox(r.code)).map((m) => [m.topic, m.payload.to])).toEqual([["sms", "+84987654321"]]);
  });

  it("audits the read of the reporter's contact on the office view", async () => {
    const r = await aReport();
    await getOfficeReport(x.deps, officer, r.id);
    const { rows } = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'personalData.read' AND target_id = $1", [r.id]);
    expect(rows).toHaveLength(1);
  });

  describe("background tasks", () => {
    it("reminds the assignee once of a report due by the next working day, not of one due later", async () => {
      const soon = await aReport("assigned", { assigneeUserId: officer.actor.userId, dueAt: new Date("2026-11-24T09:00:00Z") });
      const later = await aReport("assigned", { assigneeUserId: officer.actor.userId, dueAt: new Date("2026-12-04T10:00:00Z") });
      const first = await sendDeadlineReminders(x.deps);
      expect(first.reminded).toBeGreaterThanOrEqual(1);
      expect((await events(soon.id)).map((e) => e.kind)).toContain("reminded");
      expect((await events(later.id)).map((e) => e.kind)).not.toContain("reminded");
      expect((await outbox(soon.code)).filter((m) => m.payload.to === "officer@example.vn")).toHaveLength(1);
      await sendDeadlineReminders(x.deps);
      expect((await events(soon.id)).filter((e) => e.kind === "reminded")).toHaveLength(1);
    });

    it("reminds the assignee once of a forward due by the next working day with no result, not of one returned", async () => {
      // The fake clock stands at Monday 23/11: Tuesday 24/11 is the next working day.
      const open = await aReport("in_progress", { assigneeUserId: officer.actor.userId, dueAt: new Date("2026-12-04T10:00:00Z") });
      await act(officer, open.id, "forward", { agency: "Điện lực Bảo Thắng", dueDate: "2026-11-24", note: "Dây điện võng" });
      const returned = await aReport("in_progress", { assigneeUserId: officer.actor.userId, dueAt: new Date("2026-12-04T10:00:00Z") });
      const sent = await act(officer, returned.id, "forward", { agency: "Điện lực Bảo Thắng", dueDate: "2026-11-24" });
      await act(officer, returned.id, "forward-return", { version: sent.version, result: "Đã nâng dây" });
      const later = await aReport("in_progress", { assigneeUserId: officer.actor.userId, dueAt: new Date("2026-12-04T10:00:00Z") });
      await act(officer, later.id, "forward", { agency: "Sở Xây dựng", dueDate: "2026-12-01" });

      const first = await sendDeadlineReminders(x.deps);
      expect(first.forwardsReminded).toBeGreaterThanOrEqual(1);
      const reminder = await x.db.query("SELECT data, public FROM report_events WHERE report_id = $1 AND kind = 'forward_reminded'", [open.id]);
      expect(reminder.rows).toEqual([{ data: { assigneeUserId: officer.actor.userId, agency: "Điện lực Bảo Thắng", dueDate: "2026-11-24" }, public: false }]);
      expect((await events(returned.id)).map((e) => e.kind)).not.toContain("forward_reminded");
      expect((await events(later.id)).map((e) => e.kind)).not.toContain("forward_reminded");
      const mails = (await outbox(open.code)).filter((m) => m.payload.to === "officer@example.vn" && String(m.payload.subject).includes("Điện lực Bảo Thắng"));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.payload.text).toContain("24/11/2026");

      await sendDeadlineReminders(x.deps);
      expect((await events(open.id)).filter((e) => e.kind === "forward_reminded")).toHaveLength(1);
    });

    it("closes an answer once the confirmation window passes, and tells the reporter", async () => {
      const r = await aReport("in_progress");
      await act(officer, r.id, "resolve", { answer: "Đã dọn rác" });
      expect((await autoCloseReports(x.deps)).closed).toBe(0);
      x.clock.advance(7 * 86_400_000 + 1);
      try {
        expect((await autoCloseReports(x.deps)).closed).toBeGreaterThanOrEqual(1);
      } finally {
        x.clock.advance(-(7 * 86_400_000 + 1));
      }
      expect(await row(r.id)).toMatchObject({ status: "closed" });
      expect((await events(r.id)).at(-1)).toEqual({ kind: "closed", public: true, actor: null });
      expect((await outbox(r.code)).filter((m) => m.topic === "email").map((m) => m.payload.subject)).toContain(`Phản ánh ${r.code} đã đóng`);
    });
  });

  describe("the reporter's verdict", () => {
    const answered = async () => {
      const r = await aReport("in_progress", { reporterUserId: citizen.actor.userId, assigneeUserId: officer.actor.userId });
      await act(officer, r.id, "resolve", { answer: "Đã vá ổ gà" });
      return r;
    };

    it("a reopened report comes back to its assignee with a new deadline from the reopening, to be reminded again", async () => {
      const r = await answered();
      await x.db.query("UPDATE reports SET reminded_at = $2, due_at = $3 WHERE id = $1", [r.id, x.clock.now(), new Date("2026-11-20T10:00:00Z")]);
      x.clock.advance(2 * 86_400_000);
      try {
        const reopenedAt = x.clock.now();
        const after = await reopenReport(x.deps, citizen, { code: r.code, account: true }, { reason: "Ổ gà vẫn còn" });
        const expected = await reportDueAt(x.deps, x.db, categoryId, reopenedAt);
        expect(expected!.getTime()).toBeGreaterThan(reopenedAt.getTime());
        const { rows } = await x.db.query<{ status: string; assignee: string; due: Date; reminded: Date | null }>(
          "SELECT status, assignee_user_id AS assignee, due_at AS due, reminded_at AS reminded FROM reports WHERE id = $1",
          [r.id],
        );
        expect(rows[0]).toEqual({ status: "reopened", assignee: officer.actor.userId, due: expected, reminded: null });
        expect(after.dueAt).toEqual(expected);
        const toOfficer = (await outbox(r.code)).filter((m) => m.payload.to === "officer@example.vn" && m.topic === "email");
        expect(toOfficer.map((m) => m.payload.subject)).toEqual([`Phản ánh ${r.code} được mở lại`]);
      } finally {
        x.clock.advance(-2 * 86_400_000);
      }
    });

    it("a reporter who confirms gets the closure by e-mail, not by SMS", async () => {
      const r = await answered();
      const smsBefore = (await outbox(r.code)).filter((m) => m.topic === "sms").length;
      const after = await confirmReport(x.deps, citizen, { code: r.code, account: true }, { satisfaction: 5 });
      expect(after.status).toBe("closed");
      const sent = await outbox(r.code);
      expect(sent.filter((m) => m.topic === "email" && m.payload.to === "mai@example.vn").map((m) => m.payload.subject)).toContain(
        `Phản ánh ${r.code} đã đóng`,
      );
      expect(sent.filter((m) => m.topic === "sms")).toHaveLength(smsBefore);
      expect(smsBefore).toBe(1);
    });
  });
});
