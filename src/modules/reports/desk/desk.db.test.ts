// The desk lists: tabs (new, mine, overdue, all), filters, search without diacritics, paging, and the one access rule
// (the officer's units, plus reports they recorded or were assigned; another commune's reports never appear).
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import type { ReportStatus } from "../reports.model.ts";

type Page = {
  items: { code: string; overdue: boolean; assigneeName: string | null; villageName: string | null }[];
  total: number;
  counts: Record<string, number>;
};

describeDb("the reports desk", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let officerId: string;
  let stranger: TestClient;
  let citizen: TestClient;
  let village: string;
  const made: {
    code: string;
    status: ReportStatus;
    due: Date | null;
    assignee: string | null;
    village: string | null;
    category: string;
    description: string;
  }[] = [];
  let otherCode: string;

  const signedIn = async (roles: [Role, string][], kind: "officer" | "citizen" = "officer") => {
    const u = await buildUser(x.deps, { roles, kind });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return { client, id: u.id };
  };
  const list = async (client: TestClient, query: string) => {
    const res = await client.get(`/api/v1/reports${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    x = app();
    const now = x.deps.clock.now();
    const o = await signedIn([["specialist", GIA_PHU]]);
    officer = o.client;
    officerId = o.id;
    stranger = (await signedIn([["specialist", BAO_THANG]])).client;
    citizen = (await signedIn([], "citizen")).client;
    village = (await buildVillage(x.deps, GIA_PHU, "Thôn Nà Mò")).code;
    const road = await buildReportCategory(x.deps, { code: "road" });
    const waste = await buildReportCategory(x.deps, { code: "waste", nameVi: "Rác thải", nameEn: "Rubbish" });
    const day = 86_400_000;
    const seeds: {
      status: ReportStatus;
      due: Date | null;
      assignee: string | null;
      village: string | null;
      category: { id: string; code: string };
      description: string;
    }[] = [
      { status: "received", due: null, assignee: null, village, category: road, description: "Ổ gà lớn trước cổng trường" },
      { status: "received", due: null, assignee: null, village: null, category: waste, description: "Bãi rác tự phát bên suối" },
      { status: "assigned", due: new Date(now.getTime() - 2 * day), assignee: officerId, village, category: road, description: "Cầu tràn sụt lún" },
      { status: "in_progress", due: new Date(now.getTime() + 3 * day), assignee: officerId, village: null, category: waste, description: "Rác chất đống chợ" },
      { status: "forwarded", due: new Date(now.getTime() - day), assignee: null, village, category: road, description: "Đường điện võng thấp" },
      { status: "resolved", due: new Date(now.getTime() - 5 * day), assignee: officerId, village, category: road, description: "Ổ gà đã vá" },
    ];
    for (const [i, s] of seeds.entries()) {
      const r = await buildReport(x.deps, {
        categoryId: s.category.id,
        villageCode: s.village,
        status: s.status,
        dueAt: s.due,
        assigneeUserId: s.assignee,
        description: s.description,
        createdAt: new Date(now.getTime() - (10 - i) * day),
      });
      made.push({
        code: r.code,
        status: s.status,
        due: s.due,
        assignee: s.assignee,
        village: s.village,
        category: s.category.code,
        description: s.description,
      });
    }
    const otherCat = await buildReportCategory(x.deps, { communeCode: BAO_THANG, code: "road" });
    otherCode = (await buildReport(x.deps, { categoryId: otherCat.id, communeCode: BAO_THANG, description: "Ổ gà xã bên" })).code;
  });

  const codes = (p: Page) => p.items.map((i) => i.code);
  const open = (s: ReportStatus) => ["received", "accepted", "assigned", "in_progress", "forwarded", "reopened"].includes(s);

  describe("tabs", () => {
    it("new: received reports, oldest first; mine: open ones assigned to me, nearest deadline first", async () => {
      const now = x.deps.clock.now();
      const fresh = await list(officer, "?tab=new");
      expect(codes(fresh)).toEqual(made.filter((m) => m.status === "received").map((m) => m.code));
      const mine = await list(officer, "?tab=mine");
      const expected = made.filter((m) => m.assignee === officerId && open(m.status)).sort((a, b) => a.due!.getTime() - b.due!.getTime());
      expect(codes(mine)).toEqual(expected.map((m) => m.code));
      expect(mine.items[0]?.assigneeName).toBeTruthy();
      const overdue = await list(officer, "?tab=overdue");
      const late = made.filter((m) => open(m.status) && m.due && m.due < now).sort((a, b) => a.due!.getTime() - b.due!.getTime());
      expect(codes(overdue)).toEqual(late.map((m) => m.code));
      expect(overdue.items.every((i) => i.overdue)).toBe(true);
      const all = await list(officer, "");
      expect(codes(all)).toEqual([...made].reverse().map((m) => m.code));
      expect(all.counts).toEqual({ new: fresh.total, mine: mine.total, overdue: overdue.total, all: made.length });
      // A resolved report past its date is not overdue: it was answered.
      expect(all.items.find((i) => i.code === made[5]!.code)?.overdue).toBe(false);
    });
  });

  describe("filters and search", () => {
    it("filters by category, village and status, and finds words without diacritics or a code", async () => {
      expect(codes(await list(officer, "?category=waste"))).toEqual(
        made
          .filter((m) => m.category === "waste")
          .reverse()
          .map((m) => m.code),
      );
      const inVillage = await list(officer, `?village=${village}`);
      expect(codes(inVillage)).toEqual(
        made
          .filter((m) => m.village === village)
          .reverse()
          .map((m) => m.code),
      );
      expect(inVillage.items[0]?.villageName).toBe("Thôn Nà Mò");
      expect(codes(await list(officer, "?status=forwarded"))).toEqual(made.filter((m) => m.status === "forwarded").map((m) => m.code));
      expect(codes(await list(officer, "?q=o%20ga"))).toEqual(
        made
          .filter((m) => m.description.startsWith("Ổ gà"))
          .reverse()
          .map((m) => m.code),
      );
      expect(codes(await list(officer, `?q=${encodeURIComponent(made[2]!.code.toLowerCase())}`))).toEqual([made[2]!.code]);
      expect(codes(await list(officer, "?q=sut%20lun&tab=overdue"))).toEqual([made[2]!.code]);
      const bad = await officer.get("/api/v1/reports?tab=later&status=lost");
      expect(bad.status).toBe(400);
      const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["tab", "status"]));
    });
  });

  describe("scope", () => {
    it("never lists another commune's reports; assigned reports outside one's units are listed; citizens get 403", async () => {
      const mine = await list(officer, "?q=o%20ga");
      expect(codes(mine)).not.toContain(otherCode);
      const theirs = await list(stranger, "");
      expect(codes(theirs)).toEqual([otherCode]);
      expect(codes(await list(stranger, `?q=${encodeURIComponent(made[0]!.code)}`))).toEqual([]);
      expect((await citizen.get("/api/v1/reports")).status).toBe(403);
      expect((await new TestClient(x.app).get("/api/v1/reports")).status).toBe(401);
      // A volunteer sees only the report assigned to them (the access rule's second door).
      const vol = await signedIn([["volunteer", GIA_PHU]]);
      const cat = await buildReportCategory(x.deps, { code: "lights" });
      const assigned = await buildReport(x.deps, { categoryId: cat.id, status: "assigned", assigneeUserId: vol.id });
      expect(codes(await list(vol.client, ""))).toEqual([assigned.code]);
    });
  });

  describe("pages", () => {
    it("the desk page shows tabs with counts, filters and marks overdue rows; the print list carries the same query", async () => {
      const res = await officer.get("/office/reports?tab=overdue");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('aria-current="page"');
      expect(html).toContain("row--late");
      expect(html).toContain(made[2]!.code);
      expect(html).not.toContain(made[0]!.code);
      expect(html).toContain('href="/office/reports/print?tab=overdue"');
      // Open reports by category and by village, each a link to the filtered list.
      const openRoad = made.filter((m) => m.category === "road" && open(m.status)).length;
      expect(html).toMatch(new RegExp(`href="/office/reports\\?category=road">[^<]+</a>: ${openRoad}<`));
      expect(html).toContain(`href="/office/reports?village=${village}"`);
      const print = await officer.get("/office/reports/print?tab=overdue");
      expect(print.status).toBe(200);
      const printHtml = await print.text();
      expect(printHtml).toContain(made[2]!.code);
      expect(printHtml).not.toContain("<nav");
      expect((await officer.get("/office/reports?page=0")).status).toBe(400);
      expect((await citizen.get("/office/reports")).status).toBe(403);
    });
  });
});
