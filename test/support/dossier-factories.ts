// Factories for public-service tests: two test procedures, a commune's desk team, and dossiers filed
// through the real use cases.
import type { Deps } from "../../src/deps.ts";
import { actOnDossier, type ActRequest, fileDossier, findDossierRow } from "../../src/modules/dossiers/index.ts";
import { principalOfUser } from "../../src/modules/identity/index.ts";
import { getProcedure } from "../../src/modules/procedures/index.ts";
import type { Principal } from "../../src/platform/auth/authorise.ts";
import { buildUser, GIA_PHU } from "./factories.ts";
import { aDocument, anApplicant, aProcedureInput, documentsFor, formValuesFor, publishInput } from "./procedure-factories.ts";

export type Acting = { actor: { userId: string; label: string }; requestId: null; principal: Principal };

export async function acting(deps: Pick<Deps, "db">, user: { id: string; username: string }): Promise<Acting> {
  const principal = await principalOfUser(deps, user.id);
  if (!principal) throw new Error(`no principal for ${user.username}`);
  return { actor: { userId: user.id, label: user.username }, requestId: null, principal };
}

/** Filed online: three working days, fee 5,000 đ, "declaration" and "identityDocument" required, delivery by post possible. */
export const ONLINE_PROCEDURE = aProcedureInput({ code: "8.100001", name: "Xác nhận tình trạng hôn nhân (thử nghiệm)", fee: 5000 });
/** Taken at the counter the same day: 8 working hours with a 15:00 cut-off, desk delivery only. */
export const COUNTER_PROCEDURE = aProcedureInput({
  code: "8.100002",
  name: "Chứng thực bản sao (thử nghiệm)",
  field: "certification",
  onlineLevel: "partial",
  processing: { unit: "hours", amount: 8, cutOff: "15:00" },
  fee: 2000,
  documents: [aDocument("originalDocument", "Bản chính giấy tờ cần chứng thực", { form: "originalOrCertifiedCopy" })],
  deliveryMethods: ["desk"],
});
/** The applicant of every dossier built here. */
export const APPLICANT = anApplicant();

/** What a browser types into ONLINE_PROCEDURE's application form for APPLICANT (no CSRF, key, intent or files). */
export const TYPED_APPLICATION: Record<string, string> = {
  procedure: ONLINE_PROCEDURE.code,
  communeCode: GIA_PHU,
  "applicant.fullName": APPLICANT.fullName,
  "applicant.birthDate": APPLICANT.birthDate,
  "applicant.citizenIdNumber": APPLICANT.citizenIdNumber,
  "applicant.address": APPLICANT.address,
  "applicant.phone": APPLICANT.phone,
  "form.maritalStatus": "single",
  "form.purpose": "Để đăng ký kết hôn",
  "delivery.method": "desk",
};

const seeded = new WeakSet<object>();
/** Publishes the test procedures once per database. */
export async function withCatalogue(deps: Deps): Promise<void> {
  if (seeded.has(deps.db)) return;
  for (const input of [ONLINE_PROCEDURE, COUNTER_PROCEDURE]) await publishInput(deps, input);
  seeded.add(deps.db);
}

/** A desk officer, a specialist, a leader and a citizen of one commune, each ready to act. */
export async function deskTeam(deps: Deps, commune = GIA_PHU) {
  await withCatalogue(deps);
  const [desk, specialist, leader, citizen] = await Promise.all([
    buildUser(deps, { roles: [["one_stop_officer", commune]] }),
    buildUser(deps, { roles: [["specialist", commune]] }),
    buildUser(deps, { roles: [["leader", commune]] }),
    buildUser(deps, { kind: "citizen", home: commune }),
  ]);
  return {
    desk: await acting(deps, desk),
    specialist: await acting(deps, specialist),
    leader: await acting(deps, leader),
    citizen: await acting(deps, citizen),
  };
}

let keySeq = 0;
/** Files a complete dossier (online by default, under ONLINE_PROCEDURE) with test answers and a scan for every required document. */
export async function buildDossier(
  deps: Deps,
  who: Acting,
  opts: { procedure?: string; channel?: "online" | "counter" | "post"; commune?: string; key?: string; applicant?: typeof APPLICANT } = {},
) {
  const applicant = opts.applicant ?? APPLICANT;
  const code = opts.procedure ?? ONLINE_PROCEDURE.code;
  const { definition: def } = await getProcedure(deps, code);
  const channel = opts.channel ?? "online";
  const { dossier } = await fileDossier(deps, who, {
    idempotencyKey: opts.key ?? `test-${Date.now()}-${++keySeq}`,
    procedureCode: code,
    communeCode: opts.commune ?? GIA_PHU,
    applicant,
    form: formValuesFor(def, applicant),
    documents: documentsFor(def),
    delivery: { method: def.deliveryMethods.includes("post") ? "post" : def.deliveryMethods[0]!, address: applicant.address },
    assistedConsent: channel === "online" && who.principal.kind === "citizen" ? null : { method: "signature" },
    channel,
    intent: "submit",
  });
  return dossier;
}

/** Acts with the dossier's current version, as a fresh page would. */
export async function act(deps: Deps, who: Acting, dossierId: string, action: ActRequest["action"], extra: Partial<ActRequest> = {}) {
  const d = await findDossierRow(deps.db, dossierId);
  return actOnDossier(deps, who, dossierId, { action, version: d!.version, ...extra });
}
