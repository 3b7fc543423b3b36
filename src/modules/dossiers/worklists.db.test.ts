// The officer's worklists and search through the pages: the specialist's and the leader's own queues, deadlines
// first with the overdue on top, the step and handler columns, the print view, and a search that finds names
// typed without diacritics, codes and phone numbers, only inside the officer's units.
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { act, type Acting, acting, APPLICANT, buildDossier, deskTeam } from "../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { anApplicant } from "../../../test/support/procedure-factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { findDossierRow } from "./index.ts";

const vn = (s: string) => new Date(`${s}+07:00`);
const AN = anApplicant({ fullName: "Nguyễn Văn An", phone: "0987654321", citizenIdNumber: "010090005678" });

/** The rows of the page's first table, each as its cells' text. */
const tableRows = (html: string) =>
  [...(html.split("<tbody>")[1]?.split("</tbody>")[0] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()),
  );

describeDb("worklists and search", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  let other: Acting;
  const ids = {} as Record<"late" | "soon" | "others" | "an", string>;
  const codes = {} as Record<keyof typeof ids, string>;

  const client = async (who: Acting) => {
    const c = new TestClient(app().app);
    await c.signIn(who.actor.label, PASSWORD);
    return c;
  };
  /** Filed online, received by the desk and assigned by the leader, at the given time. */
  const assigned = async (at: string, to: Acting, applicant = APPLICANT) => {
    const { deps } = app();
    app().clock.set(vn(at));
    const d = await buildDossier(deps, team.citizen, { applicant });
    await act(deps, team.desk, d.id, "receive");
    await act(deps, team.leader, d.id, "assign", { assigneeId: to.actor.userId! });
    return { id: d.id, code: (await findDossierRow(deps.db, d.id))!.code! };
  };

  beforeAll(async () => {
    const { deps } = app();
    team = await deskTeam(deps);
    other = await acting(deps, await buildUser(deps, { roles: [["specialist", GIA_PHU]] }));
    for (const [k, at, to, who] of [
      ["late", "2026-11-02T09:00:00", team.specialist, APPLICANT],
      ["soon", "2026-11-04T09:00:00", team.specialist, APPLICANT],
      ["others", "2026-11-02T10:00:00", other, APPLICANT],
      ["an", "2026-11-04T10:00:00", other, AN],
    ] as const) {
      const d = await assigned(at, to, who);
      ids[k] = d.id;
      codes[k] = d.code;
    }
    // The specialist proposes on the other's dossier: it now waits for the leader.
    await act(deps, other, ids.an, "propose", { note: "Đủ điều kiện" });
    app().clock.set(vn("2026-11-06T09:00:00"));
  });

  describe("worklists", () => {
    it("opens the specialist's desk on their own dossiers, overdue first, with the step and handler", async () => {
      const page = await (await (await client(team.specialist)).get(`/office/desk?commune=${GIA_PHU}`)).text();
      expect(page).toContain('aria-current="page"><strong>Giao cho tôi</strong>');
      const rows = tableRows(page);
      expect(rows.map((r) => r[0])).toEqual([codes.late, codes.soon]);
      expect(rows[0]!.join(" ")).toContain("Quá hạn");
      expect(rows[1]!.join(" ")).not.toContain("Quá hạn");
      expect(rows[0]).toContain("Đang xử lý");
      expect(rows[0]).toContain(`Test ${team.specialist.actor.label}`);
      expect(page).toContain('<th scope="col">Bước hiện tại</th>');
      expect(page).toContain('<th scope="col">Người xử lý</th>');
    });

    it("opens the leader's desk on the dossiers waiting for approval, and the desk officer's on the shared queues", async () => {
      const leader = await (await (await client(team.leader)).get(`/office/desk?commune=${GIA_PHU}`)).text();
      expect(tableRows(leader).map((r) => r[0])).toEqual([codes.an]);
      expect(leader).not.toContain(`href="/office/desk?commune=${GIA_PHU}&amp;queue=assignedToMe"`);
      const desk = await (await (await client(team.desk)).get(`/office/desk?commune=${GIA_PHU}&queue=assignedToMe`)).text();
      expect(desk).not.toContain(`href="/office/desk?commune=${GIA_PHU}&amp;queue=assignedToMe"`);
      expect(desk).not.toContain(`href="/office/desk?commune=${GIA_PHU}&amp;queue=awaitingApproval"`);
      expect(leader).toContain(`href="/office/desk?commune=${GIA_PHU}&amp;queue=awaitingApproval"`);
      expect(desk).toContain('aria-current="page"><strong>Hồ sơ trực tuyến mới</strong>');
    });

    it("sorts every queue by deadline, the overdue on top", async () => {
      const page = await (await (await client(team.desk)).get(`/office/desk?commune=${GIA_PHU}&queue=inProgress`)).text();
      // Filed at 09:00 and 10:00 on the 2nd, then 09:00 and 10:00 on the 4th: due in that order.
      expect(tableRows(page).map((r) => r[0])).toEqual([codes.late, codes.others, codes.soon, codes.an]);
    });

    it("prints a whole queue on one page without the desk's controls", async () => {
      const res = await (await client(team.specialist)).get(`/office/desk?commune=${GIA_PHU}&queue=assignedToMe&view=print`);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(tableRows(page).map((r) => r[0])).toEqual([codes.late, codes.soon]);
      expect(page).not.toContain('class="cards"');
      expect(page).not.toContain("register.pdf");
    });
  });

  describe("search", () => {
    const search = async (who: Acting, q: string) => {
      const res = await (await client(who)).get(`/office/search?q=${encodeURIComponent(q)}`);
      return { status: res.status, page: await res.text() };
    };

    it("finds a name typed without diacritics, a code, a phone and an ID number", async () => {
      const byName = await search(team.desk, "nguyen van an");
      expect(byName.status).toBe(200);
      expect(tableRows(byName.page).map((r) => r[0])).toEqual([codes.an]);
      expect(tableRows(byName.page)[0]).toContain("Nguyễn Văn An");
      expect(tableRows((await search(team.desk, codes.late)).page).map((r) => r[0])).toEqual([codes.late]);
      expect(tableRows((await search(team.desk, "0987 654 321")).page).map((r) => r[0])).toEqual([codes.an]);
      expect(tableRows((await search(team.desk, AN.citizenIdNumber)).page).map((r) => r[0])).toEqual([codes.an]);
      // "Đỗ Văn Nam" has three dossiers: the overdue one first.
      expect(tableRows((await search(team.leader, "DO VAN NAM")).page)[0]![0]).toBe(codes.late);
    });

    it("finds nothing for an officer of another commune", async () => {
      const stranger = await acting(app().deps, await buildUser(app().deps, { roles: [["one_stop_officer", BAO_THANG]] }));
      const res = await search(stranger, "nguyen van an");
      expect(res.status).toBe(200);
      expect(tableRows(res.page)).toEqual([]);
      expect(res.page).toContain("Không tìm thấy hồ sơ nào");
      const narrowed = await (await client(stranger)).get(`/office/search?q=an&commune=${GIA_PHU}`);
      // Another commune's dossiers are not there for them, as everywhere in the office face.
      expect(narrowed.status).toBe(404);
    });

    it("answers a too short or too long query with a 400 naming the field, and an empty one with the form alone", async () => {
      const short = await search(team.desk, "a");
      expect(short.status).toBe(400);
      expect(short.page).toContain('href="#f-q"');
      expect(short.page).toContain("Mã hồ sơ, họ tên, số điện thoại hoặc số định danh");
      const long = await search(team.desk, "x".repeat(101));
      expect(long.status).toBe(400);
      expect(long.page).toContain("tối đa 100 ký tự");
      const empty = await search(team.desk, "  ");
      expect(empty.status).toBe(200);
      expect(empty.page).not.toContain('id="results"');
    });
  });
});
