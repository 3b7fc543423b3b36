// Demo public services: the catalogue, Gia Phú's desk settings, a citizen profile, and a few dossiers in
// different states so the desk's queues are not empty on a first look. Safe to run again.
import type { Deps } from "../deps.ts";
import { saveProfile } from "../modules/citizens/index.ts";
import { actOnDossier, fileDossier, forgetDeskSettings, readDeskSettings, writeDeskSettings } from "../modules/dossiers/index.ts";
import { findUserId, principalOfUser } from "../modules/identity/index.ts";
import { getProcedure, type ProcedureDefinition } from "../modules/procedures/index.ts";
import type { Principal } from "../platform/auth/authorise.ts";
import { seedDemoCatalogue } from "./demo-catalogue.ts";
import { labelledPdf } from "../platform/files/labelled-pdf.ts";
import { DEMO_COMMUNE } from "./seed-demo.ts";

/** A one-page PDF that says what it is: demo scans must never pass for real documents. */
export const demoPdf = (title: string): Uint8Array => labelledPdf(`XaSo demo - ${title}`);

export const DEMO_APPLICANT = {
  fullName: "Đỗ Văn Nam",
  birthDate: "1990-05-12",
  citizenIdNumber: "010090001234",
  address: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai",
  phone: "0912345678",
  email: "",
};

/**
 * The people a demo form names, one realistic name each (a family is not three people called alike): the applicant
 * Đỗ Văn Nam is the father; the child takes his family name, the mother keeps hers.
 */
const DEMO_PEOPLE: Record<string, { fullName: string; birthDate: string; citizenIdNumber: string }> = {
  child: { fullName: "Đỗ Bảo Ngọc", birthDate: "2026-10-20", citizenIdNumber: "" },
  mother: { fullName: "Hoàng Thị Mai", birthDate: "1993-04-17", citizenIdNumber: "" },
  father: { fullName: DEMO_APPLICANT.fullName, birthDate: DEMO_APPLICANT.birthDate, citizenIdNumber: "" },
  deceased: { fullName: "Đỗ Văn Thịnh", birthDate: "1941-02-08", citizenIdNumber: "" },
  spouse: { fullName: "Hoàng Thị Mai", birthDate: "1993-04-17", citizenIdNumber: "" },
  subject: { fullName: "Đỗ Bảo Ngọc", birthDate: "2026-10-20", citizenIdNumber: "" },
  otherParty: { fullName: "Triệu Minh Khang", birthDate: "2019-06-30", citizenIdNumber: "" },
  householdHead: { fullName: "Vàng A Páo", birthDate: "1970-12-01", citizenIdNumber: "" },
  beneficiary: { fullName: "Đỗ Thị Lan", birthDate: "1950-03-15", citizenIdNumber: "" },
};

/** Plausible values for every field of a procedure's form (the demo dossiers and the benchmarks; tests use their own factories). */
export function demoFormValues(def: ProcedureDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.form) {
    switch (f.type) {
      case "person":
        out[f.key] = DEMO_PEOPLE[f.key] ?? { fullName: "Lương Thị Thu", birthDate: "1978-09-02", citizenIdNumber: "" };
        break;
      case "date":
        out[f.key] = f.prefill === "birthDate" ? DEMO_APPLICANT.birthDate : "2026-10-20";
        break;
      case "choice":
        out[f.key] = f.options?.[0]?.value ?? "";
        break;
      case "idNumber":
        out[f.key] = DEMO_APPLICANT.citizenIdNumber;
        break;
      case "phone":
        out[f.key] = DEMO_APPLICANT.phone;
        break;
      case "number":
        out[f.key] = "1";
        break;
      case "address":
        out[f.key] = DEMO_APPLICANT.address;
        break;
      case "file":
        break;
      default:
        out[f.key] =
          f.prefill === "fullName"
            ? DEMO_APPLICANT.fullName
            : /ethnic/i.test(f.key)
              ? "Kinh"
              : /relation/i.test(f.key)
                ? "Bản thân"
                : /document/i.test(f.key)
                  ? "Giấy khai sinh"
                  : "Theo giấy tờ kèm theo";
    }
  }
  return out;
}

/** One demo scan per required document (and file field). */
export function demoDocuments(def: ProcedureDefinition) {
  const keys = [
    ...def.documents.filter((d) => d.required).map((d) => ({ key: d.key, name: d.name })),
    ...def.form.filter((f) => f.type === "file" && f.required).map((f) => ({ key: f.key, name: f.label })),
  ];
  return keys.map((k) => ({ requirementKey: k.key, upload: { name: `${k.key}.pdf`, bytes: demoPdf(k.name) } }));
}

type Ctx = { actor: { userId: string | null; label: string }; requestId: null; principal: Principal };

export async function seedPublicServicesDemo(
  deps: Pick<Deps, "db" | "events" | "config" | "clock" | "log">,
): Promise<{ procedures: number; dossiers: number }> {
  const system = { actor: { userId: null, label: "seed-demo" }, requestId: null };
  const procedures = await seedDemoCatalogue(deps, system);
  const settings = await readDeskSettings(deps.db, DEMO_COMMUNE);
  if (settings.configured) return { procedures, dossiers: 0 };
  // Demo values: a real commune enters its Decision 20/2020 electronic ID and its treasury/bank account.
  await writeDeskSettings(deps.db, {
    communeCode: DEMO_COMMUNE,
    agencyCode: "000.29.23.H39",
    deskAddress: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai",
    // The demo's leader chairs the People's Committee: the letters they sign read "TM. Ủy ban nhân dân".
    chairUserId: await findUserId(deps, "lanhdao.giaphu"),
    bankBin: "970418",
    accountNumber: "1234567890",
    accountName: "UBND XA GIA PHU",
  });
  forgetDeskSettings(deps.db, DEMO_COMMUNE);

  const as = async (username: string): Promise<Ctx | null> => {
    const id = await findUserId(deps, username);
    const principal = id ? await principalOfUser(deps, id) : null;
    return principal ? { actor: { userId: principal.userId, label: username }, requestId: null, principal } : null;
  };
  const [citizen, desk, specialist, leader] = await Promise.all([as("congdan.phuha"), as("motcua.giaphu"), as("chuyenvien.giaphu"), as("lanhdao.giaphu")]);
  if (!citizen || !desk || !specialist || !leader) return { procedures, dossiers: 0 };
  await saveProfile(deps, citizen, citizen.principal.userId, DEMO_APPLICANT);

  const file = async (ctx: Ctx, code: string, channel: "online" | "counter", nth = "") => {
    const { definition: def } = await getProcedure(deps, code);
    const { dossier } = await fileDossier(deps, ctx, {
      idempotencyKey: `demo-${code}-${channel}${nth}`,
      procedureCode: code,
      communeCode: DEMO_COMMUNE,
      applicant: DEMO_APPLICANT,
      form: demoFormValues(def),
      documents: demoDocuments(def),
      delivery: { method: def.deliveryMethods[0] ?? "desk" },
      assistedConsent: channel === "counter" ? { method: "signature" } : null,
      channel,
      intent: "submit",
    });
    return dossier;
  };
  const act = async (ctx: Ctx, id: string, action: Parameters<typeof actOnDossier>[3]["action"], extra: Record<string, unknown> = {}) => {
    const { findDossierRow } = await import("../modules/dossiers/index.ts");
    const d = await findDossierRow(deps.db, id);
    return actOnDossier(deps, ctx, id, { action, version: d!.version, ...extra });
  };

  // New online dossier waiting at the desk.
  await file(citizen, "1.001193", "online");
  // Received online, then a supplement was asked for.
  const marriage = await file(citizen, "1.004873", "online");
  await act(desk, marriage.id, "receive");
  await act(desk, marriage.id, "requestSupplement", {
    items: [
      { label: "Bản sao Giấy chứng nhận kết hôn trước đây (nếu đã từng kết hôn)", reason: "Tờ khai ghi đã từng kết hôn nhưng hồ sơ chưa có giấy tờ này" },
    ],
  });
  // Walk-in at the counter, assigned to the specialist.
  const death = await file(desk, "1.000656", "counter");
  await act(leader, death.id, "assign", { assigneeId: specialist.principal.userId });
  // Processed and approved: ready to return.
  const copy = await file(desk, "2.000815", "counter");
  await act(leader, copy.id, "assign", { assigneeId: specialist.principal.userId });
  await act(specialist, copy.id, "propose", { note: "Đã đối chiếu bản chính, đề nghị ký chứng thực." });
  await act(leader, copy.id, "approve");
  // Proposed by the specialist: on top of the leader's "waiting for my approval".
  const proposed = await file(desk, "2.000815", "counter", "-2");
  await act(leader, proposed.id, "assign", { assigneeId: specialist.principal.userId });
  await act(specialist, proposed.id, "propose", { note: "Bản sao khớp với bản chính, đề nghị ký chứng thực." });
  return { procedures, dossiers: 5 };
}
