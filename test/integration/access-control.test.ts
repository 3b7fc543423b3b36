// The rule every module must keep: an officer of commune A gets 404 for every resource of commune B.
// This test walks every route the app has; a new route fails it until it is classified below.
import { afterAll, beforeAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { TestClient } from "../support/client.ts";
import { BAO_THANG, buildUser, buildVillage, GIA_PHU, PASSWORD, THAI_NGUYEN } from "../support/factories.ts";
import { acting, buildDossier, COUNTER_PROCEDURE, ONLINE_PROCEDURE, withCatalogue } from "../support/dossier-factories.ts";
import { confirmPayment } from "../../src/modules/payments/index.ts";
import { checkImport, REGISTRY_FILE_COLUMNS } from "../../src/modules/registry/index.ts";
import { verifyPhone } from "../support/citizen-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";
import { assignHouseholds, buildHousehold, buildTeam } from "../support/registry-factories.ts";
import { aPdf } from "../support/procedure-factories.ts";
import { storeFile } from "../../src/platform/files/file-store.ts";
import sharp from "sharp";
import { preparePhotos, saveReportPhotos } from "../../src/modules/reports/use-cases/photo-store.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { buildCounter, buildHallService } from "../support/notice-factories.ts";
import { issueTicket } from "../../src/modules/hall/use-cases/queue-take.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../src/platform/events/domain-events.ts";
import { buildNotice } from "../support/notice-factories.ts";
import { silentMp3 } from "../support/loudspeakers-factories.ts";
import { buildManualValue } from "../support/indicator-factories.ts";

type Fixture = {
  villageB: string;
  userB: string;
  tokenB: string;
  usernameB: string;
  dossierB: string;
  dossierCodeB: string;
  documentB: string;
  paymentB: string;
  householdB: string;
  residentB: string;
  teamB: string;
  volunteerB: string;
  /** A registry resident of commune B, and the link proposed to the citizen whose verified phone is theirs. */
  linkResidentB: string;
  linkB: string;
  campaignB: string;
  trainingB: string;
  materialB: string;
  conflictB: string;
  importB: string;
  /** A citizen report of commune B (reports module). */
  reportB: string;
  /** An Open311 client registered by commune B. */
  open311ClientB: string;
  /** One photo of commune B's report. */
  reportPhotoB: string;
  /** Commune B's own report category, and a report of commune B (code). */
  categoryB: string;
  reportCodeB: string;
  /** hall/queue: commune B's hall service, counter, a ticket and a kiosk device. */
  hallServiceB: string;
  hallCounterB: string;
  hallTicketB: string;
  hallKioskB: string;
  // notices/loudspeakers: commune B's station, one of its slots
  stationB: string;
  slotB: string;
  // notices/authoring (and audiences, loudspeakers)
  /** A draft notice of commune B, and its attachment. */
  noticeB: string;
  noticeFileB: string;
  /** indicators/exports: commune B's monthly report subscription and one report generated for it. */
  indicatorReportB: string;
  indicatorRunB: string;
  // indicators/entry: an approved manual value of commune B and its evidence.
  indicatorValueB: string;
  indicatorEvidenceB: string;
};
const RESIDENT_B = "Bí Mật Người Xã Bên";
/** The office report page's id parameter: a UUID, so that the desk's own /office/reports/new, /print, ... never match it. */
const REPORT_ID = ":id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
type Probe = (f: Fixture) => { path: string; form?: Record<string, string>; json?: unknown; multipart?: Record<string, string | File> };

// Routes that act on one resource: called as officer A with commune B's resource, they must answer 404.
const SCOPED: Record<string, Probe> = {
  [`GET /office/reports/${REPORT_ID}`]: (f) => ({ path: `/office/reports/${f.reportB}` }),
  [`POST /office/reports/${REPORT_ID}/actions/:action`]: (f) => ({ path: `/office/reports/${f.reportB}/actions/accept`, form: { version: "1" } }),
  "GET /api/v1/reports/:id": (f) => ({ path: `/api/v1/reports/${f.reportB}` }),
  "POST /api/v1/reports/:id/actions/:action": (f) => ({ path: `/api/v1/reports/${f.reportB}/actions/accept`, json: { version: 1 } }),
  "GET /api/v1/households/:id/visits": (f) => ({ path: `/api/v1/households/${f.householdB}/visits` }),
  "GET /office/field/conflicts/:id": (f) => ({ path: `/office/field/conflicts/${f.conflictB}` }),
  "POST /office/field/conflicts/:id": (f) => ({ path: `/office/field/conflicts/${f.conflictB}`, form: { version: "1", "choice.address": "device" } }),
  "GET /office/users/:id": (f) => ({ path: `/office/users/${f.userB}` }),
  "POST /office/users/:id/roles": (f) => ({ path: `/office/users/${f.userB}/roles`, form: { role: "volunteer", adminUnitCode: GIA_PHU } }),
  "POST /office/users/:id/roles/revoke": (f) => ({ path: `/office/users/${f.userB}/roles/revoke`, form: { role: "commune_admin", adminUnitCode: BAO_THANG } }),
  "POST /office/users/:id/disable": (f) => ({ path: `/office/users/${f.userB}/disable` }),
  "POST /office/users/:id/enable": (f) => ({ path: `/office/users/${f.userB}/enable` }),
  "POST /office/users": () => ({ path: "/office/users", form: { username: "intruder.b", displayName: "X", kind: "officer", homeUnitCode: BAO_THANG } }),
  "POST /office/tokens/:id/revoke": (f) => ({ path: `/office/tokens/${f.tokenB}/revoke` }),
  "POST /units/:code/villages": () => ({ path: `/units/${BAO_THANG}/villages`, form: { name: "Xâm nhập", unitType: "Thôn" } }),
  "POST /units/:code/rename": (f) => ({ path: `/units/${f.villageB}/rename`, form: { name: "Đổi trộm", unitType: "Thôn" } }),
  "GET /api/v1/users/:id": (f) => ({ path: `/api/v1/users/${f.userB}` }),
  "POST /api/v1/users/:id/roles": (f) => ({ path: `/api/v1/users/${f.userB}/roles`, json: { role: "volunteer", adminUnitCode: BAO_THANG } }),
  "POST /api/v1/admin-units/:code/villages": () => ({ path: `/api/v1/admin-units/${BAO_THANG}/villages`, json: { name: "Xâm nhập", unitType: "Thôn" } }),
  "PATCH /api/v1/admin-units/:code": (f) => ({ path: `/api/v1/admin-units/${f.villageB}`, json: { name: "Đổi trộm" } }),
  "GET /office/stats": () => ({ path: `/office/stats?commune=${BAO_THANG}` }),
  "GET /office/stats.xlsx": () => ({ path: `/office/stats.xlsx?commune=${BAO_THANG}` }),
  "GET /api/v1/stats/dossiers": () => ({ path: `/api/v1/stats/dossiers?commune=${BAO_THANG}` }),
  "GET /api/v1/stats/dossiers.xlsx": () => ({ path: `/api/v1/stats/dossiers.xlsx?commune=${BAO_THANG}` }),
  // Skills and coverage: another commune's figures, gap list and residents.
  "GET /office/coverage": () => ({ path: `/office/coverage?unit=${BAO_THANG}` }),
  "GET /office/coverage.xlsx": () => ({ path: `/office/coverage.xlsx?unit=${BAO_THANG}` }),
  "GET /office/coverage/gaps": () => ({ path: `/office/coverage/gaps?unit=${BAO_THANG}` }),
  "GET /office/coverage/gaps/print": (f) => ({ path: `/office/coverage/gaps/print?unit=${GIA_PHU}&village=${f.villageB}` }),
  "GET /api/v1/coverage": () => ({ path: `/api/v1/coverage?unit=${BAO_THANG}` }),
  "GET /api/v1/coverage/gaps": (f) => ({ path: `/api/v1/coverage/gaps?village=${f.villageB}` }),
  "GET /api/v1/coverage.xlsx": () => ({ path: `/api/v1/coverage.xlsx?unit=${BAO_THANG}` }),
  "POST /office/residents/:id/skills": (f) => ({ path: `/office/residents/${f.residentB}/skills`, form: { skillKey: "vneid_level2", method: "seen" } }),
  "POST /api/v1/residents/:id/skills": (f) => ({ path: `/api/v1/residents/${f.residentB}/skills`, json: { skillKey: "vneid_level2", method: "seen" } }),
  // Dossiers: the desk, one dossier, its files, actions and printable forms.
  "GET /office/desk": () => ({ path: `/office/desk?commune=${BAO_THANG}` }),
  "GET /office/desk/register.pdf": () => ({ path: `/office/desk/register.pdf?commune=${BAO_THANG}&from=2026-01-01&to=2026-12-31` }),
  "GET /office/desk/intake": () => ({ path: `/office/desk/intake?commune=${BAO_THANG}` }),
  "POST /office/desk/intake": () => ({ path: "/office/desk/intake", form: { commune: BAO_THANG, procedure: ONLINE_PROCEDURE.code, channel: "counter" } }),
  "GET /office/dossiers/:id": (f) => ({ path: `/office/dossiers/${f.dossierB}` }),
  "GET /office/dossiers/:id/files/:docId": (f) => ({ path: `/office/dossiers/${f.dossierB}/files/${f.documentB}` }),
  "POST /office/dossiers/:id/actions/:action": (f) => ({ path: `/office/dossiers/${f.dossierB}/actions/cancel`, form: { version: "1", reason: "Xâm nhập" } }),
  "GET /office/dossiers/:id/receipt.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/receipt.pdf` }),
  "GET /office/dossiers/:id/tracking-slip.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/tracking-slip.pdf` }),
  "GET /office/dossiers/:id/supplement-request.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/supplement-request.pdf` }),
  "GET /office/dossiers/:id/refusal.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/refusal.pdf` }),
  "GET /office/dossiers/:id/apology.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/apology.pdf` }),
  "GET /office/dossiers/:id/stop-notice.pdf": (f) => ({ path: `/office/dossiers/${f.dossierB}/stop-notice.pdf` }),
  "GET /dossiers/:id/edit": (f) => ({ path: `/dossiers/${f.dossierB}/edit` }),
  "POST /dossiers/:id/edit": (f) => ({ path: `/dossiers/${f.dossierB}/edit`, form: {} }),
  "GET /me/dossiers/:id": (f) => ({ path: `/me/dossiers/${f.dossierB}` }),
  "GET /me/dossiers/:id/files/:docId": (f) => ({ path: `/me/dossiers/${f.dossierB}/files/${f.documentB}` }),
  "POST /me/dossiers/:id/cancel": (f) => ({ path: `/me/dossiers/${f.dossierB}/cancel`, form: { version: "1", reason: "x" } }),
  "POST /me/dossiers/:id/rate": (f) => ({ path: `/me/dossiers/${f.dossierB}/rate`, form: { version: "1", rating: "5" } }),
  "POST /me/dossiers/:id/supplement": (f) => ({ path: `/me/dossiers/${f.dossierB}/supplement`, form: { version: "1", note: "x" } }),
  "GET /api/v1/dossiers/:id": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}` }),
  "GET /api/v1/dossiers/:id/documents/:documentId": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/documents/${f.documentB}` }),
  "POST /api/v1/dossiers/:id/actions/:action": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/actions/receive`, json: { version: 1 } }),
  "GET /api/v1/communes/:code/queues": () => ({ path: `/api/v1/communes/${BAO_THANG}/queues` }),
  "POST /api/v1/dossiers": () => ({
    path: "/api/v1/dossiers",
    json: {
      procedureCode: ONLINE_PROCEDURE.code,
      communeCode: BAO_THANG,
      applicant: { fullName: "X Y", phone: "0912345678" },
      delivery: { method: "desk" },
      channel: "counter",
      intent: "draft",
    },
  }),
  // Payments and the desk settings.
  "GET /office/communes/:code/settings": () => ({ path: `/office/communes/${BAO_THANG}/settings` }),
  "POST /office/communes/:code/settings": () => ({ path: `/office/communes/${BAO_THANG}/settings`, form: { agencyCode: "000.00.00.X" } }),
  "GET /api/v1/communes/:code/settings": () => ({ path: `/api/v1/communes/${BAO_THANG}/settings` }),
  "PUT /api/v1/communes/:code/settings": () => ({ path: `/api/v1/communes/${BAO_THANG}/settings`, json: { agencyCode: "000.00.00.X" } }),
  "GET /api/v1/dossiers/:id/payment": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment` }),
  "POST /office/dossiers/:id/payment/confirm": (f) => ({ path: `/office/dossiers/${f.dossierB}/payment/confirm`, form: { payMethod: "cash" } }),
  "POST /office/dossiers/:id/payment/exempt": (f) => ({ path: `/office/dossiers/${f.dossierB}/payment/exempt`, form: { exemptReason: "x" } }),
  "POST /api/v1/dossiers/:id/payment/confirm": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment/confirm`, json: { method: "cash" } }),
  "POST /api/v1/dossiers/:id/payment/exempt": (f) => ({ path: `/api/v1/dossiers/${f.dossierB}/payment/exempt`, json: { reason: "x" } }),
  "GET /payments/:id/receipt": (f) => ({ path: `/payments/${f.paymentB}/receipt` }),
  "GET /payments/:id/receipt.pdf": (f) => ({ path: `/payments/${f.paymentB}/receipt.pdf` }),
  "POST /office/payments/:id/refund": (f) => ({ path: `/office/payments/${f.paymentB}/refund`, form: { refundReason: "x" } }),
  "POST /api/v1/payments/:id/refund": (f) => ({ path: `/api/v1/payments/${f.paymentB}/refund`, json: { reason: "x" } }),
  // The registry import of commune B: its preview, its commit, an upload for B and B's export.
  "GET /office/registry/imports/:id": (f) => ({ path: `/office/registry/imports/${f.importB}` }),
  "POST /office/registry/imports/:id/commit": (f) => ({ path: `/office/registry/imports/${f.importB}/commit`, form: {} }),
  "POST /office/registry/imports": () => ({ path: "/office/registry/imports", form: { communeCode: BAO_THANG } }),
  "GET /office/registry/export": () => ({ path: `/office/registry/export?commune=${BAO_THANG}&format=csv` }),
  "GET /api/v1/registry/imports/:id": (f) => ({ path: `/api/v1/registry/imports/${f.importB}` }),
  "POST /api/v1/registry/imports/:id/commit": (f) => ({ path: `/api/v1/registry/imports/${f.importB}/commit`, json: { decisions: [] } }),
  "POST /api/v1/registry/imports": () => ({
    path: "/api/v1/registry/imports",
    multipart: { communeCode: BAO_THANG, file: new File(["Mã hộ\n"], "b.csv", { type: "text/csv" }) },
  }),
  "GET /api/v1/registry/export": () => ({ path: `/api/v1/registry/export?commune=${BAO_THANG}&format=csv` }),
  // An ID card checked at a desk of commune B: only B's officers record checks there.
  "POST /office/id-card-check": () => ({
    path: "/office/id-card-check",
    form: { adminUnitCode: BAO_THANG, phone: "0912000114", citizenIdNumber: "010090001234" },
  }),
  "POST /api/v1/citizens/id-card-checks": () => ({
    path: "/api/v1/citizens/id-card-checks",
    json: { adminUnitCode: BAO_THANG, phone: "0912000114", citizenIdNumber: "010090001234" },
  }),
  // The household registry: commune B's household and resident.
  "GET /office/registry/households/:id": (f) => ({ path: `/office/registry/households/${f.householdB}` }),
  "POST /office/registry/households/:id": (f) => ({ path: `/office/registry/households/${f.householdB}`, form: { version: "1", address: "Xâm nhập" } }),
  "POST /office/registry/households/:id/residents": (f) => ({
    path: `/office/registry/households/${f.householdB}/residents`,
    form: { "new.fullName": "Xâm Nhập", "new.birthYear": "1990" },
  }),
  "POST /office/registry/households/:id/head": (f) => ({
    path: `/office/registry/households/${f.householdB}/head`,
    form: { version: "1", residentId: f.residentB },
  }),
  "POST /office/registry/households/new": (f) => ({
    path: "/office/registry/households/new",
    form: { villageCode: f.villageB, address: "Xâm nhập", "members.0.fullName": "Xâm Nhập", "members.0.birthYear": "1990" },
  }),
  "GET /office/registry/residents/:id": (f) => ({ path: `/office/registry/residents/${f.residentB}` }),
  "POST /office/registry/residents/:id": (f) => ({
    path: `/office/registry/residents/${f.residentB}`,
    form: { version: "1", fullName: "Đổi Trộm", birthYear: "1990" },
  }),
  "POST /office/registry/residents/:id/move": (f) => ({ path: `/office/registry/residents/${f.residentB}/move`, form: { version: "1", "move.kind": "away" } }),
  "POST /office/registry/residents/:id/archive": (f) => ({
    path: `/office/registry/residents/${f.residentB}/archive`,
    form: { version: "1", "archive.reason": "died" },
  }),
  "POST /api/v1/households": (f) => ({
    path: "/api/v1/households",
    json: { villageCode: f.villageB, address: "Xâm nhập", members: [{ fullName: "Xâm Nhập", birthYear: 1990 }] },
  }),
  "GET /api/v1/households/:id": (f) => ({ path: `/api/v1/households/${f.householdB}` }),
  "PATCH /api/v1/households/:id": (f) => ({ path: `/api/v1/households/${f.householdB}`, json: { version: 1, address: "Xâm nhập" } }),
  "POST /api/v1/households/:id/head": (f) => ({ path: `/api/v1/households/${f.householdB}/head`, json: { version: 1, residentId: f.residentB } }),
  "POST /api/v1/households/:id/residents": (f) => ({ path: `/api/v1/households/${f.householdB}/residents`, json: { fullName: "Xâm Nhập", birthYear: 1990 } }),
  "GET /api/v1/residents/:id": (f) => ({ path: `/api/v1/residents/${f.residentB}` }),
  "PATCH /api/v1/residents/:id": (f) => ({ path: `/api/v1/residents/${f.residentB}`, json: { version: 1, fullName: "Đổi Trộm" } }),
  "POST /api/v1/residents/:id/move": (f) => ({ path: `/api/v1/residents/${f.residentB}/move`, json: { version: 1, kind: "away" } }),
  "POST /api/v1/residents/:id/archive": (f) => ({ path: `/api/v1/residents/${f.residentB}/archive`, json: { version: 1, reason: "died" } }),
  // Teams and assignments of commune B.
  "POST /office/teams": () => ({ path: "/office/teams", form: { name: "Tổ xâm nhập", unitCode: BAO_THANG } }),
  "GET /office/teams/:id": (f) => ({ path: `/office/teams/${f.teamB}` }),
  "POST /office/teams/:id": (f) => ({ path: `/office/teams/${f.teamB}`, form: { name: "Đổi trộm" } }),
  "POST /office/teams/:id/archive": (f) => ({ path: `/office/teams/${f.teamB}/archive` }),
  "POST /office/teams/:id/members": (f) => ({ path: `/office/teams/${f.teamB}/members`, form: { userId: f.volunteerB } }),
  "POST /office/teams/:id/members/:userId/remove": (f) => ({ path: `/office/teams/${f.teamB}/members/${f.volunteerB}/remove` }),
  "POST /office/teams/:id/volunteers": (f) => ({ path: `/office/teams/${f.teamB}/volunteers`, form: { username: "intruder.b", displayName: "X" } }),
  "POST /office/teams/:id/assign": (f) => ({ path: `/office/teams/${f.teamB}/assign`, form: { villageCode: f.villageB } }),
  "GET /office/teams/:id/households": (f) => ({ path: `/office/teams/${f.teamB}/households` }),
  "POST /office/teams/:id/households": (f) => ({ path: `/office/teams/${f.teamB}/households`, form: { householdIds: f.householdB, action: "unassign" } }),
  "POST /api/v1/teams": () => ({ path: "/api/v1/teams", json: { name: "Tổ xâm nhập", unitCode: BAO_THANG } }),
  "GET /api/v1/teams/:id": (f) => ({ path: `/api/v1/teams/${f.teamB}` }),
  "PATCH /api/v1/teams/:id": (f) => ({ path: `/api/v1/teams/${f.teamB}`, json: { name: "Đổi trộm" } }),
  "DELETE /api/v1/teams/:id": (f) => ({ path: `/api/v1/teams/${f.teamB}`, json: {} }),
  "POST /api/v1/teams/:id/members": (f) => ({ path: `/api/v1/teams/${f.teamB}/members`, json: { userId: f.volunteerB } }),
  "POST /api/v1/teams/:id/volunteers": (f) => ({ path: `/api/v1/teams/${f.teamB}/volunteers`, json: { username: "intruder.b", displayName: "X" } }),
  "DELETE /api/v1/teams/:id/members/:userId": (f) => ({ path: `/api/v1/teams/${f.teamB}/members/${f.volunteerB}`, json: {} }),
  "GET /api/v1/teams/:id/households": (f) => ({ path: `/api/v1/teams/${f.teamB}/households` }),
  "POST /api/v1/assignments": (f) => ({ path: "/api/v1/assignments", json: { teamId: f.teamB, householdIds: [f.householdB] } }),
  "DELETE /api/v1/assignments/:householdId": (f) => ({ path: `/api/v1/assignments/${f.householdB}`, json: {} }),
  // Enter once: a resident of commune B, their link, and filing for them; a citizen's link is only that citizen's.
  "GET /office/registry/residents/:id/link": (f) => ({ path: `/office/registry/residents/${f.linkResidentB}/link` }),
  "POST /office/registry/residents/:id/link": (f) => ({
    path: `/office/registry/residents/${f.linkResidentB}/link`,
    form: { linkId: f.linkB, decision: "confirm" },
  }),
  "GET /api/v1/residents/:id/link": (f) => ({ path: `/api/v1/residents/${f.linkResidentB}/link` }),
  "GET /office/registry/residents/:id/assist": (f) => ({ path: `/office/registry/residents/${f.linkResidentB}/assist` }),
  "POST /api/v1/residents/:id/link": (f) => ({ path: `/api/v1/residents/${f.linkResidentB}/link`, json: { linkId: f.linkB, decision: "confirm" } }),
  "POST /me/household/links/:linkId": (f) => ({ path: `/me/household/links/${f.linkB}`, form: { decision: "confirm" } }),
  "POST /api/v1/me/household/link/:linkId": (f) => ({ path: `/api/v1/me/household/link/${f.linkB}`, json: { decision: "confirm" } }),
  // notices/audiences: a notice of commune B (its reach, its delivery report), and a draft's reach for commune B.
  "GET /office/notices/:id/audience": (f) => ({ path: `/office/notices/${f.noticeB}/audience` }),
  "GET /office/notices/:id/deliveries": (f) => ({ path: `/office/notices/${f.noticeB}/deliveries` }),
  "GET /api/v1/notices/:id/audience": (f) => ({ path: `/api/v1/notices/${f.noticeB}/audience` }),
  "GET /api/v1/notices/:id/deliveries": (f) => ({ path: `/api/v1/notices/${f.noticeB}/deliveries` }),
  "POST /api/v1/notices/audience-preview": () => ({
    path: "/api/v1/notices/audience-preview",
    json: { unitCode: BAO_THANG, category: "administrative", scope: "commune", channels: ["web", "sms"] },
  }),
};

// Outreach: commune B's campaign, training, its material and a resident of B to record as an attendee.
Object.assign(SCOPED, {
  "GET /office/campaigns/:id": (f) => ({ path: `/office/campaigns/${f.campaignB}` }),
  "GET /api/v1/campaigns/:id": (f) => ({ path: `/api/v1/campaigns/${f.campaignB}` }),
  "GET /api/v1/campaigns/:id/progress": (f) => ({ path: `/api/v1/campaigns/${f.campaignB}/progress?by=team` }),
  "POST /office/campaigns/new": () => ({
    path: "/office/campaigns/new",
    form: { name: "X", unitCode: BAO_THANG, skillKey: "vneid_level2", measure: "adults", targetPercent: "80", startsOn: "20/11/2026", endsOn: "30/11/2026" },
  }),
  "POST /api/v1/campaigns": () => ({
    path: "/api/v1/campaigns",
    json: { name: "X", unitCode: BAO_THANG, skillKey: "vneid_level2", targetPercent: 80, startsOn: "2026-11-20", endsOn: "2026-11-30" },
  }),
  "GET /office/trainings/:id": (f) => ({ path: `/office/trainings/${f.trainingB}` }),
  "GET /api/v1/trainings/:id": (f) => ({ path: `/api/v1/trainings/${f.trainingB}` }),
  "POST /office/trainings/new": () => ({
    path: "/office/trainings/new",
    form: { unitCode: BAO_THANG, heldOn: "22/11/2026", place: "X", topic: "X", trainer: "X", "skill.vneid_level2": "1" },
  }),
  "POST /api/v1/trainings": () => ({
    path: "/api/v1/trainings",
    json: { unitCode: BAO_THANG, heldOn: "2026-11-22", place: "X", topic: "X", trainer: "X", skillKeys: ["vneid_level2"] },
  }),
  "POST /office/trainings/:id/attendees": (f) => ({ path: `/office/trainings/${f.trainingB}/attendees`, form: { residentIds: f.residentB } }),
  "POST /api/v1/trainings/:id/attendees": (f) => ({ path: `/api/v1/trainings/${f.trainingB}/attendees`, json: { residentIds: [f.residentB] } }),
  "POST /office/trainings/:id/materials": (f) => ({ path: `/office/trainings/${f.trainingB}/materials` }),
  "POST /api/v1/trainings/:id/materials": (f) => ({ path: `/api/v1/trainings/${f.trainingB}/materials`, json: {} }),
  "GET /office/trainings/:id/materials/:fileId": (f) => ({ path: `/office/trainings/${f.trainingB}/materials/${f.materialB}` }),
  "GET /api/v1/trainings/:id/materials/:fileId": (f) => ({ path: `/api/v1/trainings/${f.trainingB}/materials/${f.materialB}` }),
  "GET /api/v1/recognition": () => ({ path: `/api/v1/recognition?unit=${BAO_THANG}` }),
  // Open311 clients: registering one on commune B, revoking B's.
  "POST /office/open311-clients": () => ({ path: "/office/open311-clients", form: { name: "Xâm nhập", unitCode: BAO_THANG } }),
  "POST /api/v1/open311-clients": () => ({ path: "/api/v1/open311-clients", json: { name: "Xâm nhập", unitCode: BAO_THANG } }),
  "POST /office/open311-clients/:id/revoke": (f) => ({ path: `/office/open311-clients/${f.open311ClientB}/revoke` }),
  "POST /api/v1/open311-clients/:id/revoke": (f) => ({ path: `/api/v1/open311-clients/${f.open311ClientB}/revoke`, json: {} }),
  "GET /office/recognition.xlsx": () => ({ path: `/office/recognition.xlsx?unit=${BAO_THANG}` }),
  // Reports: photos seen from the office (hidden ones too), originals, moderation.
  "GET /office/reports/photos/:file": (f) => ({ path: `/office/reports/photos/${f.reportPhotoB}.jpg` }),
  "GET /office/reports/photos/:id/original": (f) => ({ path: `/office/reports/photos/${f.reportPhotoB}/original` }),
  "GET /office/reports/:id/moderation": (f) => ({ path: `/office/reports/${f.reportB}/moderation` }),
  "POST /office/reports/:id/moderation/hide": (f) => ({ path: `/office/reports/${f.reportB}/moderation/hide`, form: { reason: "Xâm nhập" } }),
  "POST /office/reports/:id/moderation/unhide": (f) => ({ path: `/office/reports/${f.reportB}/moderation/unhide` }),
  "POST /office/reports/:id/moderation/photos/:photoId/hide": (f) => ({
    path: `/office/reports/${f.reportB}/moderation/photos/${f.reportPhotoB}/hide`,
    form: { reason: "Xâm nhập" },
  }),
  "POST /office/reports/:id/moderation/photos/:photoId/unhide": (f) => ({ path: `/office/reports/${f.reportB}/moderation/photos/${f.reportPhotoB}/unhide` }),
  "POST /api/v1/reports/:id/hide": (f) => ({ path: `/api/v1/reports/${f.reportB}/hide`, json: { reason: "Xâm nhập" } }),
  "POST /api/v1/reports/:id/unhide": (f) => ({ path: `/api/v1/reports/${f.reportB}/unhide`, json: {} }),
  "POST /api/v1/report-photos/:id/hide": (f) => ({ path: `/api/v1/report-photos/${f.reportPhotoB}/hide`, json: { reason: "Xâm nhập" } }),
  "POST /api/v1/report-photos/:id/unhide": (f) => ({ path: `/api/v1/report-photos/${f.reportPhotoB}/unhide`, json: {} }),
} satisfies Record<string, Probe>);

// Reports, recorded for a resident: a helper of commune A recording into commune B is a 404 (report.assist there).
Object.assign(SCOPED, {
  "POST /office/reports/new": () => ({
    path: "/office/reports/new",
    form: { communeCode: BAO_THANG, categoryCode: "road", description: "X", channel: "assisted", "contact.name": "X", "consent.method": "verbal" },
  }),
  // Citizen reports: commune B's categories (edited or listed for admins) and figures.
  "GET /office/reports/categories": () => ({ path: `/office/reports/categories?unit=${BAO_THANG}` }),
  "GET /office/reports/categories/edit": () => ({ path: `/office/reports/categories/edit?unit=${BAO_THANG}&code=road` }),
  "POST /office/reports/categories/edit": () => ({
    path: `/office/reports/categories/edit?unit=${BAO_THANG}`,
    form: { code: "intrude", nameVi: "X", nameEn: "X", timeLimitDays: "5" },
  }),
  "GET /api/v1/report-categories": () => ({ path: `/api/v1/report-categories?commune=${BAO_THANG}&all=1` }),
  "POST /api/v1/report-categories": () => ({
    path: "/api/v1/report-categories",
    json: { communeCode: BAO_THANG, code: "intrude", nameVi: "X", nameEn: "X", timeLimitDays: 5 },
  }),
  "PUT /api/v1/report-categories/:id": (f) => ({ path: `/api/v1/report-categories/${f.categoryB}`, json: { nameVi: "X", nameEn: "X", timeLimitDays: 5 } }),
  // A province's report area: officer A (a commune admin in Lào Cai) probes province B (Thái Nguyên).
  "POST /office/reports/categories/area": () => ({ path: `/office/reports/categories/area?unit=${THAI_NGUYEN}`, form: { action: "clear" } }),
  "GET /api/v1/report-areas/:province": () => ({ path: `/api/v1/report-areas/${THAI_NGUYEN}` }),
  "PUT /api/v1/report-areas/:province": () => ({
    path: `/api/v1/report-areas/${THAI_NGUYEN}`,
    json: { minLat: 21.3, maxLat: 22.9, minLon: 105.4, maxLon: 106.3 },
  }),
  "DELETE /api/v1/report-areas/:province": () => ({ path: `/api/v1/report-areas/${THAI_NGUYEN}`, json: {} }),
  "GET /office/reports/figures": () => ({ path: `/office/reports/figures?unit=${BAO_THANG}` }),
  "GET /api/v1/reports/figures": () => ({ path: `/api/v1/reports/figures?unit=${BAO_THANG}` }),
  // notices/preferences: a registry resident of commune B, looked up or recorded at commune A's desk.
  "GET /office/notices/preferences": (f) => ({ path: `/office/notices/preferences?resident=${f.residentB}` }),
  "POST /office/notices/preferences": (f) => ({ path: "/office/notices/preferences", form: { residentId: f.residentB, sms: "1", method: "desk" } }),
  "GET /api/v1/notice-preferences": (f) => ({ path: `/api/v1/notice-preferences?residentId=${f.residentB}` }),
  "PUT /api/v1/notice-preferences": (f) => ({
    path: "/api/v1/notice-preferences",
    json: { residentId: f.residentB, sms: false, zalo: false, email: true, categoriesOff: [], method: "desk" },
  }),
} satisfies Record<string, Probe>);

// notices/channels: commune B's channel settings and Zalo account, asked for by officer A.
Object.assign(SCOPED, {
  "GET /office/notices/channels": () => ({ path: `/office/notices/channels?unit=${BAO_THANG}` }),
  "POST /office/notices/channels/zalo": () => ({
    path: `/office/notices/channels/zalo?unit=${BAO_THANG}`,
    form: { appId: "1", oaId: "2", templateId: "3", templateParams: "a=title", appSecret: "x-secret-1", accessToken: "x-token-01", oaSecretKey: "x-secret-2" },
  }),
  "POST /office/notices/channels/zalo/test": () => ({ path: `/office/notices/channels/zalo/test?unit=${BAO_THANG}`, form: { phone: "0912345678" } }),
  "GET /api/v1/notices/channels": () => ({ path: `/api/v1/notices/channels?unit=${BAO_THANG}` }),
  "PUT /api/v1/notices/channels/zalo": () => ({
    path: `/api/v1/notices/channels/zalo?unit=${BAO_THANG}`,
    json: {
      appId: "1",
      oaId: "2",
      templateId: "3",
      templateParams: { a: "title" },
      appSecret: "x-secret-1",
      accessToken: "x-token-01",
      oaSecretKey: "x-secret-2",
    },
  }),
  "DELETE /api/v1/notices/channels/zalo": () => ({ path: `/api/v1/notices/channels/zalo?unit=${BAO_THANG}`, json: {} }),
  "POST /api/v1/notices/channels/zalo/test": () => ({ path: `/api/v1/notices/channels/zalo/test?unit=${BAO_THANG}`, json: { phone: "0912345678" } }),
} satisfies Record<string, Probe>);

// hall/queue: commune B's hall settings, counters and tickets; the counter page and settings asked for commune B.
Object.assign(SCOPED, {
  "POST /api/v1/hall/:commune/services": () => ({ path: `/api/v1/hall/${BAO_THANG}/services`, json: { letter: "Z", nameVi: "X", nameEn: "X" } }),
  "GET /api/v1/hall/:commune/counters": () => ({ path: `/api/v1/hall/${BAO_THANG}/counters` }),
  "POST /api/v1/hall/:commune/counters": (f) => ({ path: `/api/v1/hall/${BAO_THANG}/counters`, json: { number: 9, name: "X", serviceIds: [f.hallServiceB] } }),
  "POST /api/v1/hall/counters/:id/sit": (f) => ({ path: `/api/v1/hall/counters/${f.hallCounterB}/sit`, json: {} }),
  "POST /api/v1/hall/counters/:id/call-next": (f) => ({ path: `/api/v1/hall/counters/${f.hallCounterB}/call-next`, json: {} }),
  "POST /api/v1/hall/tickets/:id/recall": (f) => ({ path: `/api/v1/hall/tickets/${f.hallTicketB}/recall`, json: { version: 1 } }),
  "POST /api/v1/hall/tickets/:id/serve": (f) => ({ path: `/api/v1/hall/tickets/${f.hallTicketB}/serve`, json: { version: 1 } }),
  "POST /api/v1/hall/tickets/:id/done": (f) => ({ path: `/api/v1/hall/tickets/${f.hallTicketB}/done`, json: { version: 1 } }),
  "POST /api/v1/hall/tickets/:id/no-show": (f) => ({ path: `/api/v1/hall/tickets/${f.hallTicketB}/no-show`, json: { version: 1 } }),
  "POST /api/v1/hall/tickets/:id/dossier": (f) => ({ path: `/api/v1/hall/tickets/${f.hallTicketB}/dossier`, json: { version: 1, dossierCode: "X" } }),
  "GET /office/hall/counter": () => ({ path: `/office/hall/counter?commune=${BAO_THANG}` }),
  "POST /office/hall/counter/action": (f) => ({ path: "/office/hall/counter/action", form: { commune: BAO_THANG, action: "next", counterId: f.hallCounterB } }),
  "GET /office/hall/settings": () => ({ path: `/office/hall/settings?commune=${BAO_THANG}` }),
  "POST /office/hall/settings/service": () => ({ path: `/office/hall/settings/service?commune=${BAO_THANG}`, form: { letter: "Z", nameVi: "X", nameEn: "X" } }),
  "POST /office/hall/settings/counter": (f) => ({
    path: `/office/hall/settings/counter?commune=${BAO_THANG}`,
    form: { number: "9", name: "X", serviceIds: f.hallServiceB },
  }),
  "POST /office/hall/settings/kiosk": () => ({ path: `/office/hall/settings/kiosk?commune=${BAO_THANG}`, form: { name: "X" } }),
  "POST /office/hall/settings/kiosk/revoke": (f) => ({ path: `/office/hall/settings/kiosk/revoke?commune=${BAO_THANG}`, form: { id: f.hallKioskB } }),
} satisfies Record<string, Probe>);

// indicators/dashboards: commune B's dashboard, one indicator, the records behind a number, and the IOC's API.
Object.assign(SCOPED, {
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}": () => ({ path: `/office/indicators/u/${BAO_THANG}` }),
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}/:set{[a-z0-9][a-z0-9-]{1,62}}/:indicator{[a-z][a-z0-9_]{0,62}}": () => ({
    path: `/office/indicators/u/${BAO_THANG}/service-index-766/online_share`,
  }),
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}/records/:element{[a-z][a-z0-9_]{0,62}}": () => ({
    path: `/office/indicators/u/${BAO_THANG}/records/household_proficient`,
  }),
  "GET /api/v1/indicators/values": () => ({ path: `/api/v1/indicators/values?unit=${BAO_THANG}` }),
  "GET /api/v1/indicators/trend": () => ({ path: `/api/v1/indicators/trend?unit=${BAO_THANG}&indicator=online_share` }),
} satisfies Record<string, Probe>);

// hall/screen: commune B's hall figures (hall.read there).
Object.assign(SCOPED, {
  "GET /office/hall/figures": () => ({ path: `/office/hall/figures?commune=${BAO_THANG}` }),
  "GET /api/v1/hall/figures": () => ({ path: `/api/v1/hall/figures?commune=${BAO_THANG}` }),
  // notices/loudspeakers: commune B's station, its slots, key, play log and playlist; a station in B's village.
  "POST /api/v1/radio-stations": (f) => ({ path: "/api/v1/radio-stations", json: { villageCode: f.villageB, name: "Trạm xâm nhập" } }),
  "GET /api/v1/radio-stations/:id": (f) => ({ path: `/api/v1/radio-stations/${f.stationB}` }),
  "PATCH /api/v1/radio-stations/:id": (f) => ({ path: `/api/v1/radio-stations/${f.stationB}`, json: { active: false } }),
  "POST /api/v1/radio-stations/:id/key": (f) => ({ path: `/api/v1/radio-stations/${f.stationB}/key`, json: {} }),
  "POST /api/v1/radio-stations/:id/slots": (f) => ({
    path: `/api/v1/radio-stations/${f.stationB}/slots`,
    multipart: { noticeId: randomUUID(), weekdays: "1", start: "06:00", durationMinutes: "5", validFrom: "2026-11-23", audioSource: "generate" },
  }),
  "PUT /api/v1/radio-stations/:id/slots/:slotId": (f) => ({
    path: `/api/v1/radio-stations/${f.stationB}/slots/${f.slotB}`,
    multipart: { noticeId: randomUUID(), weekdays: "1", start: "06:00", durationMinutes: "5", validFrom: "2026-11-23", audioSource: "keep" },
  }),
  "DELETE /api/v1/radio-stations/:id/slots/:slotId": (f) => ({ path: `/api/v1/radio-stations/${f.stationB}/slots/${f.slotB}`, json: {} }),
  "GET /api/v1/radio-stations/:id/play-log": (f) => ({ path: `/api/v1/radio-stations/${f.stationB}/play-log` }),
  "GET /api/v1/notices/:id/plays": (f) => ({ path: `/api/v1/notices/${f.noticeB}/plays` }),
  "POST /office/stations/new": (f) => ({ path: "/office/stations/new", form: { villageCode: f.villageB, name: "Trạm xâm nhập" } }),
  "GET /office/stations/:id": (f) => ({ path: `/office/stations/${f.stationB}` }),
  "GET /office/stations/:id/playlist.zip": (f) => ({ path: `/office/stations/${f.stationB}/playlist.zip` }),
  "GET /office/stations/:id/plays": (f) => ({ path: `/office/stations/${f.stationB}/plays` }),
  "POST /office/stations/:id/key": (f) => ({ path: `/office/stations/${f.stationB}/key` }),
  "POST /office/stations/:id/edit": (f) => ({ path: `/office/stations/${f.stationB}/edit`, form: { name: "Đổi trộm", active: "false" } }),
  "GET /office/stations/:id/slots/new": (f) => ({ path: `/office/stations/${f.stationB}/slots/new` }),
  "POST /office/stations/:id/slots/new": (f) => ({ path: `/office/stations/${f.stationB}/slots/new`, form: { start: "06:00" } }),
  "GET /office/stations/:id/slots/:slotId{[0-9a-fA-F-]{36}}": (f) => ({ path: `/office/stations/${f.stationB}/slots/${f.slotB}` }),
  "POST /office/stations/:id/slots/:slotId{[0-9a-fA-F-]{36}}": (f) => ({ path: `/office/stations/${f.stationB}/slots/${f.slotB}`, form: { start: "06:00" } }),
  "POST /office/stations/:id/slots/:slotId{[0-9a-fA-F-]{36}}/delete": (f) => ({ path: `/office/stations/${f.stationB}/slots/${f.slotB}/delete` }),
} satisfies Record<string, Probe>);

// notices/authoring: commune B's draft notice through the office pages and the API; writing one for commune B.
Object.assign(SCOPED, {
  "GET /office/notices/:id{[0-9a-fA-F-]{36}}": (f) => ({ path: `/office/notices/${f.noticeB}` }),
  "GET /office/notices/:id{[0-9a-fA-F-]{36}}/edit": (f) => ({ path: `/office/notices/${f.noticeB}/edit` }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/edit": (f) => ({ path: `/office/notices/${f.noticeB}/edit`, form: { version: "1", title: "Xâm nhập" } }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/submit": (f) => ({ path: `/office/notices/${f.noticeB}/submit`, form: { version: "1" } }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/approve": (f) => ({ path: `/office/notices/${f.noticeB}/approve`, form: { version: "1" } }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/send-back": (f) => ({ path: `/office/notices/${f.noticeB}/send-back`, form: { version: "1", note: "X" } }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/publish": (f) => ({ path: `/office/notices/${f.noticeB}/publish`, form: { version: "1" } }),
  "POST /office/notices/:id{[0-9a-fA-F-]{36}}/withdraw": (f) => ({
    path: `/office/notices/${f.noticeB}/withdraw`,
    form: { version: "1", reason: "X", correction: "X" },
  }),
  "GET /office/notices/:id{[0-9a-fA-F-]{36}}/files/:fileId": (f) => ({ path: `/office/notices/${f.noticeB}/files/${f.noticeFileB}` }),
  "POST /office/notices/new": () => ({
    path: "/office/notices/new",
    form: { unitCode: BAO_THANG, category: "events", title: "X", body: "X", scope: "commune", validFrom: "01/12/2026" },
  }),
  "POST /api/v1/notices": () => ({
    path: "/api/v1/notices",
    json: { unitCode: BAO_THANG, category: "events", title: "X", body: "X", scope: "commune", validFrom: "2026-12-01" },
  }),
  "GET /api/v1/notices/:id": (f) => ({ path: `/api/v1/notices/${f.noticeB}` }),
  "PUT /api/v1/notices/:id": (f) => ({
    path: `/api/v1/notices/${f.noticeB}`,
    json: { version: 1, category: "events", title: "X", body: "X", scope: "commune", validFrom: "2026-12-01" },
  }),
  "POST /api/v1/notices/:id/submit": (f) => ({ path: `/api/v1/notices/${f.noticeB}/submit`, json: { version: 1 } }),
  "POST /api/v1/notices/:id/approve": (f) => ({ path: `/api/v1/notices/${f.noticeB}/approve`, json: { version: 1 } }),
  "POST /api/v1/notices/:id/send-back": (f) => ({ path: `/api/v1/notices/${f.noticeB}/send-back`, json: { version: 1, note: "X" } }),
  "POST /api/v1/notices/:id/publish": (f) => ({ path: `/api/v1/notices/${f.noticeB}/publish`, json: { version: 1 } }),
  "POST /api/v1/notices/:id/withdraw": (f) => ({ path: `/api/v1/notices/${f.noticeB}/withdraw`, json: { version: 1, reason: "X", correction: "X" } }),
} satisfies Record<string, Probe>);

// indicators/sets: sets and targets belong to a province; another province's (Thái Nguyên's) are a 404 to officer A.
const SET_KEY = ":key{[a-z0-9][a-z0-9-]{1,62}}";
Object.assign(SCOPED, {
  "GET /office/indicators/sets": () => ({ path: `/office/indicators/sets?province=${THAI_NGUYEN}` }),
  "GET /office/indicators/sets/import": () => ({ path: `/office/indicators/sets/import?province=${THAI_NGUYEN}` }),
  "POST /office/indicators/sets/import": () => ({ path: `/office/indicators/sets/import?province=${THAI_NGUYEN}`, form: { note: "x" } }),
  [`GET /office/indicators/sets/${SET_KEY}`]: () => ({ path: `/office/indicators/sets/digital-society?province=${THAI_NGUYEN}` }),
  [`POST /office/indicators/sets/${SET_KEY}`]: () => ({ path: `/office/indicators/sets/digital-society?province=${THAI_NGUYEN}`, form: { definition: "{}" } }),
  [`GET /office/indicators/sets/${SET_KEY}/export.json`]: () => ({ path: `/office/indicators/sets/digital-society/export.json?province=${THAI_NGUYEN}` }),
  [`GET /office/indicators/sets/${SET_KEY}/export.xlsx`]: () => ({ path: `/office/indicators/sets/digital-society/export.xlsx?province=${THAI_NGUYEN}` }),
  [`GET /office/indicators/sets/${SET_KEY}/targets`]: () => ({ path: `/office/indicators/sets/digital-society/targets?province=${THAI_NGUYEN}&year=2026` }),
  [`POST /office/indicators/sets/${SET_KEY}/targets`]: () => ({
    path: `/office/indicators/sets/digital-society/targets?province=${THAI_NGUYEN}&indicator=visits&year=2026`,
    form: { t_19: "1" },
  }),
  "GET /api/v1/indicators/sets": () => ({ path: `/api/v1/indicators/sets?province=${THAI_NGUYEN}` }),
  "POST /api/v1/indicators/sets/import": () => ({ path: `/api/v1/indicators/sets/import?province=${THAI_NGUYEN}`, json: { set: {} } }),
  "GET /api/v1/indicators/sets/:key": () => ({ path: `/api/v1/indicators/sets/digital-society?province=${THAI_NGUYEN}` }),
  "GET /api/v1/indicators/sets/:key/export": () => ({ path: `/api/v1/indicators/sets/digital-society/export?province=${THAI_NGUYEN}` }),
  "GET /api/v1/indicators/sets/:key/targets": () => ({ path: `/api/v1/indicators/sets/digital-society/targets?province=${THAI_NGUYEN}&year=2026` }),
  "PUT /api/v1/indicators/sets/:key/targets": () => ({
    path: "/api/v1/indicators/sets/digital-society/targets",
    json: { province: THAI_NGUYEN, indicator: "visits", year: 2026, targets: [{ unit: THAI_NGUYEN, target: 1 }] },
  }),
} satisfies Record<string, Probe>);

// indicators/entry: commune B's values of a period, its evidence, reopening or reviewing its value, its status.
Object.assign(SCOPED, {
  "GET /office/indicators/entry/status": () => ({ path: `/office/indicators/entry/status?unit=${BAO_THANG}` }),
  "GET /office/indicators/entry/:unit/:period": () => ({ path: `/office/indicators/entry/${BAO_THANG}/2026-10` }),
  "POST /office/indicators/entry/:unit/:period": () => ({ path: `/office/indicators/entry/${BAO_THANG}/2026-10`, form: { "x.value": "1", action: "save" } }),
  "POST /office/indicators/entry/:unit/:period/reopen": (f) => ({
    path: `/office/indicators/entry/${BAO_THANG}/2026-10/reopen`,
    form: { id: f.indicatorValueB, reason: "x" },
  }),
  "POST /office/indicators/review": () => ({ path: "/office/indicators/review", form: { decision: "approve", unit: BAO_THANG, period: "2026-10" } }),
  "GET /office/indicators/evidence/:id": (f) => ({ path: `/office/indicators/evidence/${f.indicatorEvidenceB}` }),
  "GET /api/v1/indicators/entry/:unit/:period": () => ({ path: `/api/v1/indicators/entry/${BAO_THANG}/2026-10` }),
  "PUT /api/v1/indicators/entry/:unit/:period": () => ({ path: `/api/v1/indicators/entry/${BAO_THANG}/2026-10`, json: { values: {} } }),
  "POST /api/v1/indicators/entry/:unit/:period/submit": () => ({ path: `/api/v1/indicators/entry/${BAO_THANG}/2026-10/submit`, json: {} }),
  "POST /api/v1/indicators/review": (f) => ({ path: "/api/v1/indicators/review", json: { decision: "approve", ids: [f.indicatorValueB] } }),
  "POST /api/v1/indicators/values/:id/reopen": (f) => ({ path: `/api/v1/indicators/values/${f.indicatorValueB}/reopen`, json: { reason: "x" } }),
  "GET /api/v1/indicators/entry-status": () => ({ path: `/api/v1/indicators/entry-status?unit=${BAO_THANG}` }),
  "GET /api/v1/indicators/evidence/:id": (f) => ({ path: `/api/v1/indicators/evidence/${f.indicatorEvidenceB}` }),
} satisfies Record<string, Probe>);

// Lists: they answer 200 but must not contain commune B's data.
const SCOPED_LISTS: Record<string, (f: Fixture) => { path: string; absent: string }> = {
  "GET /office/visits": () => ({ path: "/office/visits", absent: "Nhà Bí Mật" }),
  "GET /office/field/conflicts": (f) => ({ path: "/office/field/conflicts", absent: f.conflictB }),
  "GET /office/users": (f) => ({ path: "/office/users", absent: f.usernameB }),
  "GET /api/v1/users": (f) => ({ path: "/api/v1/users", absent: f.usernameB }),
  "GET /office/audit": (f) => ({ path: "/office/audit", absent: f.villageB }),
  "GET /me/dossiers": (f) => ({ path: "/me/dossiers", absent: f.dossierCodeB }),
  "GET /api/v1/me/dossiers": (f) => ({ path: "/api/v1/me/dossiers", absent: f.dossierCodeB }),
  "GET /office/registry/imports": () => ({ path: "/office/registry/imports", absent: "so-ho-bi-mat.csv" }),
  // Searched by commune B's dossier code, officer A finds nothing.
  "GET /office/search": (f) => ({ path: `/office/search?q=${encodeURIComponent(f.dossierCodeB)}`, absent: f.dossierB }),
  // Searched by the name of commune B's resident, and asking for commune B's registry (it shows A's).
  "GET /office/registry": (f) => ({ path: `/office/registry?q=${encodeURIComponent(RESIDENT_B)}&commune=${BAO_THANG}`, absent: f.householdB }),
  "GET /api/v1/households": (f) => ({ path: `/api/v1/households?q=${encodeURIComponent(RESIDENT_B)}`, absent: f.householdB }),
  "GET /office/teams": (f) => ({ path: "/office/teams", absent: f.teamB }),
  "GET /api/v1/teams": (f) => ({ path: "/api/v1/teams", absent: f.teamB }),
  // The caller's own assignments: none of commune B's households.
  "GET /office/my-households": (f) => ({ path: "/office/my-households", absent: f.householdB }),
  "GET /api/v1/me/households": (f) => ({ path: "/api/v1/me/households", absent: f.householdB }),
  "GET /office/campaigns": (f) => ({ path: "/office/campaigns", absent: f.campaignB }),
  "GET /api/v1/campaigns": (f) => ({ path: "/api/v1/campaigns", absent: f.campaignB }),
  "GET /office/trainings": (f) => ({ path: "/office/trainings", absent: f.trainingB }),
  "GET /api/v1/trainings": (f) => ({ path: "/api/v1/trainings", absent: f.trainingB }),
  "GET /office/recognition": () => ({ path: "/office/recognition", absent: "Tổ Bí Mật" }),
  "GET /office/recognition/print": () => ({ path: "/office/recognition/print", absent: "Tổ Bí Mật" }),
  "GET /office/open311-clients": () => ({ path: "/office/open311-clients", absent: "Ứng dụng Bí Mật" }),
  "GET /api/v1/open311-clients": () => ({ path: "/api/v1/open311-clients", absent: "Ứng dụng Bí Mật" }),
  "GET /office/reports": (f) => ({ path: "/office/reports", absent: f.reportCodeB }),
  "GET /office/reports/print": (f) => ({ path: "/office/reports/print", absent: f.reportCodeB }),
  "GET /api/v1/reports": (f) => ({ path: "/api/v1/reports", absent: f.reportCodeB }),
  // notices/loudspeakers
  "GET /office/stations": (f) => ({ path: "/office/stations", absent: f.stationB }),
  "GET /api/v1/radio-stations": (f) => ({ path: "/api/v1/radio-stations", absent: f.stationB }),
  // notices/authoring
  "GET /office/notices": () => ({ path: "/office/notices", absent: "Thông báo Bí Mật" }),
  "GET /api/v1/notices": (f) => ({ path: "/api/v1/notices", absent: f.noticeB }),
  // indicators/entry: officer A's communes and periods only.
  "GET /office/indicators/entry": () => ({ path: "/office/indicators/entry", absent: `/office/indicators/entry/${BAO_THANG}/` }),
};

// Public information (place names and codes, the API description) or the caller's own things.
const NOT_COMMUNE_DATA = new Set([
  // indicators/entry: the review queue answers 403 to anyone without indicator.review (a commune officer), and a
  // reviewer sees only the provinces of their grants (entry.db.test.ts).
  "GET /office/indicators/review",
  "GET /api/v1/indicators/review",
  // Open311 GeoReport v2: public reads of published reports; posts authenticated by a client's api_key, never by
  // the session (open311.http.db.test.ts checks a key of one commune cannot post to another).
  "OPTIONS /open311/v2/*",
  "GET /open311/v2/:file{discovery\\.(?:json|xml)}",
  "GET /open311/v2/:file{services\\.(?:json|xml)}",
  "GET /open311/v2/services/:file{[^/]+\\.(?:json|xml)}",
  "GET /open311/v2/:file{requests\\.(?:json|xml)}",
  "POST /open311/v2/:file{requests\\.(?:json|xml)}",
  "GET /open311/v2/requests/:file{[^/]+\\.(?:json|xml)}",
  "GET /open311/v2/tokens/:file{[^/]+\\.(?:json|xml)}",
  "GET /",
  "GET /privacy",
  "GET /help",
  "GET /help/:guide",
  "POST /language",
  "GET /sign-in",
  "POST /sign-in",
  "POST /sign-out",
  "GET /auth/oidc/start",
  "GET /auth/oidc/callback",
  "GET /healthz",
  "GET /readyz",
  "GET /metrics",
  "GET /assets/*",
  "GET /api/openapi.json",
  "GET /api/docs",
  "GET /units",
  "GET /units/:code",
  "GET /api/v1/admin-units",
  "GET /api/v1/admin-units/search",
  "GET /api/v1/admin-units/:code",
  "GET /api/v1/admin-units/:code/children",
  "GET /api/v1/me",
  "GET /office",
  "GET /office/users/new",
  // The empty new-household form: the villages it offers are the officer's own communes'.
  "GET /office/registry/households/new",
  // Empty forms: the units they offer are the officer's own.
  "GET /office/campaigns/new",
  "GET /office/trainings/new",
  // The empty ID card check form: the units it offers are the officer's own.
  "GET /office/id-card-check",
  "GET /office/tokens",
  "POST /office/tokens",
  // A province's skill checklist is province-wide; changing it needs skills.manage, which no commune role has.
  "GET /office/skills",
  "POST /office/skills",
  "GET /api/v1/skills",
  "PUT /api/v1/skills",
  // The working-day calendar is national data.
  "GET /api/v1/calendar/:year",
  "PUT /api/v1/calendar/days/:day",
  "DELETE /api/v1/calendar/days/:day",
  "GET /office/calendar",
  "POST /office/calendar/days",
  "POST /office/calendar/days/:day/remove",
  // The procedure catalogue is public; editing it needs procedure.manage, which no commune role has.
  "GET /procedures",
  "GET /procedures/:code",
  "GET /office/procedures",
  "POST /office/procedures/import",
  "POST /office/procedures/:code/active",
  "GET /office/procedures/new",
  "POST /office/procedures/new",
  "GET /office/procedures/:code/edit",
  "POST /office/procedures/:code/edit",
  "GET /api/v1/procedures",
  "GET /api/v1/procedures/export",
  "POST /api/v1/procedures/import",
  "GET /api/v1/procedures/:code",
  "GET /api/v1/procedures/:code/due-date",
  "PUT /api/v1/procedures/:code",
  "POST /api/v1/procedures/:code/active",
  // A citizen's own profile and vault, and phone sign-in.
  "GET /sign-in/phone",
  "POST /sign-in/phone",
  "GET /sign-in/phone/verify",
  "POST /sign-in/phone/verify",
  "GET /me/profile",
  "POST /me/profile",
  "GET /me/vault",
  "POST /me/vault",
  "GET /me/vault/:id/file",
  "POST /me/vault/:id/remove",
  "POST /me/profile/phone/code",
  "GET /me/profile/phone",
  "POST /me/profile/phone",
  "GET /api/v1/me/profile",
  "PUT /api/v1/me/profile",
  "POST /api/v1/me/phone/code",
  "POST /api/v1/me/phone/verify",
  "GET /api/v1/me/vault",
  // The citizen's own household, as the registry knows it.
  "GET /me/household",
  "GET /api/v1/me/household",
  "POST /api/v1/me/vault",
  "GET /api/v1/me/vault/:id/file",
  "DELETE /api/v1/me/vault/:id",
  "POST /api/v1/auth/phone/code",
  "POST /api/v1/auth/phone/verify",
  "GET /s/:code",
  // Per-commune totals only, no personal data: the service index's public transparency.
  "GET /figures",
  // A commune's citizen-report figures: counts only, public like the reports themselves.
  "GET /reports/:commune{[0-9]{5}}/figures",
  // Applying and the public status look-up (by code and last digits, throttled).
  "GET /dossiers/new",
  "POST /dossiers/new",
  "GET /status",
  "POST /status",
  "POST /api/v1/files",
  "POST /api/v1/status",
  "POST /api/v1/payments/webhook",
  // The field app: its shell and files, the same for everyone (its data comes from the snapshot API).
  "GET /field",
  "GET /field/",
  "GET /field/app.js",
  "GET /field/app.css",
  "GET /field/icon.svg",
  "GET /field/icon-192.png",
  "GET /field/icon-512.png",
  "GET /field/sw.js",
  "GET /field/manifest.webmanifest",
  // The field app's own assignment (outreach.record): an item about another commune's household is rejected with
  // 404 one by one, the rest of the batch applied (src/modules/outreach/sync/sync.api.db.test.ts).
  "GET /api/v1/field/snapshot",
  "POST /api/v1/field/sync",
  "POST /api/v1/field/photos",
  // A public report's photo (404 once hidden, whatever the commune), and the reporter's own through their secret link.
  "GET /reports/photos/:file",
  "GET /reports/follow/:code/:token/photos/:file",
  // Citizen reports in public (reports' public part): only reports published, not hidden, not rejected; no personal
  // data (src/modules/reports/public/public.db.test.ts). The map's files are the same for everyone.
  "GET /reports",
  "GET /reports/:commune{[0-9]{5}}",
  "GET /reports/:commune{[0-9]{5}}/map",
  "GET /reports/r/:code",
  "GET /reports/map-assets/:name",
  "GET /reports/map-assets/images/:name",
  "GET /api/v1/public/reports.geojson",
  // Citizen reports, reporting part: anyone may report to any commune (throttled); similar reports and "tôi cũng gặp"
  // reach only public reports; the private page, confirm and reopen need the private link's secret or the account
  // that sent the report (404 otherwise); /me/reports lists the caller's own; the assisted form lists the caller's
  // own communes (recording into another is SCOPED above).
  "GET /reports/:commune{[0-9]{5}}/new",
  "POST /reports/:commune{[0-9]{5}}/new",
  "GET /reports/follow",
  "POST /reports/follow",
  "GET /reports/follow/:code/:token",
  "POST /reports/follow/:code/:token/confirm",
  "POST /reports/follow/:code/:token/reopen",
  "POST /reports/r/:code/support",
  "GET /me/reports",
  "POST /me/reports/:code/confirm",
  "POST /me/reports/:code/reopen",
  "GET /office/reports/new",
  "POST /api/v1/reports",
  "GET /api/v1/reports/similar",
  "POST /api/v1/reports/:code/support",
  "POST /api/v1/reports/:code/confirm",
  "POST /api/v1/reports/:code/reopen",
  "GET /api/v1/me/reports",
  // notices/preferences: the caller's own choices; the SMS gateway's signed callback (by phone number, no commune).
  "GET /me/notices",
  "POST /me/notices",
  "GET /api/v1/me/notice-preferences",
  "PUT /api/v1/me/notice-preferences",
  "POST /api/v1/sms/inbound",
  // notices/public: only notices the public may read (published or withdrawn, never a draft, one in review or one
  // scheduled), signed by their unit, no personal data; their files only through a public notice
  // (src/modules/notices/public/public.db.test.ts).
  "GET /notices",
  "GET /notices/:commune{[0-9]{5}}",
  "GET /notices/:commune{[0-9]{5}}/village/:village{[0-9]{5}\\.[0-9]{3}}",
  "GET /notices/:commune{[0-9]{5}}/feed.rss",
  "GET /notices/:commune{[0-9]{5}}/feed.atom",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}/files/:fileId{[0-9a-fA-F-]{36}}",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}/audio",
  "GET /api/v1/public/notices",
  "GET /api/v1/public/notices/:id",
  // notices/channels: the delivery callbacks of the SMS gateway and Zalo, authenticated by their body's signature
  // (never by a session); channels.db.test.ts checks bad signatures and unknown ids.
  "POST /api/v1/notices/delivery-reports/sms",
  "POST /api/v1/notices/delivery-reports/zalo",
  // indicators/dashboards: the office entry redirects to the officer's own unit; the public page shows sums of any
  // commune or province (no personal data: dashboards.db.test.ts).
  "GET /office/indicators",
  "GET /indicators",
  "GET /indicators/:unit{[0-9.]{2,9}}",
  // hall/queue: the kiosk and its files, the services list and taking a number are public for every commune (limited
  // per address or kiosk device); a ticket is read by its unguessable id; a kiosk's setup by its one-time token.
  "GET /hall/queue-assets/:name",
  "GET /hall/:commune{[0-9]{5}}/kiosk",
  "POST /hall/:commune{[0-9]{5}}/kiosk",
  "GET /hall/:commune{[0-9]{5}}/kiosk/t/:id",
  "GET /hall/kiosk-setup/:token",
  "POST /hall/kiosk-setup/:token",
  "GET /hall/t/:id",
  "GET /hall/:commune{[0-9]{5}}/book",
  "POST /hall/:commune{[0-9]{5}}/book",
  "GET /api/v1/hall/:commune/services",
  "POST /api/v1/hall/:commune/tickets",
  "GET /api/v1/hall/tickets/:id",
  // hall/screen: the big screen and its stream show ticket numbers, counters, public notices and figures only.
  "GET /hall/:commune{[0-9]{5}}/screen",
  "GET /hall/:commune{[0-9]{5}}/screen/events",
  // notices/loudspeakers: the station's player authenticates with its own key, never a session or an API token
  // (a key opens only its station: loudspeakers.db.test.ts); a published notice's audio is public like the notice.
  "GET /api/v1/radio-stations/:id/feed",
  "GET /api/v1/radio-stations/:id/audio/:slotId",
  "POST /api/v1/radio-stations/:id/plays",
  // notices/authoring: the empty form offers the officer's own units (writing into commune B is SCOPED above).
  "GET /office/notices/new",
  // hall/joinup: booking online through the API is public like the booking page (limited per address and phone).
  "GET /api/v1/hall/:commune/bookings/slots",
  "POST /api/v1/hall/:commune/bookings",
  // indicators/elements: the catalogue of computed elements and the refresh runs' times (no unit's figures); "refresh
  // now" recomputes only the provinces the caller manages (indicator.manage).
  "GET /office/indicators/elements",
  "POST /office/indicators/elements",
  "GET /api/v1/indicators/elements",
]);

// indicators/exports: commune B's downloads, its monthly report (subscription and a generated run).
Object.assign(SCOPED, {
  "GET /office/indicators/u/:unit/export.xlsx": () => ({ path: `/office/indicators/u/${BAO_THANG}/export.xlsx?period=2026-11` }),
  "GET /office/indicators/u/:unit/export.csv": () => ({ path: `/office/indicators/u/${BAO_THANG}/export.csv?period=2026-11` }),
  "GET /office/indicators/u/:unit/export.pdf": () => ({ path: `/office/indicators/u/${BAO_THANG}/export.pdf?period=2026-11` }),
  "GET /api/v1/indicators/export.xlsx": () => ({ path: `/api/v1/indicators/export.xlsx?unit=${BAO_THANG}&period=2026-11` }),
  "GET /api/v1/indicators/export.csv": () => ({ path: `/api/v1/indicators/export.csv?unit=${BAO_THANG}&period=2026-11` }),
  "GET /api/v1/indicators/export.pdf": () => ({ path: `/api/v1/indicators/export.pdf?unit=${BAO_THANG}&period=2026-11` }),
  "POST /office/indicators/reports": () => ({
    path: "/office/indicators/reports",
    form: { unit: BAO_THANG, sets: "service-index-766", by: "self", recipients: "x@example.vn" },
  }),
  "POST /office/indicators/reports/:id/end": (f) => ({ path: `/office/indicators/reports/${f.indicatorReportB}/end`, form: {} }),
  "GET /office/indicators/reports/runs/:id/report.pdf": (f) => ({ path: `/office/indicators/reports/runs/${f.indicatorRunB}/report.pdf` }),
  "GET /office/indicators/reports/runs/:id/report.xlsx": (f) => ({ path: `/office/indicators/reports/runs/${f.indicatorRunB}/report.xlsx` }),
} satisfies Record<string, Probe>);
SCOPED_LISTS["GET /office/indicators/reports"] = (f) => ({ path: "/office/indicators/reports", absent: f.indicatorRunB });

async function indicatorReportFixtureB(t: TestApp) {
  const unit = (await t.db.query<{ path: string }>("SELECT path FROM admin_units WHERE code = $1", [BAO_THANG])).rows[0]!.path;
  const sub = await t.db.query<{ id: string }>(
    "INSERT INTO indicator_report_subscriptions (unit_code, unit_path, set_keys, recipients) VALUES ($1, $2, '{service-index-766}', '{b@example.vn}') RETURNING id",
    [BAO_THANG, unit],
  );
  const file = await storeFile(t.db, {
    ownerUserId: null,
    communeCode: BAO_THANG,
    name: "bc.pdf",
    bytes: aPdf("ir"),
    maxBytes: 1_000_000,
    field: "file",
    quota: null,
  });
  const run = await t.db.query<{ id: string }>(
    "INSERT INTO indicator_report_runs (subscription_id, period, pdf_file_id, xlsx, recipients) VALUES ($1, '2026-10', $2, '\\x00', '{b@example.vn}') RETURNING id",
    [sub.rows[0]!.id, file.id],
  );
  return { indicatorReportB: sub.rows[0]!.id, indicatorRunB: run.rows[0]!.id };
}

// indicators/entry: an approved value of commune B with one piece of evidence.
async function indicatorEntryOfB(t: TestApp, ownerUserId: string) {
  const value = await buildManualValue(t.deps, { element: "wifi_points", unit: BAO_THANG, period: "2026-Q3", value: 7 });
  const file = await storeFile(t.db, {
    ownerUserId,
    communeCode: BAO_THANG,
    name: "wifi.pdf",
    bytes: aPdf("wifi"),
    maxBytes: 1_000_000,
    field: "file",
    quota: null,
  });
  const e = await t.db.query<{ id: string }>(
    "INSERT INTO indicator_evidence (value_id, file_id, name, media_type, size_bytes) VALUES ($1, $2, 'wifi.pdf', 'application/pdf', $3) RETURNING id",
    [value, file.id, file.sizeBytes],
  );
  return { indicatorValueB: value, indicatorEvidenceB: e.rows[0]!.id };
}

// hall/queue: commune B's service, counter, a waiting ticket and a kiosk.
async function hallFixtureB(t: TestApp) {
  const service = await buildHallService(t.deps, { communeCode: BAO_THANG });
  const counter = await buildCounter(t.deps, { communeCode: BAO_THANG, serviceIds: [service.id] });
  const ticket = await t.db.tx((q) =>
    issueTicket(q, t.deps, {
      communeCode: BAO_THANG,
      serviceId: service.id,
      source: "desk",
      day: toLocalDay(t.clock.now()),
      actor: SYSTEM_ACTOR,
      requestId: null,
    }),
  );
  const kiosk = await t.db.query<{ id: string }>("INSERT INTO hall_kiosks (commune_code, name) VALUES ($1, 'Máy Bí Mật') RETURNING id", [BAO_THANG]);
  return { hallServiceB: service.id, hallCounterB: counter.id, hallTicketB: ticket, hallKioskB: kiosk.rows[0]!.id };
}

describeDb("access between communes", () => {
  let t: TestApp;
  let officerA: TestClient;
  let tokenA: string;
  let f: Fixture;

  beforeAll(async () => {
    t = await buildTestApp();
    const adminA = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const adminB = await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] });
    const villageB = await buildVillage(t.deps, BAO_THANG, "Thôn Bí Mật");
    const clientB = new TestClient(t.app);
    await clientB.signIn(adminB.username, PASSWORD);
    await clientB.post("/office/tokens", { name: "b", role: "commune_admin", adminUnitCode: BAO_THANG });
    const tokenB = (await t.db.query("SELECT id FROM api_tokens WHERE user_id = $1", [adminB.id])).rows[0]!.id as string;
    // A dossier of commune B, filed at its counter, with a document and a confirmed fee.
    await withCatalogue(t.deps);
    const deskB = await acting(t.deps, await buildUser(t.deps, { roles: [["one_stop_officer", BAO_THANG]] }));
    const dossierB = await buildDossier(t.deps, deskB, { commune: BAO_THANG, channel: "counter", procedure: COUNTER_PROCEDURE.code });
    const documentB = (await t.db.query("SELECT id FROM dossier_documents WHERE dossier_id = $1 LIMIT 1", [dossierB.id])).rows[0]!.id as string;
    const paymentB = await confirmPayment(t.deps, deskB, dossierB.id, { method: "cash" });
    // A resident of commune B with the phone the citizen below verifies: a link is proposed to that citizen.
    const homeB = await buildHousehold(t.deps, { villageCode: villageB.code, members: [{ fullName: "Bàn Văn Bí", birthYear: 1970, phone: "0912000114" }] });
    // A citizen with a verified phone, whose ID card only an officer at a desk may vouch for.
    await verifyPhone(t.deps, await acting(t.deps, await buildUser(t.deps, { kind: "citizen", home: BAO_THANG })), "0912000114");
    const householdB = await buildHousehold(t.deps, { villageCode: villageB.code, members: [{ fullName: RESIDENT_B }, {}] });
    // A team of commune B's village with a volunteer looking after one household.
    const volunteerB = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", villageB.code]] });
    const teamB = await buildTeam(t.deps, { communeCode: BAO_THANG, villageCode: villageB.code, name: "Tổ Bí Mật", memberUserIds: [volunteerB.id] });
    await assignHouseholds(t.deps, [householdB.id], teamB.id, volunteerB.id);
    // Commune B's outreach: a campaign, a training with a material, a team with a visit (for recognition).
    const campaignB = await t.db.query<{ id: string }>(
      `INSERT INTO campaigns (unit_code, unit_path, name, skill_key, target_percent, starts_on, ends_on)
       SELECT code, path, 'Chiến dịch B', 'vneid_level2', 80, '2026-11-01', '2026-12-31' FROM admin_units WHERE code = $1 RETURNING id`,
      [BAO_THANG],
    );
    const trainingB = await t.db.query<{ id: string }>(
      `INSERT INTO trainings (commune_code, unit_path, held_on, place, topic, trainer)
       SELECT $1, path, '2026-11-20', 'B', 'B', 'B' FROM admin_units WHERE code = $2 RETURNING id`,
      [BAO_THANG, villageB.code],
    );
    const fileB = await storeFile(t.db, {
      ownerUserId: adminB.id,
      communeCode: BAO_THANG,
      name: "b.pdf",
      bytes: aPdf("b"),
      maxBytes: 1_000_000,
      field: "file",
      quota: null,
    });
    await t.db.query("INSERT INTO training_materials (training_id, file_id, file_name) VALUES ($1, $2, 'b.pdf')", [trainingB.rows[0]!.id, fileB.id]);
    await t.db.query(
      `INSERT INTO visits (id, household_id, commune_code, unit_path, team_id, volunteer_user_id, visited_on, outcome, recorded_at)
       SELECT gen_random_uuid(), id, commune_code, unit_path, $2, $3, '2026-11-20', 'helped', now() FROM households WHERE id = $1`,
      [householdB.id, teamB.id, volunteerB.id],
    );
    // An open field-sync conflict about commune B's household.
    const batch = randomUUID();
    const item = randomUUID();
    await t.db.query("INSERT INTO sync_batches (id, user_id, item_count) VALUES ($1, $2, 1)", [batch, adminB.id]);
    await t.db.query("INSERT INTO sync_items (item_id, batch_id, user_id, kind, outcome) VALUES ($1, $2, $3, 'household.update', 'conflict')", [
      item,
      batch,
      adminB.id,
    ]);
    const conflictB = await t.db.query<{ id: string }>(
      `INSERT INTO sync_conflicts (item_id, entity, entity_id, household_id, commune_code, unit_path, submitted_by, base_version, server_version, proposed, server_state)
       SELECT $1, 'household', h.id, h.id, h.commune_code, h.unit_path, $2, 1, 1, '{"address": "Đổi trộm"}', jsonb_build_object('address', h.address, 'poverty', h.poverty)
       FROM households h WHERE h.id = $3 RETURNING id`,
      [item, adminB.id, householdB.id],
    );
    // A registry file checked for commune B (its village, one household), not committed.
    const importB = await checkImport(t.deps, await acting(t.deps, adminB), {
      communeCode: BAO_THANG,
      fileName: "so-ho-bi-mat.csv",
      format: "csv",
      bytes: new TextEncoder().encode(`${REGISTRY_FILE_COLUMNS.map((c) => c.vi).join(",")}\nH1,Thôn Bí Mật,Số 1,Chủ hộ,Bí Mật,,1970\n`),
    });
    // A public citizen report of commune B (its own category "road") with one photo; officer A may neither see it
    // from the office nor hide it.
    const categoryB = await buildReportCategory(t.deps, { communeCode: BAO_THANG, code: "road" });
    const reportB = await buildReport(t.deps, { categoryId: categoryB.id, communeCode: BAO_THANG, villageCode: villageB.code, reporterName: RESIDENT_B });
    const photoJpeg = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
        .jpeg()
        .toBuffer(),
    );
    const preparedB = await preparePhotos([{ name: "b.jpg", claimedType: "image/jpeg", bytes: photoJpeg }]);
    const [photoB] = await t.db.tx((q) =>
      saveReportPhotos(q, { reportId: reportB.id, communeCode: BAO_THANG, stage: "report", photos: preparedB, actorUserId: null, quota: null }),
    );
    const open311ClientB = await t.db.query<{ id: string }>(
      `INSERT INTO open311_clients (name, unit_code, unit_path, key_hash, key_hint)
       SELECT 'Ứng dụng Bí Mật', code, path, repeat('b', 64), 'bbbb' FROM admin_units WHERE code = $1 RETURNING id`,
      [BAO_THANG],
    );
    // notices/authoring: a draft notice of commune B with an attachment.
    const noticeB = await buildNotice(t.deps, { unitCode: BAO_THANG, status: "draft", title: "Thông báo Bí Mật" });
    const noticeFileB = await storeFile(t.db, {
      ownerUserId: adminB.id,
      communeCode: BAO_THANG,
      name: "nb.pdf",
      bytes: aPdf("nb"),
      maxBytes: 1_000_000,
      field: "file",
      quota: null,
    });
    await t.db.query("INSERT INTO notice_attachments (notice_id, file_id, name) VALUES ($1, $2, 'nb.pdf')", [noticeB.id, noticeFileB.id]);
    f = {
      reportB: reportB.id,
      reportPhotoB: photoB!.id,
      open311ClientB: open311ClientB.rows[0]!.id,
      categoryB: categoryB.id,
      reportCodeB: reportB.code,
      importB: importB.id,
      campaignB: campaignB.rows[0]!.id,
      trainingB: trainingB.rows[0]!.id,
      materialB: fileB.id,
      householdB: householdB.id,
      residentB: householdB.residentIds[1]!,
      conflictB: conflictB.rows[0]!.id,
      villageB: villageB.code,
      userB: adminB.id,
      tokenB,
      usernameB: adminB.username,
      dossierB: dossierB.id,
      dossierCodeB: dossierB.code!,
      documentB,
      paymentB: paymentB.id,
      teamB: teamB.id,
      volunteerB: volunteerB.id,
      linkResidentB: homeB.residentIds[0]!,
      linkB: (await t.db.query("SELECT id FROM resident_account_links WHERE resident_id = $1", [homeB.residentIds[0]])).rows[0]!.id as string,
      ...(await hallFixtureB(t)),
      ...(await indicatorReportFixtureB(t)),
      ...(await loudspeakersOfB(t, villageB.code)),
      noticeB: noticeB.id,
      noticeFileB: noticeFileB.id,
      ...(await indicatorEntryOfB(t, adminB.id)),
    };
    officerA = new TestClient(t.app);
    await officerA.signIn(adminA.username, PASSWORD);
    const created = await officerA.post("/office/tokens", { name: "a", role: "commune_admin", adminUnitCode: GIA_PHU });
    tokenA = /<code>(xaso_[^<]+)<\/code>/.exec(await created.text())![1]!;
  });
  afterAll(() => t.close());

  const routes = () => [...new Set(t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];

  it("has classified every route the app serves", () => {
    const unclassified = routes().filter((r) => !(r in SCOPED) && !(r in SCOPED_LISTS) && !NOT_COMMUNE_DATA.has(r));
    expect(unclassified).toEqual([]);
  });

  it("answers 404 to officer A, through pages and through an API token, for each of commune B's resources", async () => {
    for (const route of routes().filter((r) => r in SCOPED)) {
      const [method] = route.split(" ");
      const probe = SCOPED[route]!(f);
      let res: Response;
      if (probe.multipart !== undefined) {
        const form = new FormData();
        for (const [k, v] of Object.entries(probe.multipart)) form.set(k, v);
        res = await t.app.request(probe.path, { method, body: form, headers: { authorization: `Bearer ${tokenA}` } });
      } else if (probe.json !== undefined) {
        res = await t.app.request(probe.path, {
          method,
          body: JSON.stringify(probe.json),
          headers: { "content-type": "application/json", authorization: `Bearer ${tokenA}` },
        });
      } else if (method === "POST") {
        res = await officerA.post(probe.path, probe.form ?? {});
      } else {
        res = probe.path.startsWith("/api/")
          ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } })
          : await officerA.get(probe.path);
      }
      expect(res.status, route).toBe(404);
      expect(await res.text(), route).not.toContain(f.usernameB);
    }
  });

  it("left commune B's data untouched", async () => {
    const village = await t.db.query("SELECT name FROM admin_units WHERE code = $1", [f.villageB]);
    expect(village.rows[0]!.name).toBe("Thôn Bí Mật");
    const user = await t.db.query("SELECT disabled_at FROM users WHERE id = $1", [f.userB]);
    expect(user.rows[0]!.disabled_at).toBeNull();
    expect((await t.db.query("SELECT 1 FROM users WHERE username = 'intruder.b'")).rowCount).toBe(0);
    expect((await t.db.query("SELECT revoked_at FROM api_tokens WHERE id = $1", [f.tokenB])).rows[0]!.revoked_at).toBeNull();
    expect((await t.db.query("SELECT count(*)::int AS n FROM admin_units WHERE parent_code = $1", [BAO_THANG])).rows[0]!.n).toBe(1);
    expect((await t.db.query("SELECT hidden_at FROM reports WHERE id = $1", [f.reportB])).rows[0]!.hidden_at).toBeNull();
    expect((await t.db.query("SELECT hidden_at FROM report_photos WHERE id = $1", [f.reportPhotoB])).rows[0]!.hidden_at).toBeNull();
    const dossier = await t.db.query("SELECT state, fee_status FROM dossiers WHERE id = $1", [f.dossierB]);
    expect(dossier.rows[0]).toEqual({ state: "received", fee_status: "paid" });
    expect((await t.db.query("SELECT status FROM payments WHERE id = $1", [f.paymentB])).rows[0]!.status).toBe("paid");
    expect((await t.db.query("SELECT agency_code FROM commune_settings WHERE commune_code = $1", [BAO_THANG])).rowCount).toBe(0);
    expect((await t.db.query("SELECT 1 FROM citizen_profiles WHERE verified_citizen_id_number IS NOT NULL")).rowCount).toBe(0);
    const household = await t.db.query("SELECT version, address FROM households WHERE id = $1", [f.householdB]);
    expect(household.rows[0]!.version).toBe(1);
    expect((await t.db.query("SELECT count(*)::int AS n FROM residents WHERE household_id = $1 AND archived_at IS NULL", [f.householdB])).rows[0]!.n).toBe(2);
    expect((await t.db.query("SELECT count(*)::int AS n FROM households WHERE commune_code = $1", [BAO_THANG])).rows[0]!.n).toBe(2);
    const team = await t.db.query("SELECT name, archived_at FROM digital_teams WHERE id = $1", [f.teamB]);
    expect(team.rows[0]).toEqual({ name: "Tổ Bí Mật", archived_at: null });
    expect((await t.db.query("SELECT 1 FROM digital_teams WHERE name = 'Tổ xâm nhập'")).rowCount).toBe(0);
    expect((await t.db.query("SELECT 1 FROM team_members WHERE team_id = $1 AND left_at IS NULL", [f.teamB])).rowCount).toBe(1);
    const assignment = await t.db.query("SELECT team_id, member_user_id FROM household_assignments WHERE household_id = $1", [f.householdB]);
    expect(assignment.rows[0]).toEqual({ team_id: f.teamB, member_user_id: f.volunteerB });
    expect((await t.db.query("SELECT user_id FROM residents WHERE id = $1", [f.linkResidentB])).rows[0]!.user_id).toBeNull();
    expect((await t.db.query("SELECT status FROM resident_account_links WHERE id = $1", [f.linkB])).rows[0]!.status).toBe("proposed");
    expect((await t.db.query("SELECT status FROM sync_conflicts WHERE id = $1", [f.conflictB])).rows[0]!.status).toBe("open");
  });

  it("leaves commune B's data out of every list officer A sees", async () => {
    for (const route of routes().filter((r) => r in SCOPED_LISTS)) {
      const probe = SCOPED_LISTS[route]!(f);
      const res = probe.path.startsWith("/api/")
        ? await t.app.request(probe.path, { headers: { authorization: `Bearer ${tokenA}` } })
        : await officerA.get(probe.path);
      expect(res.status, route).toBe(200);
      expect(await res.text(), route).not.toContain(probe.absent);
    }
  });

  it("shows public place names to everyone alike, signed in or not", async () => {
    const anonymous = await t.app.request(`/api/v1/admin-units/${f.villageB}`);
    const asA = await t.app.request(`/api/v1/admin-units/${f.villageB}`, { headers: { authorization: `Bearer ${tokenA}` } });
    expect(anonymous.status).toBe(200);
    expect(await asA.json()).toEqual(await anonymous.json());
  });
});

// notices/loudspeakers: a station in commune B's village with one slot of a notice of B.
async function loudspeakersOfB(t: TestApp, villageCode: string): Promise<{ stationB: string; slotB: string; noticeB: string }> {
  const notice = await buildNotice(t.deps, { unitCode: BAO_THANG, title: "Thông báo Bí Mật" });
  const station = await t.db.query<{ id: string }>(
    `INSERT INTO radio_stations (commune_code, village_code, unit_path, name, key_hash)
     SELECT $1, code, path, 'Trạm Bí Mật', repeat('c', 64) FROM admin_units WHERE code = $2 RETURNING id`,
    [BAO_THANG, villageCode],
  );
  const file = await storeFile(t.db, {
    ownerUserId: null,
    communeCode: BAO_THANG,
    name: "b.mp3",
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
  return { stationB: station.rows[0]!.id, slotB: slot.rows[0]!.id, noticeB: notice.id };
}
