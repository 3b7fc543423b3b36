// Every read of someone else's personal data leaves an audit entry (docs/security.md, "Personal data"), and every
// answer holding personal data is kept by no cache. This test walks every GET route of the app: a new route fails
// it until it is classified below as an audited read, the caller's own data, or a route with no personal data.
import { afterAll, beforeAll, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { act, acting, APPLICANT, buildDossier, deskTeam, ONLINE_PROCEDURE } from "../support/dossier-factories.ts";
import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { preparePhotos, saveReportPhotos } from "../../src/modules/reports/use-cases/photo-store.ts";
import { hashFollowToken } from "../../src/modules/reports/reporting/report-code.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { aPdf, documentsFor, formValuesFor } from "../support/procedure-factories.ts";
import { buildTestApp, type TestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../support/registry-factories.ts";
import { uploadToVault } from "../../src/modules/citizens/index.ts";
import { fileDossier } from "../../src/modules/dossiers/index.ts";
import { confirmPayment } from "../../src/modules/payments/index.ts";
import { getProcedure } from "../../src/modules/procedures/index.ts";
import { checkImport, REGISTRY_FILE_COLUMNS } from "../../src/modules/registry/index.ts";
import { submitReport } from "../../src/modules/reports/index.ts";
import { buildNotice } from "../support/notice-factories.ts";
import { storeFile } from "../../src/platform/files/file-store.ts";

/** A person of the registry file the fixture checks (twice, so the preview lists them as a possible duplicate). */
const IMPORT_PERSON = "Đinh Thị Hoa";

/** What every file download answers with: an uploaded file runs nothing in our origin. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

type Reader = "officer" | "token" | "volunteer";
type Fixture = {
  officerId: string;
  volunteerId: string;
  citizenId: string;
  /** Filed by the citizen, received, paid: every office read and form of a received dossier. */
  dossier: string;
  document: string;
  payment: string;
  supplemented: string;
  paused: string;
  refused: string;
  /** Filed by a volunteer for someone else, received and paid; and a volunteer's draft. */
  assisted: string;
  assistedDocument: string;
  assistedPayment: string;
  volunteerDraft: string;
  citizenDraft: string;
  vaultItem: string;
  /** A household of the registry and one of its members. */
  household: string;
  resident: string;
  /** A commune-wide team of GIA_PHU; the volunteer looks after one of its households. */
  team: string;
  householdAddress: string;
  /** A registry resident of GIA_PHU, in a household assigned to the volunteer. */
  linkResident: string;
  /** A training in GIA_PHU with one attendee (TRAINEE). */
  training: string;
  /** An open field-sync conflict about a household of the commune. */
  conflict: string;
  /** A registry file checked for Gia Phú, not yet committed. */
  registryImport: string;
  /** A citizen report of GIA_PHU with its reporter's name and phone (REPORTER). */
  report: string;
  /** A photo of a public citizen report of GIA_PHU, with the report's code and its private follow secret. */
  reportPhoto: { id: string; code: string; token: string };
  /** The private page of a citizen report (code and secret). */
  reportFollow: string;
  /** A notice of GIA_PHU with one failed SMS to NOTICE_PHONE (notices/audiences). */
  noticeWithFailure: string;
  // notices/authoring
  /** A draft notice of GIA_PHU with a list of phone numbers (NOTICE_LIST_PHONE) and an attachment. */
  notice: { id: string; fileId: string };
};
/** The number of the fixture notice's failed delivery: the delivery report lists it. */
const NOTICE_PHONE = "+84912777111";
// notices/authoring
const NOTICE_LIST_PHONE = "0912666555";
const NOTICE_ID = ":id{[0-9a-fA-F-]{36}}";
/** The attendee of the fixture's training: the training page names them. */
const TRAINEE = "Lò Thị Tập Huấn";
type Kind = "page" | "api" | "download" | "printed";
type Probe = { as: Reader; path: string; kind: Kind; target: { type: string; id: string | null }; shows?: string };

const REGISTRY_PERSON = "Hà Thị Sổ Hộ";
const REGISTRY_PHONE = "0912777888";
const dossierPart = (id: string) => ({ type: "dossier", id });
/** The registry resident's name: what the pages reading their record show. */
const RESIDENT = "Phàn Thị Mẩy";
/** The gap list of skills and coverage: who still needs what (one entry per list). */
const GAPS = { type: "coverageGaps", id: null };
/** The reporter of the fixture's citizen report: the office report page and API show their contact. */
const REPORTER = "Vàng Thị Phản Ánh";
const REPORT_ID = ":id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

// Reads of someone else's personal data: each probe must answer 200 and add exactly one entry naming the reader
// and what was read (a list is one entry for the page).
const AUDITED: Record<string, (f: Fixture) => Probe[]> = {
  // Reports: the office view of one report shows its reporter's contact.
  [`GET /office/reports/${REPORT_ID}`]: (f) => [
    { as: "officer", path: `/office/reports/${f.report}`, kind: "page", target: { type: "report", id: f.report }, shows: REPORTER },
  ],
  "GET /api/v1/reports/:id": (f) => [
    { as: "token", path: `/api/v1/reports/${f.report}`, kind: "api", target: { type: "report", id: f.report }, shows: REPORTER },
  ],
  // indicators/dashboards: the records behind a number (dossiers, households), one entry per page.
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}/records/:element{[a-z][a-z0-9_]{0,62}}": () => [
    { as: "officer", path: `/office/indicators/u/${GIA_PHU}/records/dossier_received`, kind: "page", target: { type: "indicatorDossiers", id: null } },
    { as: "officer", path: `/office/indicators/u/${GIA_PHU}/records/household_proficient`, kind: "page", target: { type: "indicatorHouseholds", id: null } },
  ],
  "GET /office/coverage/gaps": () => [{ as: "officer", path: `/office/coverage/gaps?unit=${GIA_PHU}`, kind: "page", target: GAPS }],
  "GET /office/coverage/gaps/print": () => [{ as: "officer", path: `/office/coverage/gaps/print?unit=${GIA_PHU}`, kind: "page", target: GAPS }],
  "GET /office/coverage.xlsx": () => [{ as: "officer", path: `/office/coverage.xlsx?unit=${GIA_PHU}`, kind: "printed", target: GAPS }],
  "GET /api/v1/coverage/gaps": () => [{ as: "token", path: `/api/v1/coverage/gaps?unit=${GIA_PHU}`, kind: "api", target: GAPS }],
  "GET /api/v1/coverage.xlsx": () => [{ as: "token", path: `/api/v1/coverage.xlsx?unit=${GIA_PHU}`, kind: "api", target: GAPS }],
  "GET /office/dossiers/:id": (f) => [
    { as: "officer", path: `/office/dossiers/${f.dossier}`, kind: "page", target: dossierPart(f.dossier), shows: APPLICANT.phone },
  ],
  "GET /office/dossiers/:id/files/:docId": (f) => [
    { as: "officer", path: `/office/dossiers/${f.dossier}/files/${f.document}`, kind: "download", target: dossierPart(f.dossier) },
  ],
  "GET /office/dossiers/:id/receipt.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.dossier}/receipt.pdf`, kind: "printed", target: dossierPart(f.dossier) },
  ],
  "GET /office/dossiers/:id/tracking-slip.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.dossier}/tracking-slip.pdf`, kind: "printed", target: dossierPart(f.dossier) },
  ],
  "GET /office/dossiers/:id/supplement-request.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.supplemented}/supplement-request.pdf`, kind: "printed", target: dossierPart(f.supplemented) },
  ],
  "GET /office/dossiers/:id/refusal.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.refused}/refusal.pdf`, kind: "printed", target: dossierPart(f.refused) },
  ],
  "GET /office/dossiers/:id/apology.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.paused}/apology.pdf`, kind: "printed", target: dossierPart(f.paused) },
  ],
  "GET /office/dossiers/:id/stop-notice.pdf": (f) => [
    { as: "officer", path: `/office/dossiers/${f.paused}/stop-notice.pdf`, kind: "printed", target: dossierPart(f.paused) },
  ],
  "GET /office/desk": () => [
    {
      as: "officer",
      path: `/office/desk?commune=${GIA_PHU}&queue=inProgress`,
      kind: "page",
      target: { type: "deskQueue", id: GIA_PHU },
      shows: APPLICANT.fullName,
    },
  ],
  // Found by the phone: the page names the applicant, which the query did not.
  "GET /office/search": () => [
    {
      as: "officer",
      path: `/office/search?q=${APPLICANT.phone}`,
      kind: "page",
      target: { type: "dossierSearch", id: null },
      shows: APPLICANT.fullName,
    },
  ],
  "GET /office/desk/register.pdf": () => [
    {
      as: "officer",
      path: `/office/desk/register.pdf?commune=${GIA_PHU}&from=2026-11-01&to=2026-11-30`,
      kind: "printed",
      target: { type: "dossierRegister", id: GIA_PHU },
    },
  ],
  "GET /office/users": () => [{ as: "officer", path: "/office/users", kind: "page", target: { type: "userList", id: null } }],
  "GET /office/users/:id": (f) => [{ as: "officer", path: `/office/users/${f.citizenId}`, kind: "page", target: { type: "user", id: f.citizenId } }],
  "GET /office/audit": () => [{ as: "officer", path: "/office/audit", kind: "page", target: { type: "auditLog", id: null } }],
  "GET /payments/:id/receipt": (f) => [
    { as: "officer", path: `/payments/${f.payment}/receipt`, kind: "page", target: dossierPart(f.dossier), shows: APPLICANT.fullName },
    { as: "volunteer", path: `/payments/${f.assistedPayment}/receipt`, kind: "page", target: dossierPart(f.assisted), shows: APPLICANT.fullName },
  ],
  "GET /payments/:id/receipt.pdf": (f) => [
    { as: "officer", path: `/payments/${f.payment}/receipt.pdf`, kind: "printed", target: dossierPart(f.dossier) },
    { as: "volunteer", path: `/payments/${f.assistedPayment}/receipt.pdf`, kind: "printed", target: dossierPart(f.assisted) },
  ],
  // The applicant's pages, read by an officer of the commune or by the volunteer who filed for someone else.
  "GET /me/dossiers/:id": (f) => [
    { as: "volunteer", path: `/me/dossiers/${f.assisted}`, kind: "page", target: dossierPart(f.assisted), shows: "identityDocument.pdf" },
    { as: "officer", path: `/me/dossiers/${f.dossier}`, kind: "page", target: dossierPart(f.dossier), shows: "identityDocument.pdf" },
  ],
  "GET /me/dossiers/:id/files/:docId": (f) => [
    { as: "volunteer", path: `/me/dossiers/${f.assisted}/files/${f.assistedDocument}`, kind: "download", target: dossierPart(f.assisted) },
  ],
  "GET /dossiers/:id/edit": (f) => [
    { as: "volunteer", path: `/dossiers/${f.volunteerDraft}/edit`, kind: "page", target: dossierPart(f.volunteerDraft), shows: APPLICANT.citizenIdNumber },
  ],
  // The API, through an API token.
  "GET /api/v1/dossiers/:id": (f) => [
    { as: "token", path: `/api/v1/dossiers/${f.dossier}`, kind: "api", target: dossierPart(f.dossier), shows: APPLICANT.phone },
  ],
  "GET /api/v1/dossiers/:id/documents/:documentId": (f) => [
    { as: "token", path: `/api/v1/dossiers/${f.dossier}/documents/${f.document}`, kind: "download", target: dossierPart(f.dossier) },
  ],
  "GET /api/v1/dossiers/:id/payment": (f) => [{ as: "token", path: `/api/v1/dossiers/${f.dossier}/payment`, kind: "api", target: dossierPart(f.dossier) }],
  "GET /api/v1/communes/:code/queues": () => [
    {
      as: "token",
      path: `/api/v1/communes/${GIA_PHU}/queues?queue=inProgress`,
      kind: "api",
      target: { type: "deskQueue", id: GIA_PHU },
      shows: APPLICANT.fullName,
    },
  ],
  // The household registry: a household, a resident, a page of search results (one entry per page).
  "GET /office/registry": () => [
    {
      as: "officer",
      path: `/office/registry?commune=${GIA_PHU}&q=${encodeURIComponent(REGISTRY_PERSON)}`,
      kind: "page",
      target: { type: "residentSearch", id: null },
      shows: REGISTRY_PHONE,
    },
  ],
  "GET /office/registry/households/:id": (f) => [
    { as: "officer", path: `/office/registry/households/${f.household}`, kind: "page", target: { type: "household", id: f.household }, shows: REGISTRY_PERSON },
  ],
  "GET /office/registry/residents/:id": (f) => [
    { as: "officer", path: `/office/registry/residents/${f.resident}`, kind: "page", target: { type: "resident", id: f.resident }, shows: REGISTRY_PHONE },
  ],
  "GET /api/v1/households": () => [
    { as: "token", path: `/api/v1/households?q=${REGISTRY_PHONE}`, kind: "api", target: { type: "residentSearch", id: null }, shows: REGISTRY_PERSON },
  ],
  "GET /api/v1/households/:id": (f) => [
    { as: "token", path: `/api/v1/households/${f.household}`, kind: "api", target: { type: "household", id: f.household }, shows: REGISTRY_PERSON },
  ],
  "GET /api/v1/residents/:id": (f) => [
    { as: "token", path: `/api/v1/residents/${f.resident}`, kind: "api", target: { type: "resident", id: f.resident }, shows: REGISTRY_PHONE },
  ],
  "GET /api/v1/field/snapshot": () => [{ as: "volunteer", path: "/api/v1/field/snapshot", kind: "api", target: { type: "fieldSnapshot", id: null } }],
  "GET /api/v1/households/:id/visits": (f) => [
    { as: "token", path: `/api/v1/households/${f.household}/visits`, kind: "api", target: { type: "household", id: f.household } },
  ],
  "GET /office/visits": () => [{ as: "officer", path: `/office/visits?commune=${GIA_PHU}`, kind: "page", target: { type: "visitList", id: null } }],
  "GET /office/field/conflicts": (f) => [
    {
      as: "officer",
      path: "/office/field/conflicts",
      kind: "page",
      target: { type: "syncConflictList", id: null },
      shows: `/office/field/conflicts/${f.conflict}`,
    },
  ],
  "GET /office/field/conflicts/:id": (f) => [
    { as: "officer", path: `/office/field/conflicts/${f.conflict}`, kind: "page", target: { type: "syncConflict", id: f.conflict }, shows: "Số 9, ngõ 1" },
  ],
  "GET /api/v1/users": () => [{ as: "token", path: "/api/v1/users", kind: "api", target: { type: "userList", id: null } }],
  // The citizen-report desk: residents' own words and the officers assigned (no reporter's name or contact).
  "GET /office/reports": () => [{ as: "officer", path: "/office/reports", kind: "page", target: { type: "reportList", id: null } }],
  "GET /office/reports/print": () => [{ as: "officer", path: "/office/reports/print", kind: "page", target: { type: "reportList", id: null } }],
  "GET /api/v1/reports": () => [{ as: "token", path: "/api/v1/reports", kind: "api", target: { type: "reportList", id: null } }],
  // A registry import's preview names the people of the file; the export is the registry itself.
  "GET /office/registry/imports/:id": (f) => [
    {
      as: "officer",
      path: `/office/registry/imports/${f.registryImport}`,
      kind: "page",
      target: { type: "registryImport", id: f.registryImport },
      shows: IMPORT_PERSON,
    },
  ],
  "GET /api/v1/registry/imports/:id": (f) => [
    {
      as: "token",
      path: `/api/v1/registry/imports/${f.registryImport}`,
      kind: "api",
      target: { type: "registryImport", id: f.registryImport },
      shows: IMPORT_PERSON,
    },
  ],
  "GET /office/registry/export": () => [
    { as: "officer", path: `/office/registry/export?commune=${GIA_PHU}&format=csv`, kind: "download", target: { type: "registryExport", id: GIA_PHU } },
  ],
  "GET /api/v1/registry/export": () => [
    { as: "token", path: `/api/v1/registry/export?commune=${GIA_PHU}&format=xlsx`, kind: "download", target: { type: "registryExport", id: GIA_PHU } },
  ],
  "GET /api/v1/users/:id": (f) => [{ as: "token", path: `/api/v1/users/${f.citizenId}`, kind: "api", target: { type: "user", id: f.citizenId } }],
  // Teams name their leaders and members; assignment lists name household heads and addresses.
  "GET /office/teams": () => [{ as: "officer", path: "/office/teams", kind: "page", target: { type: "teamList", id: null } }],
  "GET /office/teams/:id": (f) => [{ as: "officer", path: `/office/teams/${f.team}`, kind: "page", target: { type: "team", id: f.team } }],
  "GET /office/teams/:id/households": (f) => [
    { as: "officer", path: `/office/teams/${f.team}/households`, kind: "page", target: { type: "teamHouseholds", id: f.team }, shows: f.householdAddress },
  ],
  "GET /office/my-households": (f) => [
    { as: "volunteer", path: "/office/my-households", kind: "page", target: { type: "assignedHouseholds", id: f.volunteerId }, shows: f.householdAddress },
  ],
  "GET /api/v1/teams": () => [{ as: "token", path: "/api/v1/teams", kind: "api", target: { type: "teamList", id: null } }],
  "GET /api/v1/teams/:id": (f) => [{ as: "token", path: `/api/v1/teams/${f.team}`, kind: "api", target: { type: "team", id: f.team } }],
  "GET /api/v1/teams/:id/households": (f) => [
    { as: "token", path: `/api/v1/teams/${f.team}/households`, kind: "api", target: { type: "teamHouseholds", id: f.team }, shows: f.householdAddress },
  ],
  "GET /api/v1/me/households": (f) => [
    { as: "volunteer", path: "/api/v1/me/households", kind: "api", target: { type: "assignedHouseholds", id: f.volunteerId }, shows: f.householdAddress },
  ],
  // Enter once and assisted filing from the registry: a resident's link status, and the applicant pre-filled from the registry.
  "GET /office/registry/residents/:id/link": (f) => [
    {
      as: "officer",
      path: `/office/registry/residents/${f.linkResident}/link`,
      kind: "page",
      target: { type: "resident", id: f.linkResident },
      shows: RESIDENT,
    },
  ],
  "GET /api/v1/residents/:id/link": (f) => [
    { as: "token", path: `/api/v1/residents/${f.linkResident}/link`, kind: "api", target: { type: "resident", id: f.linkResident }, shows: RESIDENT },
  ],
  "GET /office/registry/residents/:id/assist": (f) => [
    {
      as: "volunteer",
      path: `/office/registry/residents/${f.linkResident}/assist`,
      kind: "page",
      target: { type: "resident", id: f.linkResident },
      shows: RESIDENT,
    },
  ],
  "GET /dossiers/new": (f) => [
    {
      as: "volunteer",
      path: `/dossiers/new?procedure=${ONLINE_PROCEDURE.code}&resident=${f.linkResident}`,
      kind: "page",
      target: { type: "resident", id: f.linkResident },
      shows: RESIDENT,
    },
  ],
  // Outreach: a training's attendees and who still needs training; recognition names volunteers with their figures.
  "GET /office/trainings/:id": (f) => [
    { as: "officer", path: `/office/trainings/${f.training}`, kind: "page", target: { type: "training", id: f.training }, shows: TRAINEE },
  ],
  "GET /api/v1/trainings/:id": (f) => [
    { as: "token", path: `/api/v1/trainings/${f.training}`, kind: "api", target: { type: "training", id: f.training }, shows: TRAINEE },
  ],
  "GET /office/recognition": () => [{ as: "officer", path: "/office/recognition", kind: "page", target: { type: "recognition", id: null } }],
  // Reports: a photo's original as received may carry where and when it was taken.
  "GET /office/reports/photos/:id/original": (f) => [
    { as: "officer", path: `/office/reports/photos/${f.reportPhoto.id}/original`, kind: "download", target: { type: "reportPhoto", id: f.reportPhoto.id } },
  ],
  "GET /office/recognition/print": () => [{ as: "officer", path: "/office/recognition/print", kind: "page", target: { type: "recognition", id: null } }],
  "GET /office/recognition.xlsx": () => [{ as: "officer", path: "/office/recognition.xlsx", kind: "printed", target: { type: "recognition", id: null } }],
  "GET /api/v1/recognition": () => [{ as: "token", path: "/api/v1/recognition", kind: "api", target: { type: "recognition", id: null } }],
  // notices/preferences: a resident's notice choices and consent history at the desk; the desk's search by name.
  "GET /office/notices/preferences": (f) => [
    {
      as: "officer",
      path: `/office/notices/preferences?resident=${f.resident}`,
      kind: "page",
      target: { type: "resident", id: f.resident },
      shows: REGISTRY_PERSON,
    },
    {
      as: "officer",
      path: "/office/notices/preferences?name=ha%20thi%20so%20ho",
      kind: "page",
      target: { type: "residentList", id: null },
      shows: REGISTRY_PERSON,
    },
  ],
  "GET /api/v1/notice-preferences": (f) => [
    {
      as: "token",
      path: `/api/v1/notice-preferences?residentId=${f.resident}`,
      kind: "api",
      target: { type: "resident", id: f.resident },
      shows: REGISTRY_PERSON,
    },
  ],
  // notices/audiences: a notice's delivery report lists the numbers and names of the failed deliveries.
  "GET /office/notices/:id/deliveries": (f) => [
    {
      as: "officer",
      path: `/office/notices/${f.noticeWithFailure}/deliveries`,
      kind: "page",
      target: { type: "noticeDeliveries", id: f.noticeWithFailure },
      shows: NOTICE_PHONE,
    },
  ],
  "GET /api/v1/notices/:id/deliveries": (f) => [
    {
      as: "token",
      path: `/api/v1/notices/${f.noticeWithFailure}/deliveries`,
      kind: "api",
      target: { type: "noticeDeliveries", id: f.noticeWithFailure },
      shows: NOTICE_PHONE,
    },
  ],
  // notices/authoring: a notice (the officers who acted, its phone list) and its attachments.
  [`GET /office/notices/${NOTICE_ID}`]: (f) => [
    { as: "officer", path: `/office/notices/${f.notice.id}`, kind: "page", target: { type: "notice", id: f.notice.id } },
  ],
  [`GET /office/notices/${NOTICE_ID}/edit`]: (f) => [
    { as: "officer", path: `/office/notices/${f.notice.id}/edit`, kind: "page", target: { type: "notice", id: f.notice.id }, shows: NOTICE_LIST_PHONE },
  ],
  "GET /api/v1/notices/:id": (f) => [{ as: "token", path: `/api/v1/notices/${f.notice.id}`, kind: "api", target: { type: "notice", id: f.notice.id } }],
  [`GET /office/notices/${NOTICE_ID}/files/:fileId`]: (f) => [
    { as: "officer", path: `/office/notices/${f.notice.id}/files/${f.notice.fileId}`, kind: "download", target: { type: "notice", id: f.notice.id } },
  ],
};

type OwnProbe = { as: "citizen" | "officer"; path: string; kind: Kind };

// The caller's own data: not audited, but kept by no cache. A route here may also be in AUDITED when others can
// read through it too (the owner reading is then the unaudited case).
const OWN: Record<string, (f: Fixture) => OwnProbe> = {
  "GET /office": () => ({ as: "officer", path: "/office", kind: "page" }),
  "GET /office/tokens": () => ({ as: "officer", path: "/office/tokens", kind: "page" }),
  "GET /api/v1/me": () => ({ as: "citizen", path: "/api/v1/me", kind: "api" }),
  "GET /api/v1/me/profile": () => ({ as: "citizen", path: "/api/v1/me/profile", kind: "api" }),
  "GET /api/v1/me/vault": () => ({ as: "citizen", path: "/api/v1/me/vault", kind: "api" }),
  "GET /api/v1/me/vault/:id/file": (f) => ({ as: "citizen", path: `/api/v1/me/vault/${f.vaultItem}/file`, kind: "download" }),
  "GET /api/v1/me/dossiers": () => ({ as: "citizen", path: "/api/v1/me/dossiers", kind: "api" }),
  "GET /me/profile": () => ({ as: "citizen", path: "/me/profile", kind: "page" }),
  "GET /me/profile/phone": () => ({ as: "citizen", path: "/me/profile/phone", kind: "page" }),
  "GET /me/vault": () => ({ as: "citizen", path: "/me/vault", kind: "page" }),
  "GET /me/vault/:id/file": (f) => ({ as: "citizen", path: `/me/vault/${f.vaultItem}/file`, kind: "download" }),
  "GET /me/dossiers": () => ({ as: "citizen", path: "/me/dossiers", kind: "page" }),
  "GET /me/household": () => ({ as: "citizen", path: "/me/household", kind: "page" }),
  "GET /api/v1/me/household": () => ({ as: "citizen", path: "/api/v1/me/household", kind: "api" }),
  "GET /me/dossiers/:id": (f) => ({ as: "citizen", path: `/me/dossiers/${f.dossier}`, kind: "page" }),
  "GET /me/dossiers/:id/files/:docId": (f) => ({ as: "citizen", path: `/me/dossiers/${f.dossier}/files/${f.document}`, kind: "download" }),
  "GET /dossiers/new": () => ({ as: "citizen", path: `/dossiers/new?procedure=${ONLINE_PROCEDURE.code}`, kind: "page" }),
  "GET /dossiers/:id/edit": (f) => ({ as: "citizen", path: `/dossiers/${f.citizenDraft}/edit`, kind: "page" }),
  "GET /payments/:id/receipt": (f) => ({ as: "citizen", path: `/payments/${f.payment}/receipt`, kind: "page" }),
  "GET /payments/:id/receipt.pdf": (f) => ({ as: "citizen", path: `/payments/${f.payment}/receipt.pdf`, kind: "printed" }),
  // The reporter's private link (the secret in the address, no account needed): their photos, hidden ones too.
  "GET /reports/follow/:code/:token/photos/:file": (f) => ({
    as: "citizen",
    path: `/reports/follow/${f.reportPhoto.code}/${f.reportPhoto.token}/photos/${f.reportPhoto.id}.jpg`,
    kind: "page",
  }),
  // A citizen report's private page opens with its secret (whoever holds the link is the reporter); /me/reports lists
  // the account's own.
  "GET /reports/follow/:code/:token": (f) => ({ as: "citizen", path: f.reportFollow, kind: "page" }),
  "GET /me/reports": () => ({ as: "citizen", path: "/me/reports", kind: "page" }),
  "GET /api/v1/me/reports": () => ({ as: "citizen", path: "/api/v1/me/reports", kind: "api" }),
  // notices/preferences: the caller's own notice choices and consent history.
  "GET /me/notices": () => ({ as: "citizen", path: "/me/notices", kind: "page" }),
  "GET /api/v1/me/notice-preferences": () => ({ as: "citizen", path: "/api/v1/me/notice-preferences", kind: "api" }),
};

// No one's personal data, with the reason.
const NO_PERSONAL_DATA: Record<string, string> = {
  // indicators/entry: a commune's figures per period (wifi points, villages with fibre…), their states, notes and
  // evidence files proving them; about the commune's infrastructure and services, not about a person.
  "GET /office/indicators/entry": "the periods a commune enters and their states: counts only",
  "GET /office/indicators/entry/status": "late and missing periods per commune: states and counts only",
  "GET /office/indicators/entry/:unit/:period": "a commune's manual figures of a period, their notes and evidence names",
  "GET /office/indicators/review": "submitted manual figures of the communes awaiting the province's review",
  "GET /office/indicators/evidence/:id": "a file proving a commune's figure (an acceptance record, a photo of a wifi point)",
  "GET /api/v1/indicators/entry/:unit/:period": "a commune's manual figures of a period, their notes and evidence names",
  "GET /api/v1/indicators/review": "submitted manual figures awaiting review",
  "GET /api/v1/indicators/entry-status": "late and missing periods per commune: states and counts only",
  "GET /api/v1/indicators/evidence/:id": "a file proving a commune's figure",
  "GET /api/v1/report-categories": "report categories: names, time limits, responsible units",
  "GET /office/reports/categories": "report categories: names, time limits, responsible units",
  "GET /office/reports/categories/edit": "a category's settings; the colleagues who may be named responsible",
  "GET /api/v1/report-areas/:province": "a province's rectangle for reports' places: four numbers",
  "GET /office/reports/figures": "citizen-report counts per category, place and month",
  "GET /api/v1/reports/figures": "citizen-report counts per category, place and month",
  "GET /reports/:commune{[0-9]{5}}/figures": "citizen-report counts per category, place and month, public",
  // indicators/sets: set definitions (formulas, thresholds, versions) and yearly targets per unit.
  "GET /office/indicators/sets": "the indicator sets a province uses",
  "GET /office/indicators/sets/import": "an empty import form",
  "GET /office/indicators/sets/:key{[a-z0-9][a-z0-9-]{1,62}}": "a set's definition and versions",
  "GET /office/indicators/sets/:key{[a-z0-9][a-z0-9-]{1,62}}/export.json": "a set's definition as a file",
  "GET /office/indicators/sets/:key{[a-z0-9][a-z0-9-]{1,62}}/export.xlsx": "a set's definition as a file",
  "GET /office/indicators/sets/:key{[a-z0-9][a-z0-9-]{1,62}}/targets": "yearly targets per unit",
  "GET /api/v1/indicators/sets": "the indicator sets a province uses",
  "GET /api/v1/indicators/sets/:key": "a set's definition and versions",
  "GET /api/v1/indicators/sets/:key/export": "a set's definition as a file",
  "GET /api/v1/indicators/sets/:key/targets": "yearly targets per unit",
  "GET /assets/*": "static files",
  "GET /healthz": "operations",
  "GET /readyz": "operations",
  "GET /metrics": "operations: counters per route",
  "GET /api/openapi.json": "the API description",
  "GET /api/docs": "the API description",
  "GET /": "public page",
  "GET /reports/:commune{[0-9]{5}}/new": "the report form, with open public reports nearby (no reporter's data)",
  "GET /reports/follow": "the look-up form of a report (code and phone typed by the reporter)",
  "GET /api/v1/reports/similar": "open public reports: code, text, place, status; no reporter's data",
  "GET /office/reports/new": "the form to record a report for a resident",
  "GET /privacy": "public page",
  "GET /help": "the guides, public",
  "GET /help/:guide": "the guides, public",
  "GET /sign-in": "the sign-in form",
  "GET /auth/oidc/start": "a redirect to the identity provider",
  "GET /auth/oidc/callback": "starts a session and redirects",
  "GET /sign-in/phone": "the phone sign-in form",
  "GET /sign-in/phone/verify": "the code form for the visitor's own phone",
  "GET /s/:code": "a redirect to the status look-up",
  "GET /status": "the look-up form (its answer, a POST, shows a masked name only)",
  "GET /units": "place names and codes are public",
  "GET /office/open311-clients": "registered applications: name, unit, an operator's contact and a key's last 4 characters",
  "GET /api/v1/open311-clients": "registered applications: name, unit, an operator's contact and a key's last 4 characters",
  "GET /open311/v2/:file{discovery\\.(?:json|xml)}": "Open311: the endpoint's description",
  "GET /open311/v2/:file{services\\.(?:json|xml)}": "Open311: the report categories",
  "GET /open311/v2/services/:file{[^/]+\\.(?:json|xml)}": "Open311: a category's attributes",
  "GET /open311/v2/:file{requests\\.(?:json|xml)}": "Open311: published reports, never a reporter's name, phone, email or home",
  "GET /open311/v2/requests/:file{[^/]+\\.(?:json|xml)}": "Open311: a published report, never a reporter's name, phone, email or home",
  "GET /open311/v2/tokens/:file{[^/]+\\.(?:json|xml)}": "Open311: a report's code from its token",
  "GET /units/:code": "place names and codes are public",
  "GET /api/v1/admin-units": "place names and codes are public",
  "GET /api/v1/admin-units/search": "place names and codes are public",
  "GET /api/v1/admin-units/:code": "place names and codes are public",
  "GET /api/v1/admin-units/:code/children": "place names and codes are public",
  "GET /api/v1/calendar/:year": "the national working-day calendar",
  "GET /office/calendar": "the national working-day calendar",
  "GET /procedures": "the public catalogue",
  "GET /procedures/:code": "the public catalogue",
  "GET /office/procedures": "the public catalogue",
  "GET /office/procedures/new": "an empty catalogue form",
  "GET /office/procedures/:code/edit": "the public catalogue",
  "GET /api/v1/procedures": "the public catalogue",
  "GET /api/v1/procedures/export": "the public catalogue",
  "GET /api/v1/procedures/:code": "the public catalogue",
  "GET /api/v1/procedures/:code/due-date": "the public catalogue: a procedure's due date for a moment of receipt",
  "GET /figures": "totals per commune and procedure",
  "GET /office/stats": "totals per commune and procedure",
  "GET /office/stats.xlsx": "totals per commune and procedure",
  "GET /api/v1/stats/dossiers": "totals per commune and procedure",
  "GET /api/v1/stats/dossiers.xlsx": "totals per commune and procedure",
  // indicators/exports: figures per unit and indicator (sums and shares), never a record behind them.
  "GET /office/indicators/u/:unit/export.xlsx": "indicator figures per unit: values, numerators, denominators",
  "GET /office/indicators/u/:unit/export.csv": "indicator figures per unit: values, numerators, denominators",
  "GET /office/indicators/u/:unit/export.pdf": "indicator figures per unit: values, numerators, denominators",
  "GET /api/v1/indicators/export.xlsx": "indicator figures per unit: values, numerators, denominators",
  "GET /api/v1/indicators/export.csv": "indicator figures per unit: values, numerators, denominators",
  "GET /api/v1/indicators/export.pdf": "indicator figures per unit: values, numerators, denominators",
  "GET /office/indicators/reports": "monthly report subscriptions and generated reports; recipients' work addresses only to those who may change them",
  "GET /office/indicators/reports/runs/:id/report.pdf": "a generated monthly report: indicator figures per unit",
  "GET /office/indicators/reports/runs/:id/report.xlsx": "a generated monthly report: indicator figures per unit",
  "GET /office/users/new": "an empty form",
  "GET /office/registry/households/new": "an empty form (the officer's villages to choose from)",
  "GET /office/id-card-check": "an empty form (the officer's units to choose from)",
  "GET /office/desk/intake": "an empty walk-in form and the procedure search",
  "GET /office/communes/:code/settings": "the commune's agency code, desk address and bank account",
  "GET /api/v1/communes/:code/settings": "the commune's agency code, desk address and bank account",
  "GET /office/campaigns": "campaign names, targets and dates",
  "GET /office/campaigns/new": "an empty form (the officer's units to choose from)",
  "GET /office/campaigns/:id": "counts and shares per village or team, no one's name",
  "GET /api/v1/campaigns": "campaign names, targets and dates",
  "GET /api/v1/campaigns/:id": "counts and shares per village or team, no one's name",
  "GET /api/v1/campaigns/:id/progress": "counts and shares per village or team, no one's name",
  "GET /office/trainings": "date, place, topic, trainer and counts of training sessions",
  "GET /office/trainings/new": "an empty form (the officer's units to choose from)",
  "GET /api/v1/trainings": "date, place, topic, trainer and counts of training sessions",
  "GET /office/trainings/:id/materials/:fileId": "a training's slides and handouts",
  "GET /api/v1/trainings/:id/materials/:fileId": "a training's slides and handouts",
  "GET /office/registry/imports": "the registry imports: file names, statuses and counts",
  "GET /field": "the field app's shell: texts only (its data comes from the snapshot API)",
  "GET /field/": "a redirect to /field",
  "GET /field/app.js": "the field app's static files",
  "GET /field/app.css": "the field app's static files",
  "GET /field/icon.svg": "the field app's static files",
  "GET /field/icon-192.png": "the field app's static files",
  "GET /field/icon-512.png": "the field app's static files",
  "GET /field/sw.js": "the field app's static files",
  "GET /field/manifest.webmanifest": "the field app's manifest",
  "GET /office/coverage": "counts of households and adults per unit or team",
  "GET /api/v1/coverage": "counts of households and adults per unit or team",
  "GET /office/skills": "the province's skill checklist",
  "GET /api/v1/skills": "the province's skill checklist",
  "GET /reports/photos/:file": "a public report's photo: the downsized copy with every metadata field stripped (404 once hidden)",
  "GET /office/reports/photos/:file": "the same stripped copy of a report's photo, for officers who see the report (hidden ones too)",
  "GET /office/reports/:id/moderation": "whether a report and its photos are on the public page, and why not: no reporter's details",
  "GET /reports": "the communes served, with counts of public reports",
  "GET /reports/:commune{[0-9]{5}}": "a commune's public reports: no reporter's name, phone, e-mail or home address",
  "GET /reports/:commune{[0-9]{5}}/map": "a commune's public reports on a map: no personal data",
  "GET /reports/r/:code": "one public report: no reporter's name or contact, officers named by their unit",
  "GET /reports/map-assets/:name": "the map's static files",
  "GET /reports/map-assets/images/:name": "the map's static files",
  "GET /api/v1/public/reports.geojson": "public reports' places as GeoJSON: no personal data",
  // notices/public
  "GET /notices": "the communes served, with counts of notices in force",
  "GET /notices/:commune{[0-9]{5}}": "a commune's public notices, signed by their unit: no author, approver or audience",
  "GET /notices/:commune{[0-9]{5}}/village/:village{[0-9]{5}\\.[0-9]{3}}": "a village's public notices: no personal data",
  "GET /notices/:commune{[0-9]{5}}/feed.rss": "a commune's public notices as RSS: no personal data",
  "GET /notices/:commune{[0-9]{5}}/feed.atom": "a commune's public notices as Atom: no personal data",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}": "one public notice, signed by its unit: no personal data",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}/files/:fileId{[0-9a-fA-F-]{36}}": "a public notice's attachment, published with it",
  "GET /notices/n/:id{[0-9a-fA-F-]{36}}/audio": "a public notice's loudspeaker audio, broadcast in public",
  "GET /api/v1/public/notices": "a commune's public notices as JSON: no personal data",
  "GET /api/v1/public/notices/:id": "one public notice as JSON: no personal data",
  // indicators/dashboards: sums and shares per unit and period; never a name.
  "GET /office/indicators": "a redirect to the dashboard of the officer's unit",
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}": "a unit's indicators: sums, shares and colours per unit and period",
  "GET /office/indicators/u/:unit{[0-9.]{2,9}}/:set{[a-z0-9][a-z0-9-]{1,62}}/:indicator{[a-z][a-z0-9_]{0,62}}":
    "one indicator over periods and child units: sums and shares",
  "GET /indicators": "the communes and provinces to choose from",
  "GET /indicators/:unit{[0-9.]{2,9}}": "a unit's public indicators: sums and shares",
  "GET /api/v1/indicators/values": "a set's indicators for a unit: sums and shares",
  "GET /api/v1/indicators/trend": "one indicator over periods: sums and shares",
  // hall/screen: numbers, counters, counts and times; never a phone or a name.
  "GET /hall/:commune{[0-9]{5}}/screen": "the hall's big screen: ticket numbers, counters, waiting counts, public notices and figures",
  "GET /hall/:commune{[0-9]{5}}/screen/events": "the big screen's live state: ticket numbers, counters and waiting counts",
  "GET /office/hall/figures": "waiting and service times per counter, service and procedure: counts and durations only",
  "GET /api/v1/hall/figures": "waiting and service times per counter, service and procedure: counts and durations only",
  // indicators/elements: element names, sources and refresh times; no unit's figures, no person.
  "GET /office/indicators/elements": "the catalogue of computed data elements and the refresh runs' times",
  "GET /api/v1/indicators/elements": "the catalogue of computed data elements and the refresh runs' times",
  "GET /api/v1/hall/:commune/bookings/slots": "a service's free booking slots: times and counts, no one's booking",
  // notices/channels: the unit's channel settings: gateway states, prices, the Zalo account's ids (secrets masked).
  "GET /office/notices/channels": "channel settings: gateway states, cap, prices, the Zalo account's ids",
  "GET /api/v1/notices/channels": "channel settings: gateway states, cap, prices, the Zalo account's ids",
  // hall/queue: numbers, services and counters; a ticket's phone (SMS, online) is never shown or returned.
  "GET /hall/queue-assets/:name": "the kiosk's static files",
  "GET /hall/:commune{[0-9]{5}}/kiosk": "the kiosk: the commune's services and how many wait",
  "GET /hall/:commune{[0-9]{5}}/kiosk/t/:id": "a ticket just taken: its number, service and time, no phone",
  "GET /hall/kiosk-setup/:token": "a kiosk's setup confirmation button",
  "GET /hall/:commune{[0-9]{5}}/book": "the booking form: services and free times",
  "GET /hall/t/:id": "a ticket's number, service, status and place in the queue, no phone",
  "GET /office/hall/counter": "the counters, waiting counts and the numbers open at the officer's counter, no phone",
  "GET /office/hall/settings": "the hall's services, counters and kiosk devices",
  "GET /api/v1/hall/:commune/services": "the hall's services",
  "GET /api/v1/hall/:commune/counters": "the hall's counters and which officer account sits at each (an id)",
  "GET /api/v1/hall/tickets/:id": "a ticket's number, service, status and place in the queue, no phone",
  // notices/loudspeakers: stations, slots, plays and audio: no resident's data
  "GET /api/v1/radio-stations": "loudspeaker stations: village, name, counts",
  "GET /api/v1/radio-stations/:id": "a station and its weekly slots (notice titles and times)",
  "GET /api/v1/radio-stations/:id/play-log": "what a station played: times, notice titles",
  "GET /api/v1/notices/:id/plays": "a notice's plays on the stations: times, station names",
  "GET /api/v1/radio-stations/:id/feed": "a station's coming plays, for its player",
  "GET /api/v1/radio-stations/:id/audio/:slotId": "a bulletin's audio, for the station's player",
  "GET /office/stations": "loudspeaker stations: village, name, counts",
  "GET /office/stations/:id/playlist.zip": "a station's M3U and bulletins",
  "GET /office/stations/:id/plays": "what a station played: times, notice titles",
  "GET /office/stations/:id/slots/new": "the empty slot form: the notices a station may play",
  "GET /office/stations/:id/slots/:slotId{[0-9a-fA-F-]{36}}": "a slot's times, notice and audio",
  "GET /office/stations/:id": "a station's week: times and notice titles",
  // notices/audiences
  "GET /office/notices/:id/audience": "how many people a notice reaches per channel: counts only",
  "GET /api/v1/notices/:id/audience": "how many people a notice reaches per channel: counts only",
  // notices/authoring
  "GET /office/notices": "notices' titles, categories, channels and dates",
  "GET /api/v1/notices": "notices' titles, categories, channels and dates",
  "GET /office/notices/new": "the empty notice form: the officer's own units and their villages",
};

describeDb("reads of personal data", () => {
  let t: TestApp;
  let f: Fixture;
  const clients = {} as Record<"officer" | "volunteer" | "citizen", TestClient>;
  let token: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const { deps } = t;
    const team = await deskTeam(deps);
    const officer = await buildUser(deps, { roles: [["commune_admin", GIA_PHU]] });
    const volunteerUser = await buildUser(deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] });
    const volunteer = await acting(deps, volunteerUser);
    const citizen = team.citizen;

    const received = async () => (await act(deps, team.desk, (await buildDossier(deps, citizen)).id, "receive")).id;
    const firstDocument = async (id: string) =>
      (await t.db.query("SELECT id FROM dossier_documents WHERE dossier_id = $1 LIMIT 1", [id])).rows[0]!.id as string;
    const dossier = await received();
    const payment = await confirmPayment(deps, team.desk, dossier, { method: "cash" });
    const supplemented = await received();
    await act(deps, team.desk, supplemented, "requestSupplement", { items: [{ label: "Ảnh chân dung 4x6", reason: "Thiếu" }] });
    const paused = await received();
    await act(deps, team.leader, paused, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-02" });
    await act(deps, team.leader, paused, "pause", { ground: "applicantRequest", reason: "Có đơn đề nghị dừng" });
    const refused = (await buildDossier(deps, citizen)).id;
    await act(deps, team.desk, refused, "refuse", { reason: "Thiếu tờ khai" });

    // A volunteer files for someone, with their consent; and keeps a draft.
    const { definition: def } = await getProcedure(deps, ONLINE_PROCEDURE.code);
    const assistedInput = (intent: "draft" | "submit", key: string) => ({
      idempotencyKey: key,
      procedureCode: ONLINE_PROCEDURE.code,
      communeCode: GIA_PHU,
      applicant: APPLICANT,
      form: formValuesFor(def, APPLICANT),
      documents: documentsFor(def),
      delivery: { method: "desk" as const },
      assistedConsent: { method: "verbal" as const },
      channel: "online" as const,
      intent,
    });
    const assisted = (await fileDossier(deps, volunteer, assistedInput("submit", "reads-assisted"))).dossier.id;
    await act(deps, team.desk, assisted, "receive");
    const assistedPayment = await confirmPayment(deps, team.desk, assisted, { method: "cash" });
    const volunteerDraft = (await fileDossier(deps, volunteer, assistedInput("draft", "reads-volunteer-draft"))).dossier.id;
    const citizenDraft = (await fileDossier(deps, citizen, { ...assistedInput("draft", "reads-citizen-draft"), assistedConsent: null })).dossier.id;
    // A public report with one photo, stored as the reporting part stores it; its private follow secret.
    const aReportPhoto = async () => {
      const report = await buildReport(deps, { categoryId: (await buildReportCategory(deps)).id, status: "accepted" });
      const token = randomBytes(24).toString("base64url");
      await t.db.query("UPDATE reports SET follow_token_hash = $2 WHERE id = $1", [report.id, hashFollowToken(token)]);
      const jpeg = new Uint8Array(
        await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
          .jpeg()
          .toBuffer(),
      );
      const prepared = await preparePhotos([{ name: "anh.jpg", claimedType: "image/jpeg", bytes: jpeg }]);
      const [photo] = await t.db.tx((q) =>
        saveReportPhotos(q, { reportId: report.id, communeCode: GIA_PHU, stage: "report", photos: prepared, actorUserId: null, quota: null }),
      );
      return { id: photo!.id, code: report.code, token };
    };
    // A training of a village of the commune with one attendee, written as rows (outreach's own tests drive its use cases).
    const aTraining = async () => {
      const village = await buildRegistryVillage(deps);
      const household = await buildHousehold(deps, { villageCode: village, members: [{ fullName: TRAINEE, birthYear: 1980 }] });
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO trainings (commune_code, unit_path, held_on, place, topic, trainer, skill_keys)
         SELECT parent_code, path, '2026-11-20', 'Nhà văn hoá', 'VNeID', 'Cán bộ xã', '{vneid_level2}' FROM admin_units WHERE code = $1 RETURNING id`,
        [village],
      );
      await t.db.query("INSERT INTO training_attendees (training_id, resident_id) VALUES ($1, $2)", [rows[0]!.id, household.residentIds[0]]);
      return rows[0]!.id;
    };
    const vault = await uploadToVault(deps, citizen, citizen.actor.userId, { title: "CCCD", name: "cccd.pdf", bytes: aPdf("cccd") });
    const householdAddress = "Số 7 ngõ Đọc";
    const household = await buildHousehold(deps, {
      villageCode: await buildRegistryVillage(deps),
      address: householdAddress,
      members: [{ fullName: REGISTRY_PERSON, phone: REGISTRY_PHONE }],
    });
    const digitalTeam = await buildTeam(deps, { memberUserIds: [volunteerUser.id] });
    await assignHouseholds(deps, [household.id], digitalTeam.id, volunteerUser.id);
    const village = await buildRegistryVillage(deps);
    const home = await buildHousehold(deps, { villageCode: village, members: [{ fullName: RESIDENT, birthYear: 1958, phone: "0912300001" }] });
    await assignHouseholds(deps, [home.id], (await buildTeam(deps, { villageCode: village, memberUserIds: [volunteerUser.id] })).id, volunteerUser.id);

    // A household with an open conflict: a volunteer's edit that arrived on an old version.
    const conflictHousehold = await buildHousehold(deps, { villageCode: await buildRegistryVillage(deps), address: "Số 7, ngõ 1" });
    const batch = randomUUID();
    const item = randomUUID();
    await t.db.query("INSERT INTO sync_batches (id, user_id, item_count) VALUES ($1, $2, 1)", [batch, volunteerUser.id]);
    await t.db.query("INSERT INTO sync_items (item_id, batch_id, user_id, kind, outcome) VALUES ($1, $2, $3, 'household.update', 'conflict')", [
      item,
      batch,
      volunteerUser.id,
    ]);
    const conflict = await t.db.query<{ id: string }>(
      `INSERT INTO sync_conflicts (item_id, entity, entity_id, household_id, commune_code, unit_path, submitted_by, base_version, server_version, proposed, server_state)
       SELECT $1, 'household', h.id, h.id, h.commune_code, h.unit_path, $2, 1, 1, '{"address": "Số 9, ngõ 1"}', '{"address": "Số 7, ngõ 1", "poverty": null}'
       FROM households h WHERE h.id = $3 RETURNING id`,
      [item, volunteerUser.id, conflictHousehold.id],
    );
    const registryVillage = await buildVillage(deps, GIA_PHU);
    const head = (key: string) => [key, registryVillage.name, `Số ${key}`, "Chủ hộ", IMPORT_PERSON, "", "1980"];
    const registryFile = [REGISTRY_FILE_COLUMNS.map((c) => c.vi), head("H1"), head("H2")].map((r) => r.join(",")).join("\n");
    const registryImport = await checkImport(deps, await acting(deps, officer), {
      communeCode: GIA_PHU,
      fileName: "ho.csv",
      format: "csv",
      bytes: new TextEncoder().encode(registryFile),
    });

    const reportCategory = await buildReportCategory(deps);
    const report = await buildReport(deps, { categoryId: reportCategory.id, reporterName: REPORTER, reporterPhone: "0912777999" });
    const aReportFollow = async () => {
      const category = await buildReportCategory(deps, { code: "pdr_road" });
      const sent = await submitReport(
        deps,
        { actor: { userId: null, label: "anonymous" }, requestId: null, principal: null },
        {
          communeCode: GIA_PHU,
          categoryCode: category.code,
          description: "Ổ gà",
          contact: { name: "Lò Văn Phản Ánh", phone: "0912000199" },
          channel: "web",
        },
      );
      return sent.followUrl;
    };
    f = {
      report: report.id,
      household: household.id,
      resident: household.residentIds[0]!,
      conflict: conflict.rows[0]!.id,
      officerId: officer.id,
      volunteerId: volunteerUser.id,
      citizenId: citizen.actor.userId,
      dossier,
      document: await firstDocument(dossier),
      payment: payment.id,
      supplemented,
      paused,
      refused,
      assisted,
      assistedDocument: await firstDocument(assisted),
      assistedPayment: assistedPayment.id,
      volunteerDraft,
      citizenDraft,
      vaultItem: vault.id,
      team: digitalTeam.id,
      householdAddress,
      linkResident: home.residentIds[0]!,
      training: await aTraining(),
      registryImport: registryImport.id,
      reportPhoto: await aReportPhoto(),
      reportFollow: await aReportFollow(),
      noticeWithFailure: await (async () => {
        const notice = await buildNotice(t.deps, { channels: ["web", "sms"] });
        await t.db.query(
          "INSERT INTO notice_deliveries (notice_id, channel, address, status, last_error, attempts) VALUES ($1, 'sms', $2, 'failed', 'timeout', 8)",
          [notice.id, NOTICE_PHONE],
        );
        return notice.id;
      })(),
      notice: await (async () => {
        const n = await buildNotice(t.deps, { status: "draft", audience: { list: [`+84${NOTICE_LIST_PHONE.slice(1)}`] } });
        const file = await storeFile(t.db, {
          ownerUserId: null,
          communeCode: GIA_PHU,
          name: "n.pdf",
          bytes: aPdf("n"),
          maxBytes: 1_000_000,
          field: "file",
          quota: null,
        });
        await t.db.query("INSERT INTO notice_attachments (notice_id, file_id, name) VALUES ($1, $2, 'n.pdf')", [n.id, file.id]);
        return { id: n.id, fileId: file.id };
      })(),
    };
    for (const [name, username] of [
      ["officer", officer.username],
      ["volunteer", volunteerUser.username],
      ["citizen", citizen.actor.label],
    ] as const) {
      clients[name] = new TestClient(t.app);
      await clients[name].signIn(username, PASSWORD);
    }
    const created = await clients.officer.post("/office/tokens", { name: "reads", role: "commune_admin", adminUnitCode: GIA_PHU });
    token = /<code>(xaso_[^<]+)<\/code>/.exec(await created.text())![1]!;
  });
  afterAll(() => t.close());

  const getRoutes = () => [...new Set(t.app.routes.filter((r) => r.method === "GET").map((r) => `${r.method} ${r.path}`))];
  const request = (as: Reader | "citizen", path: string) =>
    as === "token" ? t.app.request(path, { headers: { authorization: `Bearer ${token}` } }) : clients[as].get(path);
  const lastSeq = async () => Number((await t.db.query("SELECT coalesce(max(seq), 0) AS n FROM audit_log")).rows[0]!.n);
  const readsSince = async (seq: number) =>
    (
      await t.db.query<{ actor_id: string; target_type: string; target_id: string | null; details: Record<string, unknown> }>(
        "SELECT actor_id, target_type, target_id, details FROM audit_log WHERE seq > $1 AND action = 'personalData.read' ORDER BY seq",
        [seq],
      )
    ).rows;

  /** What is wrong with the caching and download headers of an answer holding personal data (nothing: []). */
  function keptWrongly(res: Response, kind: Kind): string[] {
    const wrong: string[] = [];
    const cache = res.headers.get("cache-control");
    if (cache !== (kind === "api" ? "no-store" : "private, no-store")) wrong.push(`cache-control: ${cache}`);
    if (kind === "download") {
      const disposition = res.headers.get("content-disposition") ?? "";
      if (!disposition.startsWith("attachment;")) wrong.push(`content-disposition: ${disposition}`);
      const csp = res.headers.get("content-security-policy");
      if (csp !== DOWNLOAD_CSP) wrong.push(`content-security-policy: ${csp}`);
      if (res.headers.get("x-content-type-options") !== "nosniff") wrong.push("sniffable");
    }
    return wrong;
  }
  const auditedProbes = () => Object.entries(AUDITED).flatMap(([route, probes]) => probes(f).map((probe) => ({ label: `${route} as ${probe.as}`, ...probe })));
  const ownProbes = () => Object.entries(OWN).map(([route, probe]) => ({ label: `${route} as owner`, ...probe(f) }));

  it("has classified every GET route the app serves, and lists no route it does not serve", () => {
    const routes = getRoutes();
    const unclassified = routes.filter((r) => !(r in AUDITED) && !(r in OWN) && !(r in NO_PERSONAL_DATA));
    expect(unclassified).toEqual([]);
    const stale = [...Object.keys(AUDITED), ...Object.keys(OWN), ...Object.keys(NO_PERSONAL_DATA)].filter((r) => !routes.includes(r));
    expect(stale).toEqual([]);
    const both = Object.keys(NO_PERSONAL_DATA).filter((r) => r in AUDITED || r in OWN);
    expect(both).toEqual([]);
  });

  it("records each read of someone else's personal data once, with the reader and what was read", async () => {
    const ids: Record<Reader, string> = { officer: f.officerId, token: f.officerId, volunteer: f.volunteerId };
    const unrecorded: string[] = [];
    for (const probe of auditedProbes()) {
      const before = await lastSeq();
      const res = await request(probe.as, probe.path);
      expect(res.status, probe.label).toBe(200);
      if (probe.shows) expect(await res.text(), probe.label).toContain(probe.shows);
      const reads = await readsSince(before);
      const read = reads[0];
      const right =
        reads.length === 1 &&
        read?.actor_id === ids[probe.as] &&
        read.target_type === probe.target.type &&
        read.target_id === probe.target.id &&
        (probe.as !== "token" || typeof read.details.tokenId === "string");
      if (!right) unrecorded.push(`${probe.label}: ${JSON.stringify(reads)}`);
    }
    expect(unrecorded).toEqual([]);
  });

  it("lets no cache keep an answer holding personal data, and sends every file as a sandboxed attachment", async () => {
    const kept: string[] = [];
    for (const probe of [...auditedProbes(), ...ownProbes()]) {
      const res = await request(probe.as, probe.path);
      expect(res.status, probe.label).toBe(200);
      const wrong = keptWrongly(res, probe.kind);
      if (wrong.length) kept.push(`${probe.label}: ${wrong.join(", ")}`);
    }
    expect(kept).toEqual([]);
  });

  it("names the part, the queue or the period read in the entry", async () => {
    const cases: [string, Reader, Record<string, unknown>][] = [
      [`/office/dossiers/${f.dossier}/files/${f.document}`, "officer", { part: "document", documentId: f.document }],
      [`/office/dossiers/${f.dossier}/receipt.pdf`, "officer", { part: "form", form: "receipt" }],
      [`/api/v1/dossiers/${f.dossier}/payment`, "token", { part: "payments" }],
      [`/payments/${f.payment}/receipt`, "officer", { part: "receipt", paymentId: f.payment }],
      [`/office/desk?commune=${GIA_PHU}&queue=overdue`, "officer", { queue: "overdue" }],
      [
        `/office/desk/register.pdf?commune=${GIA_PHU}&from=2026-11-23&to=2026-11-23`,
        "officer",
        { from: "2026-11-22T17:00:00.000Z", to: "2026-11-23T17:00:00.000Z" },
      ],
      ["/office/users?q=test", "officer", { q: "test", units: [GIA_PHU] }],
    ];
    for (const [path, as, details] of cases) {
      const before = await lastSeq();
      expect((await request(as, path)).status, path).toBe(200);
      expect((await readsSince(before))[0]?.details, path).toMatchObject(details);
    }
  });

  it("does not record the owner reading their own data", async () => {
    for (const probe of ownProbes()) {
      const before = await lastSeq();
      expect((await request(probe.as, probe.path)).status, probe.label).toBe(200);
      expect(await readsSince(before), probe.label).toEqual([]);
    }
  });

  it("keeps anonymous public pages cacheable, and any page of a signed-in person private", async () => {
    const anonymous = await t.app.request("/procedures");
    expect(anonymous.headers.get("cache-control")).toBe("no-cache");
    expect(anonymous.headers.get("etag")).toBeTruthy();
    for (const path of ["/", "/procedures", "/units"]) {
      expect((await clients.citizen.get(path)).headers.get("cache-control"), path).toBe("private, no-store");
    }
  });
});
