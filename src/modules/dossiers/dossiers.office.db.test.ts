// The one-stop desk through its pages: queues, each processing step as a form post, the printed forms,
// stale pages, and who may not see a dossier at all.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { act, type Acting, APPLICANT, buildDossier, deskTeam, ONLINE_PROCEDURE } from "../../../test/support/dossier-factories.ts";
import { aPdf, formValuesFor } from "../../../test/support/procedure-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { getProcedure } from "../procedures/index.ts";
import { flattenDossierValues } from "./dossier-form.tsx";
import { findDossierRow } from "./index.ts";
import type { AppError } from "../../platform/http/app-error.ts";
import { fileDossier } from "./use-cases/file-dossier.ts";

const vn = (s: string) => new Date(`${s}+07:00`);

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("content-disposition")).toMatch(/^inline; filename=".+\.pdf"$/);
  const doc = await getDocument({ data: new Uint8Array(await res.arrayBuffer()), useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    text += "\n";
  }
  await doc.destroy();
  return text.replace(/\s+/g, " ");
}

const versionOf = (html: string, action: string) => {
  const m = new RegExp(
    `action="/office/dossiers/[^"]+/actions/${action}"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]*"/?>\\s*<input type="hidden" name="version" value="(\\d+)"`,
  ).exec(html);
  if (!m) throw new Error(`no ${action} form on the page`);
  return m[1]!;
};

/** Posts a multipart form as a browser would with a file input. */
function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; bytes: Uint8Array; type: string }> = {},
) {
  const body = new FormData();
  body.set("_csrf", client.csrfToken);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const [k, f] of Object.entries(files)) body.set(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return client.request(path, { method: "POST", body });
}

describeDb("dossier office pages", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  const clients = {} as Record<"desk" | "desk2" | "specialist" | "leader" | "citizen" | "other", TestClient>;

  const signedIn = async (who: Acting | { username: string }) => {
    const client = new TestClient(app().app);
    await client.signIn("actor" in who ? who.actor.label : who.username, PASSWORD);
    return client;
  };

  /** Moves the clock; sessions last hours, so everyone signs in again as they would the next morning. */
  const moveClock = async (to: string) => {
    app().clock.set(vn(to));
    const who = { desk: team.desk, desk2: desk2User, specialist: team.specialist, leader: team.leader, citizen: team.citizen, other: otherUser };
    for (const [k, u] of Object.entries(who)) clients[k as keyof typeof clients] = await signedIn(u);
  };
  let desk2User: { username: string };
  let otherUser: { username: string };

  beforeAll(async () => {
    const { deps } = app();
    team = await deskTeam(deps);
    desk2User = await buildUser(deps, { roles: [["one_stop_officer", GIA_PHU]] });
    otherUser = await buildUser(deps, {
      roles: [
        ["one_stop_officer", BAO_THANG],
        ["leader", BAO_THANG],
      ],
    });
    await moveClock("2026-11-23T09:00:00");
  });

  describe("one dossier from the online queue to its result", () => {
    let id: string;
    let code: string;

    it("shows the desk its six queues with their counts and the new online dossier", async () => {
      const d = await buildDossier(app().deps, team.citizen);
      id = d.id;
      code = d.code!;
      const res = await clients.desk.get(`/office/desk?commune=${GIA_PHU}&queue=newOnline`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const label of ["Hồ sơ trực tuyến mới", "Chờ bổ sung", "Đang xử lý", "Sắp đến hạn (2 ngày làm việc)", "Quá hạn", "Chờ trả kết quả"])
        expect(html).toContain(label);
      const submitted = (
        await app().db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers WHERE commune_code = $1 AND state = 'submitted'", [GIA_PHU])
      ).rows[0]!.n;
      expect(html).toMatch(new RegExp(`aria-current="page"><strong>Hồ sơ trực tuyến mới</strong></a> <strong class="tag tag--grey">${submitted}</strong>`));
      expect(html).toContain(`href="/office/dossiers/${id}">${code}</a>`);
      expect(html).toContain(APPLICANT.fullName);
      // Submitted online on Monday 23/11 at 09:00: to be received or refused by the close of office that day.
      expect(html).toContain("Tiếp nhận trước 17:30 23/11/2026");
      expect(html).not.toContain("Quá hạn tiếp nhận");
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      expect(page).toMatch(/Hạn tiếp nhận hoặc từ chối<\/dt>\s*<dd>17:30 23\/11\/2026/);
    });

    it("receives the dossier: POST, redirect, then the page with a flash and the new state", async () => {
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      // Submitted, not received: no register entry yet.
      expect(page).not.toContain("Sổ theo dõi hồ sơ</dt>");
      const res = await clients.desk.post(`/office/dossiers/${id}/actions/receive`, { version: versionOf(page, "receive") });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/office/dossiers/${id}`);
      const after = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      // The entry taken on receipt, as the receipt (Mẫu 01) and the register (Mẫu 07) print it.
      const entry = (await app().db.query<{ n: number }>("SELECT register_number AS n FROM dossiers WHERE id = $1", [id])).rows[0]!.n;
      expect(entry).toBeGreaterThan(0);
      expect(after).toMatch(new RegExp(`Sổ theo dõi hồ sơ</dt>\\s*<dd>Quyển số 2026, số thứ tự ${entry}</dd>`));
      expect(after).toContain("Đã tiếp nhận hồ sơ.");
      expect(after).toContain("Đã tiếp nhận");
      expect(after).toContain("(mã trạng thái quốc gia: 2)");
      expect(after).toContain(`href="/office/dossiers/${id}/receipt.pdf"`);
    });

    it("asks for a supplement; an empty list comes back with the error beside the field", async () => {
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      const version = versionOf(page, "requestSupplement");
      const empty = await clients.desk.post(`/office/dossiers/${id}/actions/requestSupplement`, { version, "items.0.label": " ", note: "" });
      expect(empty.status).toBe(400);
      const html = await empty.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain('href="#f-requestSupplement-items"');
      expect(html).toMatch(/id="f-requestSupplement-items-error"/);
      // A document without its reason comes back naming that row's reason.
      const noReason = await clients.desk.post(`/office/dossiers/${id}/actions/requestSupplement`, {
        version,
        "items.0.label": "Bản sao giấy chứng nhận ly hôn",
        "items.0.reason": "Tờ khai ghi đã ly hôn",
        "items.2.label": "Ảnh chân dung 4x6",
      });
      expect(noReason.status).toBe(400);
      expect(await noReason.text()).toContain('href="#f-requestSupplement-items-2-reason"');
      const ok = await clients.desk.post(`/office/dossiers/${id}/actions/requestSupplement`, {
        version,
        "items.0.label": "Bản sao giấy chứng nhận ly hôn",
        "items.0.reason": "Tờ khai ghi đã ly hôn",
        "items.1.label": "Ảnh chân dung 4x6",
        "items.1.reason": "Ảnh đã nộp chụp quá 6 tháng",
        note: "Nộp tại quầy hoặc trực tuyến",
      });
      expect(ok.status).toBe(303);
      expect((await findDossierRow(app().db, id))!.state).toBe("supplementRequested");
      const slip = await pdfText(await clients.desk.get(`/office/dossiers/${id}/supplement-request.pdf`));
      expect(slip).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
      expect(slip).toContain("Ảnh chân dung 4x6");
      // Mẫu 02 gives the reason for each document.
      expect(slip).toContain("Ảnh đã nộp chụp quá 6 tháng");
      expect(slip).toContain("Tờ khai ghi đã ly hôn");
      expect(slip).toContain(`Test ${team.desk.actor.label}`);
    });

    it("lets the citizen answer, then the leader assigns the specialist", async () => {
      const { deps } = app();
      await act(deps, team.citizen, id, "answerSupplement", {
        note: "Đã bổ sung",
        documents: [{ requirementKey: "item1", upload: { name: "ly-hon.pdf", bytes: aPdf("ly hon") } }],
      });
      const page = await (await clients.leader.get(`/office/dossiers/${id}`)).text();
      expect(page).toContain(`<option value="${team.specialist.actor.userId}"`);
      const res = await clients.leader.post(`/office/dossiers/${id}/actions/assign`, {
        version: versionOf(page, "assign"),
        assigneeId: team.specialist.actor.userId,
      });
      expect(res.status).toBe(303);
      const row = (await findDossierRow(deps.db, id))!;
      expect(row.state).toBe("inReview");
      expect(row.assigneeId).toBe(team.specialist.actor.userId);
    });

    it("lets the specialist propose and the leader approve", async () => {
      await moveClock("2026-11-24T10:00:00");
      const sPage = await (await clients.specialist.get(`/office/dossiers/${id}`)).text();
      expect(
        (await clients.specialist.post(`/office/dossiers/${id}/actions/propose`, { version: versionOf(sPage, "propose"), note: "Đủ điều kiện cấp" })).status,
      ).toBe(303);
      const lPage = await (await clients.leader.get(`/office/dossiers/${id}`)).text();
      expect(lPage).not.toContain("/actions/propose");
      // The leader reads the proposal first, then the application; approving comes before refusing, which stands apart.
      const at = (needle: string) => {
        const i = lPage.indexOf(needle);
        expect(i, needle).toBeGreaterThan(-1);
        return i;
      };
      expect(at('id="proposal"')).toBeLessThan(at('id="application"'));
      expect(lPage.slice(at('id="proposal"'), at('id="application"'))).toContain("Đủ điều kiện cấp");
      expect(at('id="application"')).toBeLessThan(at('id="documents"'));
      expect(at('id="documents"')).toBeLessThan(at("/actions/approve"));
      expect(at("/actions/approve")).toBeLessThan(at("/actions/refuse"));
      expect(lPage.slice(at('class="dossier-apart"'))).toMatch(/<details>[\s\S]*\/actions\/refuse/);
      expect(lPage.slice(0, at('class="dossier-apart"'))).not.toContain("/actions/refuse");
      expect((await clients.leader.post(`/office/dossiers/${id}/actions/approve`, { version: versionOf(lPage, "approve") })).status).toBe(303);
      expect((await findDossierRow(app().db, id))!.state).toBe("resultReady");
    });

    it("returns the result by post with a tracking number and a scan of the result", async () => {
      const { db } = app();
      await moveClock("2026-11-25T08:30:00");
      const unpaid = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      // No result is handed over while the fee is unpaid: the form is not offered, and a post is refused naming the fee.
      expect(unpaid).not.toContain("/actions/returnResult");
      const early = await clients.desk.post(`/office/dossiers/${id}/actions/returnResult`, {
        version: String((await findDossierRow(db, id))!.version),
        method: "desk",
        collectedBy: "A",
      });
      expect(early.status).toBe(409);
      expect(await early.text()).toContain("lệ phí 5000 đồng chưa được nộp");
      expect((await clients.desk.post(`/office/dossiers/${id}/payment/confirm`, { payMethod: "cash" })).status).toBe(303);
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      const noNumber = await postMultipart(clients.desk, `/office/dossiers/${id}/actions/returnResult`, {
        version: versionOf(page, "returnResult"),
        method: "post",
      });
      expect(noNumber.status).toBe(400);
      expect(await noNumber.text()).toContain('id="f-returnResult-trackingNumber-error"');
      const res = await postMultipart(
        clients.desk,
        `/office/dossiers/${id}/actions/returnResult`,
        { version: versionOf(page, "returnResult"), method: "post", trackingNumber: "EB123456789VN" },
        { resultFile: { name: "ket-qua.pdf", bytes: aPdf("ket qua"), type: "application/pdf" } },
      );
      expect(res.status).toBe(303);
      const row = (await findDossierRow(db, id))!;
      expect(row.state).toBe("returned");
      expect(row.delivery.trackingNumber).toBe("EB123456789VN");
      const result = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossier_documents WHERE dossier_id = $1 AND source = 'result'", [id]);
      expect(result.rows[0]!.n).toBe(1);
      const after = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      expect(after).toContain("mã bưu gửi: EB123456789VN");
      const doc = /href="(\/office\/dossiers\/[^"]+\/files\/[^"]+)">ket-qua\.pdf/.exec(after);
      expect(doc).not.toBeNull();
      const file = await clients.desk.get(doc![1]!);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
    });

    it("prints every step on the tracking slip, and the receipt with code, applicant, time and due date", async () => {
      const slip = await pdfText(await clients.desk.get(`/office/dossiers/${id}/tracking-slip.pdf`));
      expect(slip).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
      for (const step of [
        "Nộp hồ sơ trực tuyến",
        "Tiếp nhận hồ sơ",
        "Yêu cầu bổ sung hồ sơ",
        "Bổ sung hồ sơ",
        "Chuyển xử lý",
        "Trình lãnh đạo",
        "Phê duyệt",
        "Trả kết quả",
        "EB123456789VN",
      ]) {
        expect(slip).toContain(step);
      }
      expect(slip).toContain(`Nhận: Cán bộ một cửa (Test ${team.desk.actor.label})`);
      expect(slip).toContain(`Nhận: Chuyên viên (Test ${team.specialist.actor.label})`);
      expect(slip).toContain(`Nhận: Lãnh đạo (Test ${team.leader.actor.label})`);
      const row = (await findDossierRow(app().db, id))!;
      const receipt = await pdfText(await clients.desk.get(`/office/dossiers/${id}/receipt.pdf`));
      expect(receipt).toContain(`Mã hồ sơ: ${code}`);
      expect(receipt).toContain(APPLICANT.fullName);
      expect(receipt).toMatch(/\d{2} giờ \d{2} phút, ngày 23\/11\/2026/);
      expect(receipt).toContain(formatDate(row.dueAt!, "vi"));
      expect(receipt).toContain(`/status?code=${encodeURIComponent(code)}`);
    });

    it("prints the register of the period with the dossier in it", async () => {
      const text = await pdfText(await clients.desk.get(`/office/desk/register.pdf?commune=${GIA_PHU}&from=2026-11-01&to=2026-11-30`));
      expect(text).toContain(code);
      expect((await clients.desk.get(`/office/desk/register.pdf?commune=${GIA_PHU}&from=2026-11-31&to=2026-11-30`)).status).toBe(400);
    });

    it("answers 404 for forms that do not apply", async () => {
      for (const form of ["refusal", "apology", "stop-notice"]) expect((await clients.desk.get(`/office/dossiers/${id}/${form}.pdf`)).status, form).toBe(404);
    });
  });

  it("forwards to another agency as a step with its own deadline, listed on the page, and closes it with the answer", async () => {
    const { deps } = app();
    await moveClock("2026-11-23T09:00:00");
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive");
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.actor.userId });
    const page = await (await clients.specialist.get(`/office/dossiers/${d.id}`)).text();
    const sent = await clients.specialist.post(`/office/dossiers/${d.id}/actions/forward`, {
      version: versionOf(page, "forward"),
      toUnit: "Công an xã Gia Phú",
      agencyCode: "G01.H26.12",
      stepDays: "2",
    });
    expect(sent.status).toBe(303);
    const forwarded = await (await clients.specialist.get(`/office/dossiers/${d.id}`)).text();
    expect(forwarded).toContain('<h2 id="interagency-title">Các bước liên thông</h2>');
    expect(forwarded).toContain("Công an xã Gia Phú (G01.H26.12)");
    expect(forwarded).toContain("Đang chờ");
    // Late or not by the application's clock, not the machine's: two working days are not over yet.
    const stepsSection = (html: string) => html.slice(html.indexOf('<section aria-labelledby="interagency-title">')).split("</section>")[0]!;
    expect(stepsSection(forwarded)).not.toContain("Quá hạn");
    await moveClock("2026-11-30T09:00:00");
    expect(stepsSection(await (await clients.specialist.get(`/office/dossiers/${d.id}`)).text())).toContain("Quá hạn");
    const back = await clients.specialist.post(`/office/dossiers/${d.id}/actions/forwardReturned`, {
      version: versionOf(forwarded, "forwardReturned"),
      stepResult: "refused",
      note: "Không xác nhận được nơi cư trú",
    });
    expect(back.status).toBe(303);
    const after = await (await clients.specialist.get(`/office/dossiers/${d.id}`)).text();
    expect(after).toContain("Không đồng ý: Không xác nhận được nơi cư trú");
    const steps = await deps.db.query("SELECT result, returned_at FROM dossier_interagency_steps WHERE dossier_id = $1", [d.id]);
    expect(steps.rows).toEqual([expect.objectContaining({ result: "refused" })]);
  });

  it("tells the second of two officers acting on the same version that the dossier changed meanwhile", async () => {
    const d = await buildDossier(app().deps, team.citizen);
    const page1 = await (await clients.desk.get(`/office/dossiers/${d.id}`)).text();
    const page2 = await (await clients.desk2.get(`/office/dossiers/${d.id}`)).text();
    expect((await clients.desk.post(`/office/dossiers/${d.id}/actions/receive`, { version: versionOf(page1, "receive") })).status).toBe(303);
    const late = await clients.desk2.post(`/office/dossiers/${d.id}/actions/receive`, { version: versionOf(page2, "receive") });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain("Hồ sơ vừa được người khác thay đổi. Hãy xem lại trạng thái mới rồi thao tác lại.");
    // The fresh state, with the forms for what can be done now.
    expect(html).toContain("Đã tiếp nhận");
    expect(html).not.toContain(`/actions/receive"`);
    expect((await findDossierRow(app().db, d.id))!.state).toBe("received");
  });

  it("answers 404 to another commune's officer and to citizens, on every office page of a dossier", async () => {
    const d = await buildDossier(app().deps, team.citizen);
    const page = await (await clients.desk.get(`/office/dossiers/${d.id}`)).text();
    for (const client of [clients.other, clients.citizen]) {
      expect((await client.get(`/office/dossiers/${d.id}`)).status).toBe(404);
      expect((await client.get(`/office/dossiers/${d.id}/receipt.pdf`)).status).toBe(404);
      expect((await client.post(`/office/dossiers/${d.id}/actions/receive`, { version: versionOf(page, "receive") })).status).toBe(404);
    }
    expect((await clients.other.get(`/office/desk?commune=${GIA_PHU}`)).status).toBe(404);
    expect((await clients.citizen.get("/office/desk")).status).toBe(404);
    expect((await clients.other.get(`/office/desk/register.pdf?commune=${GIA_PHU}&from=2026-11-01&to=2026-11-30`)).status).toBe(404);
    expect((await findDossierRow(app().db, d.id))!.state).toBe("submitted");
    const own = await (await clients.other.get("/office/desk")).text();
    expect(own).not.toContain(d.code!);
  });

  describe("walk-in intake", () => {
    const intakeFields = async (extra: Record<string, string>) => {
      const def = (await getProcedure(app().deps, ONLINE_PROCEDURE.code)).definition;
      return {
        commune: GIA_PHU,
        procedure: ONLINE_PROCEDURE.code,
        idempotencyKey: crypto.randomUUID(),
        channel: "counter",
        ...flattenDossierValues({ applicant: APPLICANT, formData: formValuesFor(def, APPLICANT), delivery: { method: "desk" } }),
        ...extra,
      };
    };
    const scans = {
      "doc.declaration": { name: "to-khai.pdf", bytes: aPdf("to khai"), type: "application/pdf" },
      "doc.identityDocument": { name: "cccd.pdf", bytes: aPdf("cccd"), type: "application/pdf" },
    };

    it("starts with a procedure picker, then the form for the chosen procedure", async () => {
      const picker = await (await clients.desk.get(`/office/desk/intake?commune=${GIA_PHU}&q=hon nhan`)).text();
      expect(picker).toContain(`/office/desk/intake?commune=${GIA_PHU}&amp;procedure=${ONLINE_PROCEDURE.code}`);
      const form = await clients.desk.get(`/office/desk/intake?commune=${GIA_PHU}&procedure=${ONLINE_PROCEDURE.code}`);
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain('enctype="multipart/form-data"');
      expect(html).toContain('name="assistedConsent.method"');
      expect(html).toContain('name="doc.declaration"');
    });

    it("refuses an intake without the citizen's consent, naming the consent field", async () => {
      const before = (await app().db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n;
      const res = await postMultipart(clients.desk, "/office/desk/intake", await intakeFields({}), scans);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('href="#f-assistedConsent-method"');
      expect(html).toContain("Người dân đồng ý cho cán bộ nộp hộ bằng cách");
      // The choices named in words, never their stored values (signature, verbal, fingerprint).
      expect(html).toContain("Ghi nhận cách người dân đồng ý cho nộp hộ: người dân ký, đồng ý bằng lời có người làm chứng hoặc điểm chỉ");
      expect((await app().db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers")).rows[0]!.n).toBe(before);
    });

    it("files a received dossier with its scans and consent, and offers the receipt at once", async () => {
      const res = await postMultipart(
        clients.desk,
        "/office/desk/intake",
        await intakeFields({ "assistedConsent.method": "signature", channel: "post" }),
        scans,
      );
      expect(res.status).toBe(303);
      const location = res.headers.get("location")!;
      expect(location).toMatch(/^\/office\/dossiers\/[0-9a-f-]{36}$/);
      const id = location.split("/").pop()!;
      const row = (await findDossierRow(app().db, id))!;
      expect(row.state).toBe("received");
      expect(row.channel).toBe("post");
      expect(row.assistedConsent?.method).toBe("signature");
      const docs = await app().db.query("SELECT source FROM dossier_documents WHERE dossier_id = $1", [id]);
      expect(docs.rows.map((r) => r.source)).toEqual(["scan", "scan"]);
      const page = await (await clients.desk.get(location)).text();
      expect(page).toContain("Đã tiếp nhận hồ sơ. Hãy in giấy tiếp nhận và hẹn trả kết quả cho người dân.");
      expect(page).toContain(`<a class="button" href="/office/dossiers/${id}/receipt.pdf">`);
      expect(page).toContain("Người dân ký xác nhận");
      const receipt = await pdfText(await clients.desk.get(`/office/dossiers/${id}/receipt.pdf`));
      expect(receipt).toContain(row.code!);
      expect(receipt).toContain("Qua dịch vụ bưu chính công ích");
    });

    it("takes the ID card as an original seen, not scanned: provided, listed without a file, not digitised", async () => {
      const form = await (await clients.desk.get(`/office/desk/intake?commune=${GIA_PHU}&procedure=${ONLINE_PROCEDURE.code}`)).text();
      expect(form).toContain('name="seen.identityDocument"');
      const res = await postMultipart(
        clients.desk,
        "/office/desk/intake",
        await intakeFields({ "assistedConsent.method": "signature", "seen.identityDocument": "1" }),
        { "doc.declaration": scans["doc.declaration"] },
      );
      expect(res.status).toBe(303);
      const id = res.headers.get("location")!.split("/").pop()!;
      const docs = await app().db.query("SELECT requirement_key FROM dossier_documents WHERE dossier_id = $1", [id]);
      expect(docs.rows.map((r) => r.requirement_key)).toEqual(["declaration"]);
      const seen = await app().db.query("SELECT requirement_key, seen_by FROM dossier_originals_seen WHERE dossier_id = $1", [id]);
      expect(seen.rows).toEqual([{ requirement_key: "identityDocument", seen_by: team.desk.principal.userId }]);
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      expect(page).toContain("Đã xem bản chính tại quầy, không có bản điện tử");
      expect(page).toMatch(/<li>Thẻ căn cước của người yêu cầu: đã xem bản chính lúc/);
      // Only the scanned declaration has a download link.
      expect(page.match(new RegExp(`/office/dossiers/${id}/files/`, "g"))).toHaveLength(1);
      const facts = await app().db.query("SELECT digitised, original_seen FROM dossier_facts WHERE dossier_id = $1", [id]);
      expect(facts.rows[0]).toEqual({ digitised: false, original_seen: true });
    });

    it("refuses an original seen outside the counter, and records one seen when receiving an online dossier", async () => {
      const def = (await getProcedure(app().deps, ONLINE_PROCEDURE.code)).definition;
      const online = {
        idempotencyKey: crypto.randomUUID(),
        procedureCode: ONLINE_PROCEDURE.code,
        communeCode: GIA_PHU,
        applicant: APPLICANT,
        form: formValuesFor(def, APPLICANT),
        documents: [],
        originalsSeen: ["identityDocument", "declaration"],
        delivery: { method: "desk" },
        channel: "online" as const,
        intent: "submit" as const,
      };
      const refused = await fileDossier(app().deps, team.citizen, online).catch((e: unknown) => e);
      expect(refused).toMatchObject({ status: 400 });
      expect((refused as AppError).fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: "documents.identityDocument", code: "counterOnly" })]),
      );
      const d = await buildDossier(app().deps, team.citizen);
      await act(app().deps, team.desk, d.id, "receive", { originalsSeen: ["identityDocument"] });
      const seen = await app().db.query("SELECT requirement_key FROM dossier_originals_seen WHERE dossier_id = $1", [d.id]);
      expect(seen.rows).toEqual([{ requirement_key: "identityDocument" }]);
    });

    it("files for an organisation chosen on the form, names a bad tax code beside its field, and shows the organisation on the dossier", async () => {
      const org = {
        "applicant.type": "organisation",
        "applicant.organisation.name": "Công ty TNHH Gia Phú Xanh",
        "applicant.organisation.representative": "Đỗ Văn Nam",
        "assistedConsent.method": "signature",
      };
      const form = await (await clients.desk.get(`/office/desk/intake?commune=${GIA_PHU}&procedure=${ONLINE_PROCEDURE.code}`)).text();
      expect(form).toContain('name="applicant.organisation.taxCode"');
      const bad = await postMultipart(clients.desk, "/office/desk/intake", await intakeFields({ ...org, "applicant.organisation.taxCode": "123" }), scans);
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain('href="#f-applicant-organisation-taxCode"');
      expect(html).toContain("mã số thuế gồm 10 chữ số");
      const res = await postMultipart(
        clients.desk,
        "/office/desk/intake",
        await intakeFields({ ...org, "applicant.organisation.taxCode": "0101234567001" }),
        scans,
      );
      expect(res.status).toBe(303);
      const id = res.headers.get("location")!.split("/").pop()!;
      const row = (await findDossierRow(app().db, id))!;
      expect(row.applicant).toMatchObject({ type: "organisation", organisation: { taxCode: "0101234567-001" } });
      expect(row.applicantName).toBe("Công ty TNHH Gia Phú Xanh");
      const page = await (await clients.desk.get(`/office/dossiers/${id}`)).text();
      expect(page).toContain("Công ty TNHH Gia Phú Xanh · Mã số thuế 0101234567-001 · Người đại diện: Đỗ Văn Nam");
    });

    it("keeps the typed form and says why when the day's dossier numbers are used up, filing nothing", async () => {
      const filed = await buildDossier(app().deps, team.citizen);
      const [agency, day] = filed.code!.split("-");
      const date = `20${day!.slice(0, 2)}-${day!.slice(2, 4)}-${day!.slice(4, 6)}`;
      const counter = "UPDATE dossier_code_counters SET last_value = $3 WHERE agency_code = $1 AND day = $2";
      await app().db.query(counter, [agency, date, 9999]);
      try {
        const fields = await intakeFields({ "assistedConsent.method": "signature" });
        const res = await postMultipart(clients.desk, "/office/desk/intake", fields, scans);
        expect(res.status).toBe(503);
        const html = await res.text();
        expect(html).toContain("Hôm nay cơ quan đã cấp hết 9999 số hồ sơ");
        expect(html).toContain(`value="${APPLICANT.fullName}"`);
        expect((await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = $1", [fields.idempotencyKey])).rows[0]!.n).toBe(0);
      } finally {
        await app().db.query(counter, [agency, date, Number(filed.code!.slice(-4))]);
      }
    });
  });
});
