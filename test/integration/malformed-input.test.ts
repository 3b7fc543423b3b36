// Text PostgreSQL cannot store (NUL, half a surrogate pair, %-escapes that are not UTF-8) is refused at the edge
// with a 400 naming the field, on every route: never a 500, and never half-written.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { confirmPayment, SIGNATURE_HEADER, signWebhook } from "../../src/modules/payments/index.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../src/platform/http/csrf.ts";
import { json, TestClient } from "../support/client.ts";
import { verifyPhone } from "../support/citizen-factories.ts";
import { acting, buildDossier, COUNTER_PROCEDURE, ONLINE_PROCEDURE, withCatalogue } from "../support/dossier-factories.ts";
import { buildUser, buildVillage, GIA_PHU, LAO_CAI, PASSWORD } from "../support/factories.ts";
import { aPdf, aProcedureInput, anApplicant, formValuesFor } from "../support/procedure-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { storeFile } from "../../src/platform/files/file-store.ts";
import { buildNotice } from "../support/notice-factories.ts";
import { silentMp3 } from "../support/loudspeakers-factories.ts";
import { describeDb } from "../support/test-db.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { buildHousehold, buildTeam } from "../support/registry-factories.ts";
import { getProcedure } from "../../src/modules/procedures/index.ts";
import type { Role } from "../../src/platform/auth/roles.ts";
import sharp from "sharp";
import { preparePhotos, saveReportPhotos } from "../../src/modules/reports/use-cases/photo-store.ts";
import { buildCounter, buildHallService } from "../support/notice-factories.ts";
import { issueTicket } from "../../src/modules/hall/use-cases/queue-take.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";

const SECRET = "edge-webhook-secret-0123456789-abcdefghij";
const NUL = "Thôn\u0000Một";
const LONE = "Thôn\ud800Một";
/** The same two as they come in a URL or a form (a lone surrogate can only be sent as the bytes of its UTF-16 code). */
const URL_BAD = ["%00", "ab%00", "%ED%A0%80", "%C0", "%FF", "%C0%80"];
const base64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
// A PNG's first chunk starts with NUL bytes: file contents may hold them.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

type Problem = { status: number; type: string; errors?: { field: string; code: string; message: string }[] };
type Who = "officer" | "citizen" | "anonymous" | "webhook";
type Fixture = {
  village: string;
  userId: string;
  dossierId: string;
  dossierCode: string;
  paymentId: string;
  vaultItemId: string;
  /** A household of the registry (in `village`) and its second member. */
  householdId: string;
  residentId: string;
  teamId: string;
  trainingId: string;
  /** A citizen report of GIA_PHU and one of its photos (moderation routes). */
  reportId: string;
  reportPhotoId: string;
  /** A report category of GIA_PHU (its own row). */
  categoryId: string;
  /** hall/queue: a service and a counter of GIA_PHU's hall, and a ticket taken for it. */
  hallServiceId: string;
  hallCounterId: string;
  hallTicketId: string;
  // notices/loudspeakers: a station of GIA_PHU (in `village`) and one of its slots
  stationId: string;
  slotId: string;
  // notices/authoring
  /** A draft notice of GIA_PHU. */
  noticeId: string;
};
type Base = { who: Who; path: string; body?: Record<string, unknown> };
/** The citizen's verified phone: the account an officer's ID card check is for. */
const CITIZEN_PHONE = "0912000113";

// A valid request for every API write route, so that on the code before the edge check the bad string reached the
// use case and the database; a new write route fails the sweep until it is added here.
const BASES: Record<string, (f: Fixture) => Base | "file body"> = {
  "POST /api/v1/report-categories": () => ({
    who: "officer",
    path: "/api/v1/report-categories",
    body: {
      communeCode: GIA_PHU,
      code: "pothole",
      nameVi: "Ổ gà",
      nameEn: "Pothole",
      descriptionVi: "Ổ gà trên đường",
      keywords: "ổ gà,đường",
      responsibleUnit: "Công chức Địa chính",
      timeLimitDays: 5,
      attributes: [{ code: "size", datatype: "singlevaluelist", description_vi: "Kích thước", order: 1, values: [{ key: "big", name: "Lớn" }] }],
    },
  }),
  "PUT /api/v1/report-categories/{id}": (f) => ({
    who: "officer",
    path: `/api/v1/report-categories/${f.categoryId}`,
    body: { nameVi: "Đường hỏng", nameEn: "Broken road", responsibleUnit: "Công chức Địa chính", timeLimitDays: 4 },
  }),
  "PUT /api/v1/report-areas/{province}": () => ({
    who: "officer",
    path: `/api/v1/report-areas/${LAO_CAI}`,
    body: { minLat: 21.3, maxLat: 22.9, minLon: 103.5, maxLon: 105.2 },
  }),
  "DELETE /api/v1/report-areas/{province}": () => ({ who: "officer", path: `/api/v1/report-areas/${LAO_CAI}` }),
  "PUT /api/v1/skills": () => ({
    who: "officer",
    path: "/api/v1/skills",
    body: { province: "15", skills: [{ key: "vneid_level2", labelVi: "VNeID mức 2", labelEn: "VNeID level 2", sort: 10, active: true }] },
  }),
  "POST /api/v1/residents/{id}/skills": (f) => ({
    who: "officer",
    path: `/api/v1/residents/${f.userId}/skills`,
    body: { skillKey: "vneid_level2", method: "seen" },
  }),
  "PATCH /api/v1/admin-units/{code}": (f) => ({ who: "officer", path: `/api/v1/admin-units/${f.village}`, body: { name: "Thôn Mới", unitType: "Thôn" } }),
  "POST /api/v1/admin-units/{code}/villages": () => ({
    who: "officer",
    path: `/api/v1/admin-units/${GIA_PHU}/villages`,
    body: { name: "Thôn Mới", unitType: "Thôn" },
  }),
  "POST /api/v1/users/{id}/roles": (f) => ({ who: "officer", path: `/api/v1/users/${f.userId}/roles`, body: { role: "volunteer", adminUnitCode: GIA_PHU } }),
  "PUT /api/v1/me/profile": () => ({ who: "citizen", path: "/api/v1/me/profile", body: { ...anApplicant(), email: "nam@example.vn" } }),
  "POST /api/v1/me/vault": () => ({
    who: "citizen",
    path: "/api/v1/me/vault",
    body: { title: "Căn cước", documentType: "identityDocument", name: "cccd.pdf", content: base64(aPdf()) },
  }),
  "DELETE /api/v1/me/vault/{id}": (f) => ({ who: "citizen", path: `/api/v1/me/vault/${f.vaultItemId}` }),
  "POST /api/v1/auth/phone/code": () => ({ who: "anonymous", path: "/api/v1/auth/phone/code", body: { phone: "0912000111" } }),
  "POST /api/v1/me/phone/code": () => ({ who: "citizen", path: "/api/v1/me/phone/code", body: { phone: "0912000112" } }),
  "POST /api/v1/me/phone/verify": () => ({ who: "citizen", path: "/api/v1/me/phone/verify", body: { phone: "0912000112", code: "123456" } }),
  "POST /api/v1/auth/phone/verify": () => ({ who: "anonymous", path: "/api/v1/auth/phone/verify", body: { phone: "0912000111", code: "123456" } }),
  "POST /api/v1/citizens/id-card-checks": () => ({
    who: "officer",
    path: "/api/v1/citizens/id-card-checks",
    body: { adminUnitCode: GIA_PHU, phone: CITIZEN_PHONE, citizenIdNumber: "010090001234" },
  }),
  "PUT /api/v1/calendar/days/{day}": () => ({ who: "officer", path: "/api/v1/calendar/days/2026-12-01", body: { kind: "off", name: "Nghỉ bù" } }),
  "DELETE /api/v1/calendar/days/{day}": () => ({ who: "officer", path: "/api/v1/calendar/days/2026-12-01" }),
  "POST /api/v1/procedures/import": () => "file body",
  "PUT /api/v1/procedures/{code}": () => ({ who: "officer", path: "/api/v1/procedures/8.900001", body: aProcedureInput({ code: "8.900001" }) }),
  "POST /api/v1/procedures/{code}/active": () => ({ who: "officer", path: `/api/v1/procedures/${ONLINE_PROCEDURE.code}/active`, body: { active: true } }),
  "POST /api/v1/files": () => ({ who: "citizen", path: "/api/v1/files", body: { name: "to-khai.pdf", contentBase64: base64(aPdf()) } }),
  "POST /api/v1/dossiers": () => ({
    who: "citizen",
    path: "/api/v1/dossiers",
    body: {
      procedureCode: ONLINE_PROCEDURE.code,
      communeCode: GIA_PHU,
      applicant: anApplicant(),
      form: { purpose: "Kết hôn" },
      documents: [],
      delivery: { method: "post", address: "Thôn Phú Hà" },
      channel: "online",
      intent: "draft",
    },
  }),
  "POST /api/v1/dossiers/{id}/actions/{action}": (f) => ({
    who: "officer",
    path: `/api/v1/dossiers/${f.dossierId}/actions/requestSupplement`,
    body: { version: 1, items: [{ label: "Bản sao giấy khai sinh", reason: "Chưa có trong hồ sơ" }], note: "Bổ sung" },
  }),
  "POST /api/v1/status": (f) => ({ who: "anonymous", path: "/api/v1/status", body: { code: f.dossierCode, last4: "5678" } }),
  "PUT /api/v1/communes/{code}/settings": () => ({
    who: "officer",
    path: `/api/v1/communes/${GIA_PHU}/settings`,
    body: { agencyCode: "000.29.23.H39", deskAddress: "UBND xã", bankBin: "970436", accountNumber: "0123456789", accountName: "UBND XA GIA PHU" },
  }),
  "POST /api/v1/dossiers/{id}/payment/confirm": (f) => ({
    who: "officer",
    path: `/api/v1/dossiers/${f.dossierId}/payment/confirm`,
    body: { method: "cash", note: "Thu tại quầy" },
  }),
  "POST /api/v1/dossiers/{id}/payment/exempt": (f) => ({
    who: "officer",
    path: `/api/v1/dossiers/${f.dossierId}/payment/exempt`,
    body: { reason: "Hộ nghèo" },
  }),
  "POST /api/v1/payments/{id}/refund": (f) => ({ who: "officer", path: `/api/v1/payments/${f.paymentId}/refund`, body: { reason: "Thu nhầm" } }),
  // Enter once: the edge refuses bad text before any link is looked up, so made-up ids do.
  "POST /api/v1/me/household/link/{linkId}": () => ({
    who: "citizen",
    path: "/api/v1/me/household/link/6f1c2f3e-0000-4000-8000-000000000001",
    body: { decision: "confirm" },
  }),
  "POST /api/v1/residents/{id}/link": () => ({
    who: "officer",
    path: "/api/v1/residents/6f1c2f3e-0000-4000-8000-000000000002/link",
    body: { linkId: "6f1c2f3e-0000-4000-8000-000000000003", decision: "confirm" },
  }),
  "POST /api/v1/field/photos": () => "file body",
  // Citizen reports: a report (no such category here: the use case answers 400 too, after the edge), "tôi cũng gặp",
  // and the reporter's confirm and reopen by the private link's secret.
  "POST /api/v1/reports": (f) => ({
    who: "anonymous",
    path: "/api/v1/reports",
    body: {
      communeCode: GIA_PHU,
      categoryCode: "road",
      description: "Ổ gà",
      villageCode: f.village,
      landmark: "Cầu",
      contact: { name: "Mai", phone: "0912000150", email: "mai@example.vn" },
    },
  }),
  "POST /api/v1/reports/{code}/support": () => ({
    who: "anonymous",
    path: "/api/v1/reports/PA-XXXXXX/support",
    body: { browserKey: "browser-key-0123456789" },
  }),
  "POST /api/v1/reports/{code}/confirm": () => ({ who: "anonymous", path: "/api/v1/reports/PA-XXXXXX/confirm", body: { token: "A".repeat(24) } }),
  "POST /api/v1/reports/{code}/reopen": () => ({ who: "anonymous", path: "/api/v1/reports/PA-XXXXXX/reopen", body: { token: "A".repeat(24), reason: "Chưa" } }),
  "POST /api/v1/field/sync": () => ({
    who: "officer",
    path: "/api/v1/field/sync",
    body: {
      batchId: "7d4b1c2e-9a1f-4c3b-8e2d-1f0a9b8c7d6e",
      items: [
        {
          itemId: "0e8f7a6b-5c4d-4e3f-9a2b-1c0d9e8f7a6b",
          kind: "visit",
          visit: {
            id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            householdId: "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
            visitedOn: "2026-11-20",
            outcome: "helped",
            notes: "Đã hướng dẫn",
            recordedAt: "2026-11-20T09:00:00+07:00",
          },
        },
      ],
    },
  }),
  "POST /api/v1/registry/imports": () => "file body",
  // An id no import has: the edge answers before the use case would say 404.
  "POST /api/v1/registry/imports/{id}/commit": (f) => ({
    who: "officer",
    path: `/api/v1/registry/imports/${f.dossierId}/commit`,
    body: { decisions: [{ row: 2, action: "skip" }] },
  }),
  "POST /api/v1/payments/webhook": (f) => ({
    who: "webhook",
    path: "/api/v1/payments/webhook",
    body: { dossierCode: f.dossierCode, amount: 2000, gatewayRef: "PAY-1", paidAt: "2026-11-23T09:00:00+07:00" },
  }),
  "POST /api/v1/households": (f) => ({
    who: "officer",
    path: "/api/v1/households",
    body: {
      villageCode: f.village,
      address: "Số 4, Thôn Mới",
      poverty: "poor",
      members: [
        {
          fullName: "Lường Văn Pả",
          birthDate: "1970-01-02",
          sex: "male",
          phone: "0912000115",
          ethnicity: "Thái",
          language: "Tiếng Thái",
          flags: ["no_smartphone"],
        },
      ],
    },
  }),
  "PATCH /api/v1/households/{id}": (f) => ({
    who: "officer",
    path: `/api/v1/households/${f.householdId}`,
    body: { version: 1, address: "Số 5", villageCode: f.village },
  }),
  "POST /api/v1/households/{id}/head": (f) => ({
    who: "officer",
    path: `/api/v1/households/${f.householdId}/head`,
    body: { version: 1, residentId: f.residentId, formerHeadRelation: "parent" },
  }),
  "POST /api/v1/households/{id}/residents": (f) => ({
    who: "officer",
    path: `/api/v1/households/${f.householdId}/residents`,
    body: { fullName: "Lường Thị Ón", birthYear: 2001, relationToHead: "child" },
  }),
  "PATCH /api/v1/residents/{id}": (f) => ({
    who: "officer",
    path: `/api/v1/residents/${f.residentId}`,
    body: { version: 1, fullName: "Lường Văn Ón", phone: "0912000116" },
  }),
  "POST /api/v1/residents/{id}/move": (f) => ({
    who: "officer",
    path: `/api/v1/residents/${f.residentId}/move`,
    body: { version: 1, kind: "newHousehold", toVillageCode: f.village, address: "Số 6", reason: "Ra ở riêng" },
  }),
  "POST /api/v1/residents/{id}/archive": (f) => ({ who: "officer", path: `/api/v1/residents/${f.residentId}/archive`, body: { version: 1, reason: "died" } }),
  "POST /api/v1/teams": (f) => ({ who: "officer", path: "/api/v1/teams", body: { name: "Tổ CNSCĐ", unitCode: f.village, leaderUserId: f.userId } }),
  "PATCH /api/v1/teams/{id}": (f) => ({ who: "officer", path: `/api/v1/teams/${f.teamId}`, body: { name: "Tổ mới", leaderUserId: null } }),
  "DELETE /api/v1/teams/{id}": (f) => ({ who: "officer", path: `/api/v1/teams/${f.teamId}` }),
  "POST /api/v1/teams/{id}/members": (f) => ({ who: "officer", path: `/api/v1/teams/${f.teamId}/members`, body: { userId: f.userId } }),
  "POST /api/v1/teams/{id}/volunteers": (f) => ({
    who: "officer",
    path: `/api/v1/teams/${f.teamId}/volunteers`,
    body: { username: "tnv.moi", displayName: "Lò Văn Mới", phone: "0912000199", password: "mat-khau-dai-du", role: "volunteer" },
  }),
  "DELETE /api/v1/teams/{id}/members/{userId}": (f) => ({ who: "officer", path: `/api/v1/teams/${f.teamId}/members/${f.userId}` }),
  "POST /api/v1/assignments": (f) => ({
    who: "officer",
    path: "/api/v1/assignments",
    body: { teamId: f.teamId, memberUserId: f.userId, householdIds: [f.householdId] },
  }),
  "DELETE /api/v1/assignments/{householdId}": (f) => ({ who: "officer", path: `/api/v1/assignments/${f.householdId}` }),
  "POST /api/v1/open311-clients": () => ({
    who: "officer",
    path: "/api/v1/open311-clients",
    body: { name: "Ứng dụng tỉnh", contact: "cntt", unitCode: GIA_PHU },
  }),
  "POST /api/v1/open311-clients/{id}/revoke": () => ({ who: "officer", path: "/api/v1/open311-clients/00000000-0000-4000-8000-000000000311/revoke", body: {} }),
  "POST /api/v1/campaigns": () => ({
    who: "officer",
    path: "/api/v1/campaigns",
    body: {
      name: "69 ngày VNeID",
      unitCode: GIA_PHU,
      skillKey: "vneid_level2",
      measure: "adults",
      targetPercent: 80,
      startsOn: "2026-11-20",
      endsOn: "2026-12-31",
    },
  }),
  "POST /api/v1/trainings": (f) => ({
    who: "officer",
    path: "/api/v1/trainings",
    body: { unitCode: f.village, heldOn: "2026-11-22", place: "Nhà văn hoá", topic: "VNeID", trainer: "Cán bộ xã", skillKeys: ["vneid_level2"] },
  }),
  "POST /api/v1/trainings/{id}/attendees": (f) => ({
    who: "officer",
    path: `/api/v1/trainings/${f.trainingId}/attendees`,
    body: { residentIds: [f.dossierId], confirmSkills: "none" },
  }),
  "POST /api/v1/trainings/{id}/materials": () => "file body",
  "POST /api/v1/reports/{id}/actions/{action}": (f) => ({
    who: "officer",
    path: `/api/v1/reports/${f.reportId}/actions/resolve`,
    body: { version: 1, answer: "Đã vá ổ gà", note: "Đội công trình", photos: [{ name: "sau.png", contentBase64: base64(PNG) }] },
  }),
  "POST /api/v1/reports/{id}/hide": (f) => ({ who: "officer", path: `/api/v1/reports/${f.reportId}/hide`, body: { reason: "Có số điện thoại" } }),
  "POST /api/v1/reports/{id}/unhide": (f) => ({ who: "officer", path: `/api/v1/reports/${f.reportId}/unhide`, body: { reason: "Đã xem lại" } }),
  "POST /api/v1/report-photos/{id}/hide": (f) => ({ who: "officer", path: `/api/v1/report-photos/${f.reportPhotoId}/hide`, body: { reason: "Có khuôn mặt" } }),
  "POST /api/v1/report-photos/{id}/unhide": (f) => ({
    who: "officer",
    path: `/api/v1/report-photos/${f.reportPhotoId}/unhide`,
    body: { reason: "Đã xem lại" },
  }),
  // notices/preferences: the citizen's own choice, the desk's record, the SMS gateway's message (refused at the edge
  // before its signature is read).
  "PUT /api/v1/me/notice-preferences": () => ({
    who: "citizen",
    path: "/api/v1/me/notice-preferences",
    body: { sms: true, zalo: false, email: true, categoriesOff: ["events"] },
  }),
  "PUT /api/v1/notice-preferences": () => ({
    who: "officer",
    path: "/api/v1/notice-preferences",
    body: { phone: "0912000120", sms: false, zalo: false, email: true, categoriesOff: [], method: "desk", note: "Đồng ý miệng" },
  }),
  "POST /api/v1/sms/inbound": () => ({
    who: "anonymous",
    path: "/api/v1/sms/inbound",
    body: { from: "0912000121", text: "STOP", id: "gw-edge-1", at: "2026-11-23T10:00:00+07:00" },
  }),
  // notices/channels: the delivery callbacks (refused at the edge before their signature is read) and the settings.
  "POST /api/v1/notices/delivery-reports/sms": () => ({
    who: "anonymous",
    path: "/api/v1/notices/delivery-reports/sms",
    body: { id: "gw-1", status: "failed", error: "Thuê bao không liên lạc được", at: "2026-11-23T09:00:00+07:00" },
  }),
  "POST /api/v1/notices/delivery-reports/zalo": () => ({
    who: "anonymous",
    path: "/api/v1/notices/delivery-reports/zalo",
    body: {
      app_id: "4291763606161179100",
      event_name: "user_received_message",
      oa_id: "579745863508352884",
      sender: { id: "579745863508352884" },
      recipient: { id: "8715200117183829" },
      message: { msg_id: "abc", delivery_time: "1795402800123", tracking_id: "1" },
      timestamp: "1795402800123",
    },
  }),
  "PUT /api/v1/notices/channels/zalo": () => ({
    who: "officer",
    path: `/api/v1/notices/channels/zalo?unit=${GIA_PHU}`,
    body: {
      appId: "1",
      oaId: "2",
      templateId: "3",
      templateParams: { tieu_de: "title" },
      appSecret: "x-secret-1",
      accessToken: "x-token-01",
      oaSecretKey: "x-secret-2",
    },
  }),
  "DELETE /api/v1/notices/channels/zalo": () => ({ who: "officer", path: `/api/v1/notices/channels/zalo?unit=${GIA_PHU}` }),
  "POST /api/v1/notices/channels/zalo/test": () => ({
    who: "officer",
    path: `/api/v1/notices/channels/zalo/test?unit=${GIA_PHU}`,
    body: { phone: "Số 0912345678" },
  }),
  // indicators/sets: a province's new version of a set (the export's format) and the targets of one indicator.
  "POST /api/v1/indicators/sets/import": () => ({ who: "officer", path: "/api/v1/indicators/sets/import", body: { set: { key: "x-set" }, note: "Bản tỉnh" } }),
  "PUT /api/v1/indicators/sets/{key}/targets": () => ({
    who: "officer",
    path: "/api/v1/indicators/sets/digital-society/targets",
    body: { indicator: "visits", year: 2026, targets: [{ unit: GIA_PHU, target: 10 }] },
  }),
  // indicators/entry
  "PUT /api/v1/indicators/entry/{unit}/{period}": () => ({
    who: "officer",
    path: `/api/v1/indicators/entry/${GIA_PHU}/2026-10`,
    body: { values: { training_sessions: { value: "3", note: "Hai buổi" } }, removeEvidence: [] },
  }),
  "POST /api/v1/indicators/entry/{unit}/{period}/submit": () => ({ who: "officer", path: `/api/v1/indicators/entry/${GIA_PHU}/2026-10/submit` }),
  "POST /api/v1/indicators/review": () => ({
    who: "officer",
    path: "/api/v1/indicators/review",
    body: { decision: "return", comment: "Thiếu minh chứng", ids: ["00000000-0000-4000-8000-000000000000"], unit: GIA_PHU, period: "2026-10" },
  }),
  "POST /api/v1/indicators/values/{id}/reopen": () => ({
    who: "officer",
    path: "/api/v1/indicators/values/00000000-0000-4000-8000-000000000000/reopen",
    body: { reason: "Đếm nhầm" },
  }),
  // hall/queue
  "POST /api/v1/hall/{commune}/services": () => ({
    who: "officer",
    path: `/api/v1/hall/${GIA_PHU}/services`,
    body: { letter: "E", nameVi: "Đất đai", nameEn: "Land", procedureFields: ["land"] },
  }),
  "POST /api/v1/hall/{commune}/counters": (f) => ({
    who: "officer",
    path: `/api/v1/hall/${GIA_PHU}/counters`,
    body: { number: 5, name: "Quầy 5", serviceIds: [f.hallServiceId] },
  }),
  "POST /api/v1/hall/{commune}/tickets": (f) => ({
    who: "officer",
    path: `/api/v1/hall/${GIA_PHU}/tickets`,
    body: { serviceId: f.hallServiceId, requestToken: "edge-token-0123456789", phone: "0912000114" },
  }),
  "POST /api/v1/hall/counters/{id}/sit": (f) => ({ who: "officer", path: `/api/v1/hall/counters/${f.hallCounterId}/sit` }),
  "POST /api/v1/hall/counters/{id}/call-next": (f) => ({ who: "officer", path: `/api/v1/hall/counters/${f.hallCounterId}/call-next` }),
  "POST /api/v1/hall/tickets/{id}/recall": (f) => ({ who: "officer", path: `/api/v1/hall/tickets/${f.hallTicketId}/recall`, body: { version: 1 } }),
  "POST /api/v1/hall/tickets/{id}/serve": (f) => ({ who: "officer", path: `/api/v1/hall/tickets/${f.hallTicketId}/serve`, body: { version: 1 } }),
  "POST /api/v1/hall/tickets/{id}/done": (f) => ({ who: "officer", path: `/api/v1/hall/tickets/${f.hallTicketId}/done`, body: { version: 1 } }),
  "POST /api/v1/hall/tickets/{id}/no-show": (f) => ({ who: "officer", path: `/api/v1/hall/tickets/${f.hallTicketId}/no-show`, body: { version: 1 } }),
  "POST /api/v1/hall/tickets/{id}/dossier": (f) => ({
    who: "officer",
    path: `/api/v1/hall/tickets/${f.hallTicketId}/dossier`,
    body: { version: 1, dossierCode: f.dossierCode },
  }),
  // notices/loudspeakers: slots come as multipart with their audio; plays come from the station's player (its key)
  "POST /api/v1/radio-stations": (f) => ({ who: "officer", path: "/api/v1/radio-stations", body: { villageCode: f.village, name: "Trạm thôn" } }),
  "PATCH /api/v1/radio-stations/{id}": (f) => ({ who: "officer", path: `/api/v1/radio-stations/${f.stationId}`, body: { name: "Trạm mới" } }),
  "POST /api/v1/radio-stations/{id}/key": (f) => ({ who: "officer", path: `/api/v1/radio-stations/${f.stationId}/key`, body: {} }),
  "POST /api/v1/radio-stations/{id}/slots": () => "file body",
  "PUT /api/v1/radio-stations/{id}/slots/{slotId}": () => "file body",
  "DELETE /api/v1/radio-stations/{id}/slots/{slotId}": (f) => ({ who: "officer", path: `/api/v1/radio-stations/${f.stationId}/slots/${f.slotId}`, body: {} }),
  "POST /api/v1/radio-stations/{id}/plays": (f) => ({
    who: "anonymous",
    path: `/api/v1/radio-stations/${f.stationId}/plays`,
    body: { plays: [{ slotId: f.slotId, startedAt: "2026-11-23T18:00:00+07:00", status: "played" }] },
  }),
  // notices/audiences
  "POST /api/v1/notices/audience-preview": (f) => ({
    who: "officer",
    path: "/api/v1/notices/audience-preview",
    body: { unitCode: GIA_PHU, category: "health", scope: "villages", villageCodes: [f.village], channels: ["web", "sms"], smsText: "Lich tiem chung" },
  }),
  // notices/authoring
  "POST /api/v1/notices": () => ({
    who: "officer",
    path: "/api/v1/notices",
    body: {
      unitCode: GIA_PHU,
      category: "events",
      title: "Hội chợ",
      body: "Hội chợ nông sản ngày 20/12/2026.",
      scope: "commune",
      validFrom: "2026-12-01",
      channels: ["sms"],
      audience: { list: ["0912345678"] },
      smsText: "Hoi cho",
      speechText: "Hội chợ",
    },
  }),
  "PUT /api/v1/notices/{id}": (f) => ({
    who: "officer",
    path: `/api/v1/notices/${f.noticeId}`,
    body: { version: 1, unitCode: GIA_PHU, category: "events", title: "Hội chợ", body: "Hội chợ.", scope: "commune", validFrom: "2026-12-01" },
  }),
  "POST /api/v1/notices/{id}/submit": (f) => ({ who: "officer", path: `/api/v1/notices/${f.noticeId}/submit`, body: { version: 1 } }),
  "POST /api/v1/notices/{id}/approve": (f) => ({
    who: "officer",
    path: `/api/v1/notices/${f.noticeId}/approve`,
    body: { version: 1, scheduledAt: "2026-12-20T07:30:00+07:00" },
  }),
  "POST /api/v1/notices/{id}/send-back": (f) => ({ who: "officer", path: `/api/v1/notices/${f.noticeId}/send-back`, body: { version: 1, note: "Sửa" } }),
  "POST /api/v1/notices/{id}/publish": (f) => ({ who: "officer", path: `/api/v1/notices/${f.noticeId}/publish`, body: { version: 1 } }),
  "POST /api/v1/notices/{id}/withdraw": (f) => ({
    who: "officer",
    path: `/api/v1/notices/${f.noticeId}/withdraw`,
    body: { version: 1, reason: "Sai", correction: "Đúng là ngày 21/12." },
  }),
  // hall/joinup
  "POST /api/v1/hall/{commune}/bookings": (f) => ({
    who: "anonymous",
    path: `/api/v1/hall/${GIA_PHU}/bookings`,
    body: { serviceId: f.hallServiceId, slotStart: "2026-12-07T01:00:00.000Z", phone: "0912000115" },
  }),
};

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** Every path to a string in a request schema (arrays as their first item, open objects as a key "extra"). */
function stringPaths(doc: OpenApi, schema: Schema, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 8) return [];
  if (schema.$ref) return stringPaths(doc, doc.components.schemas[schema.$ref.split("/").pop()!]!, prefix, depth + 1);
  const out: string[][] = [];
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) out.push(...stringPaths(doc, part, prefix, depth + 1));
  const types = [schema.type ?? []].flat();
  if (types.includes("string")) out.push(prefix);
  for (const [k, s] of Object.entries(schema.properties ?? {})) out.push(...stringPaths(doc, s, [...prefix, k], depth + 1));
  if (schema.items) out.push(...stringPaths(doc, schema.items, [...prefix, "0"], depth + 1));
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") out.push([...prefix, "extra"]);
  const unique = new Map(out.map((p) => [p.join("."), p]));
  return [...unique.values()];
}

/** A copy of body with value at path (creating what is missing on the way). */
function withValue(body: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> | unknown[] = copy;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    const slot = node as Record<string, unknown>;
    if (last) slot[key] = value;
    else {
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      const existing = slot[key];
      if (existing === null || typeof existing !== "object") slot[key] = nextIsIndex ? [{}] : {};
      else if (nextIsIndex && Array.isArray(existing) && existing.length === 0) existing.push({});
      node = slot[key] as Record<string, unknown>;
    }
  });
  return copy;
}

describeDb("malformed text at the edge", () => {
  let t: TestApp;
  let officer: TestClient;
  let citizen: TestClient;
  let f: Fixture;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await buildTestApp({ env: { PAYMENT_WEBHOOK_SECRET: SECRET } });
    await withCatalogue(t.deps);
    // One officer holding every role the write routes ask for, so that each request gets past authorisation.
    const roles: [Role, string][] = [
      ["system_admin", LAO_CAI],
      ["commune_admin", GIA_PHU],
      ["one_stop_officer", GIA_PHU],
      ["specialist", GIA_PHU],
      ["leader", GIA_PHU],
    ];
    const boss = await buildUser(t.deps, { roles });
    officer = new TestClient(t.app);
    await officer.signIn(boss.username, PASSWORD);
    const person = await buildUser(t.deps, { kind: "citizen", roles: [["citizen", GIA_PHU]] });
    citizen = new TestClient(t.app);
    await citizen.signIn(person.username, PASSWORD);
    await verifyPhone(t.deps, await acting(t.deps, person), CITIZEN_PHONE);

    const desk = await acting(t.deps, boss);
    const online = await buildDossier(t.deps, await acting(t.deps, person));
    const counter = await buildDossier(t.deps, desk, { channel: "counter", procedure: COUNTER_PROCEDURE.code });
    const payment = await confirmPayment(t.deps, desk, counter.id, { method: "cash" });
    const vault = await citizen.request("/api/v1/me/vault", {
      ...json({ title: "Căn cước", name: "cccd.pdf", content: base64(aPdf()) }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: citizen.csrfToken },
    });
    const village = (await buildVillage(t.deps, GIA_PHU)).code;
    const household = await buildHousehold(t.deps, { villageCode: village, members: [{}, {}] });
    const volunteerId = (await buildUser(t.deps, { roles: [["volunteer", GIA_PHU]] })).id;
    const training = await t.db.query<{ id: string }>(
      `INSERT INTO trainings (commune_code, unit_path, held_on, place, topic, trainer) SELECT parent_code, path, '2026-11-22', 'Nhà văn hoá', 'VNeID', 'Cán bộ xã'
       FROM admin_units WHERE code = $1 RETURNING id`,
      [village],
    );
    const reportCategory = await buildReportCategory(t.deps);
    const report = await buildReport(t.deps, { categoryId: reportCategory.id, status: "in_progress" });
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
        .jpeg()
        .toBuffer(),
    );
    const [reportPhoto] = await t.db.tx(async (q) =>
      saveReportPhotos(q, {
        reportId: report.id,
        communeCode: GIA_PHU,
        stage: "report",
        photos: await preparePhotos([{ name: "anh.jpg", claimedType: "image/jpeg", bytes: jpeg }]),
        actorUserId: null,
        quota: null,
      }),
    );
    f = {
      reportId: report.id,
      reportPhotoId: reportPhoto!.id,
      householdId: household.id,
      residentId: household.residentIds[1]!,
      village,
      userId: volunteerId,
      teamId: (await buildTeam(t.deps, { villageCode: village, memberUserIds: [volunteerId] })).id,
      trainingId: training.rows[0]!.id,
      categoryId: (await buildReportCategory(t.deps, { code: "road" })).id,
      dossierId: online.id,
      dossierCode: counter.code!,
      paymentId: payment.id,
      vaultItemId: ((await vault.json()) as { id: string }).id,
      ...(await hallFixture()),
      ...(await loudspeakerStation(t, village)),
      noticeId: (await buildNotice(t.deps, { status: "draft" })).id,
    };
    doc = (await (await t.app.request("/api/openapi.json")).json()) as OpenApi;
  });
  afterAll(() => t.close());

  // hall/queue: a service, a counter calling it and a ticket of GIA_PHU.
  async function hallFixture() {
    const service = await buildHallService(t.deps);
    const counter = await buildCounter(t.deps, { serviceIds: [service.id] });
    const ticket = await t.db.tx((q) =>
      issueTicket(q, t.deps, {
        communeCode: GIA_PHU,
        serviceId: service.id,
        source: "desk",
        day: toLocalDay(t.clock.now()),
        actor: SYSTEM_ACTOR,
        requestId: null,
      }),
    );
    return { hallServiceId: service.id, hallCounterId: counter.id, hallTicketId: ticket };
  }

  /** Sends a request as the caller a route needs (cookie session with its CSRF header, or a signed webhook). */
  const send = (who: Who, method: string, path: string, raw?: string) => {
    const headers: Record<string, string> = raw === undefined ? {} : { "content-type": "application/json" };
    if (who === "webhook" && raw !== undefined) headers[SIGNATURE_HEADER] = signWebhook(SECRET, raw, t.clock.now());
    const init = { method, headers, ...(raw === undefined ? {} : { body: raw }) };
    if (who === "officer") return officer.request(path, { ...init, headers: { ...headers, [CSRF_HEADER]: officer.csrfToken } });
    if (who === "citizen") return citizen.request(path, { ...init, headers: { ...headers, [CSRF_HEADER]: citizen.csrfToken } });
    return t.app.request(path, init);
  };
  const problemOf = async (res: Response) => (await res.json()) as Problem;
  const badFields = async (res: Response) => ((await problemOf(res)).errors ?? []).map((e) => e.field);

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
    );

  it("sweeps every string field, key and path parameter of every API write route: 400 naming the field, never a 5xx", async () => {
    const writes = operations().filter((o) => o.method !== "get");
    expect(writes.filter((o) => !(o.key in BASES)).map((o) => o.key)).toEqual([]);
    const failures: string[] = [];
    let sent = 0;
    const expectBad = async (label: string, res: Response, field: string) => {
      sent++;
      const body = res.headers.get("content-type")?.includes("json") ? await problemOf(res) : null;
      if (res.status !== 400 || !body?.errors?.some((e) => e.field === field && e.code === "bad_text")) {
        failures.push(`${label} → ${res.status} ${JSON.stringify(body?.errors ?? body)}`);
      }
    };
    for (const w of writes) {
      const base = BASES[w.key]!(f);
      if (base === "file body") continue;
      const method = w.method.toUpperCase();
      const schema = w.op.requestBody?.content["application/json"]?.schema;
      if (schema && base.body) {
        for (const path of stringPaths(doc, schema)) {
          for (const [name, bad] of [
            ["NUL", NUL],
            ["lone surrogate", LONE],
          ]) {
            const raw = JSON.stringify(withValue(base.body, path, bad!));
            await expectBad(`${w.key} ${path.join(".")} (${name})`, await send(base.who, method, base.path, raw), path.join("."));
          }
        }
        const badKey = JSON.stringify({ ...base.body, "a\u0000b": "x" });
        await expectBad(`${w.key} key with NUL`, await send(base.who, method, base.path, badKey), "a\uFFFDb");
      }
      for (const p of (w.op.parameters ?? []).filter((x) => x.in === "path")) {
        const segment = base.path.split("/").findIndex((_, i) => w.path.split("/")[i] === `{${p.name}}`);
        for (const bad of ["%00", "%ED%A0%80"]) {
          const parts = base.path.split("/");
          parts[segment] = `x${bad}`;
          const raw = base.body ? JSON.stringify(base.body) : undefined;
          await expectBad(`${w.key} path ${p.name}=${bad}`, await send(base.who, method, parts.join("/"), raw), "path");
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(150);
  });

  it("sweeps every query and path parameter of every API read route the same way", async () => {
    const reads = operations().filter((o) => o.method === "get" && (o.op.parameters ?? []).length > 0);
    const failures: string[] = [];
    for (const r of reads) {
      const concrete = r.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "code" ? GIA_PHU : name === "year" ? "2026" : f.dossierId));
      for (const p of r.op.parameters ?? []) {
        for (const bad of URL_BAD) {
          const url = p.in === "query" ? `${concrete}?${p.name}=${bad}` : r.path.replace(`{${p.name}}`, `x${bad}`).replace(/\{(\w+)\}/g, GIA_PHU);
          const res = await send("officer", "GET", url);
          const want = p.in === "query" ? p.name : "path";
          if (res.status !== 400 || !(await badFields(res)).includes(want)) failures.push(`${r.key} ${p.in} ${p.name}=${bad} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers the public status look-up, as a page and through the API, with a 400 naming the code", async () => {
    const visitor = new TestClient(t.app);
    const page = await visitor.post("/status", { code: `${f.dossierCode}\u0000`, last4: "5678" });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Trường “code”: chứa ký tự không được chấp nhận");
    // A browser cannot send a lone surrogate in a form; its UTF-16 code written as bytes is what arrives.
    const bytes = await visitor.request("/status", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `code=${encodeURIComponent(f.dossierCode)}%ED%A0%80&last4=5678&${CSRF_FIELD}=${visitor.csrfToken}`,
    });
    expect(bytes.status).toBe(400);
    expect(await bytes.text()).toContain("Trường “code”");
    const link = await visitor.get("/status?code=%00");
    expect(link.status).toBe(400);

    for (const code of [`${f.dossierCode}\u0000`, `${f.dossierCode}\ud800`]) {
      const res = await t.app.request("/api/v1/status", json({ code, last4: "5678" }, { "accept-language": "en" }));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await problemOf(res)).toMatchObject({
        status: 400,
        type: "/docs/problems#validation",
        errors: [{ field: "code", code: "bad_text", message: expect.stringContaining("Field “code”: contains characters that cannot be accepted") }],
      });
    }
  });

  it("answers a search of the users list with a NUL, in the office and the API, with a 400 naming q", async () => {
    const page = await officer.get("/office/users?q=%00");
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Trường “q”");
    const api = await send("officer", "GET", "/api/v1/users?q=ab%00cd");
    expect(api.status).toBe(400);
    expect(await badFields(api)).toEqual(["q"]);
    expect((await officer.get("/office/users?q=100%")).status).toBe(200);
  });

  it("refuses a form post with a valid CSRF token and a NUL, and writes nothing", async () => {
    const count = async () => (await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [GIA_PHU])).rows[0]!.n as number;
    const before = await count();
    const res = await officer.post(`/units/${GIA_PHU}/villages`, { name: NUL, unitType: "Thôn" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Trường “name”");
    const encoded = await officer.request(`/units/${GIA_PHU}/villages`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `name=Th%C3%B4n%FF&unitType=Th%C3%B4n&${CSRF_FIELD}=${officer.csrfToken}`,
    });
    expect(encoded.status).toBe(400);
    expect(await count()).toBe(before);
    const fine = await officer.post(`/units/${GIA_PHU}/villages`, { name: "Thôn 100% mới 🌾", unitType: "Thôn" });
    expect(fine.status).toBe(303);
    expect(await count()).toBe(before + 1);
  });

  it("checks a multipart form's text fields and file names but not its file contents, and answers a broken one with a 400", async () => {
    const upload = (fields: Record<string, string>, name: string, bytes: Uint8Array) => {
      const form = new FormData();
      form.set(CSRF_FIELD, citizen.csrfToken);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set("file", new File([new Uint8Array(bytes)], name, { type: "image/png" }));
      return citizen.request("/me/vault", { method: "POST", body: form });
    };
    expect((await upload({ title: "Ảnh thẻ" }, "anh.png", PNG)).status).toBe(303);
    const badTitle = await upload({ title: NUL }, "anh.png", PNG);
    expect(badTitle.status).toBe(400);
    expect(await badTitle.text()).toContain("Trường “title”");
    const badName = await upload({ title: "Ảnh thẻ" }, "a\u0000nh.png", PNG);
    expect(badName.status).toBe(400);
    expect(await badName.text()).toContain("Trường “file”");
    const broken = await citizen.request("/me/vault", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: "--xyz\r\nnot a part",
    });
    expect(broken.status).toBe(400);
  });

  it("answers the payment webhook with NUL or a lone surrogate, correctly signed, with a 400 and still reads the raw body", async () => {
    const post = (notice: Record<string, unknown>) => send("webhook", "POST", "/api/v1/payments/webhook", JSON.stringify(notice));
    const notice = { dossierCode: f.dossierCode, amount: 2000, gatewayRef: "PAY-EDGE", paidAt: "2026-11-23T09:00:00+07:00" };
    for (const bad of [NUL, LONE]) {
      const res = await post({ ...notice, dossierCode: bad });
      expect(res.status).toBe(400);
      expect(await badFields(res)).toEqual(["dossierCode"]);
    }
    // The signature is still checked over the bytes received after the edge has read them.
    const unknown = await post({ ...notice, dossierCode: "000.00.00.X-000000-0000" });
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).type).toBe("/docs/problems#not_found");
  });

  it("refuses %-escapes that are not UTF-8 in a query or a path, and keeps a stray % and real Unicode", async () => {
    for (const bad of URL_BAD) {
      const res = await t.app.request(`/api/v1/admin-units/search?q=gia${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await badFields(res)).toEqual(["q"]);
    }
    expect(await badFields(await t.app.request(`/api/v1/admin-units/search?q%FF=gia`))).toEqual(["q%FF"]);
    const path = await t.app.request("/units/%FF");
    expect(path.status).toBe(400);
    expect(await path.text()).toContain("Trường “path”");
    expect((await t.app.request("/api/v1/admin-units/search?q=gia%20ph%C3%BA")).status).toBe(200);
    expect((await t.app.request("/api/v1/admin-units/search?q=100%")).status).toBe(200);
    expect((await t.app.request(`/api/v1/admin-units/search?q=gia${encodeURIComponent("🌾")}`)).status).toBe(200);
  });

  it("names the bad field of a nested JSON body and accepts an escaped surrogate pair", async () => {
    const { definition } = await getProcedure(t.deps, ONLINE_PROCEDURE.code);
    const base = BASES["POST /api/v1/dossiers"]!(f) as Base;
    const nested = { ...base.body, form: formValuesFor(definition), applicant: { ...anApplicant(), address: LONE } };
    const res = await send("citizen", "POST", "/api/v1/dossiers", JSON.stringify(nested));
    expect(res.status).toBe(400);
    expect(await badFields(res)).toEqual(["applicant.address"]);
    // "\ud83c\udf3e" is 🌾 written as JSON escapes, as some clients send every non-ASCII character.
    const escaped = JSON.stringify({ name: "Thôn Lúa", unitType: "Thôn" }).replace("Lúa", "L\\u00faa \\ud83c\\udf3e");
    const ok = await send("officer", "POST", `/api/v1/admin-units/${GIA_PHU}/villages`, escaped);
    expect(ok.status).toBe(201);
  });

  it("answers a NUL inside an imported catalogue file (contents are not checked at the edge) with a 400 from the database mapping", async () => {
    const csv = await (await t.app.request("/api/v1/procedures/export?format=csv")).text();
    const body = csv.replace(ONLINE_PROCEDURE.name, `${ONLINE_PROCEDURE.name}\u0000`);
    const res = await officer.request("/api/v1/procedures/import", {
      method: "POST",
      body,
      headers: { "content-type": "text/csv", [CSRF_HEADER]: officer.csrfToken },
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).type).toBe("/docs/problems#validation");
    expect((await getProcedure(t.deps, ONLINE_PROCEDURE.code)).definition.name).toBe(ONLINE_PROCEDURE.name);
  });

  it("maps the database's refusals of text input (22021, 22P05, 22P02) to a 400, page or API, should one get past the edge", async () => {
    const app = createApp({ ...t.deps });
    const refused: Record<string, [string, unknown[]]> = {
      "nul-text": ["SELECT $1::text", ["a\u0000b"]],
      "nul-jsonb": ["SELECT $1::jsonb", [JSON.stringify({ a: "a\u0000b" })]],
      "lone-jsonb": ["SELECT $1::jsonb", [JSON.stringify({ a: "a\ud800" })]],
      "not-uuid": ["SELECT $1::uuid", ["nope"]],
    };
    for (const [name, [sql, params]] of Object.entries(refused)) {
      for (const prefix of ["/api/v1", ""]) {
        app.get(`${prefix}/refused-${name}`, async (c) => {
          await t.db.query(sql, params);
          return c.text("not reached");
        });
      }
    }
    for (const name of Object.keys(refused)) {
      const api = await app.request(`/api/v1/refused-${name}`);
      expect(api.status, name).toBe(400);
      expect((await problemOf(api)).type).toBe("/docs/problems#validation");
      const page = await app.request(`/refused-${name}`);
      expect(page.status, name).toBe(400);
      expect(await page.text()).toContain("Yêu cầu không hợp lệ");
    }
  });
});

// notices/loudspeakers: a station of GIA_PHU in the village with one slot of a commune notice.
async function loudspeakerStation(t: TestApp, villageCode: string): Promise<{ stationId: string; slotId: string }> {
  const notice = await buildNotice(t.deps, { title: "Thông báo loa" });
  const station = await t.db.query<{ id: string }>(
    `INSERT INTO radio_stations (commune_code, village_code, unit_path, name, key_hash)
     SELECT $1, code, path, 'Trạm thôn', repeat('d', 64) FROM admin_units WHERE code = $2 RETURNING id`,
    [GIA_PHU, villageCode],
  );
  const file = await storeFile(t.db, {
    ownerUserId: null,
    communeCode: GIA_PHU,
    name: "a.mp3",
    bytes: silentMp3(40),
    maxBytes: 1_000_000,
    field: "audio",
    allowed: ["audio/mpeg"],
    quota: null,
  });
  const slot = await t.db.query<{ id: string }>(
    `INSERT INTO broadcast_slots (station_id, notice_id, weekdays, start_minute, duration_minutes, valid_from, audio_file_id, audio_source, audio_seconds)
     VALUES ($1, $2, '{1}', 360, 5, '2026-11-01', $3, 'upload', 1) RETURNING id`,
    [station.rows[0]!.id, notice.id, file.id],
  );
  return { stationId: station.rows[0]!.id, slotId: slot.rows[0]!.id };
}
