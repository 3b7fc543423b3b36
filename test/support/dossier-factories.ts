// Factories for public-service tests: the demo catalogue, a commune's desk team, and dossiers filed
// through the real use cases.
import type { Deps } from "../../src/deps.ts";
import { DEMO_APPLICANT, demoDocuments, demoFormValues } from "../../src/demo/seed-public-services.ts";
import { actOnDossier, type ActRequest, fileDossier, findDossierRow } from "../../src/modules/dossiers/index.ts";
import { principalOfUser } from "../../src/modules/identity/index.ts";
import { getProcedure, seedDemoCatalogue } from "../../src/modules/procedures/index.ts";
import type { Principal } from "../../src/platform/auth/authorise.ts";
import { buildUser, GIA_PHU } from "./factories.ts";

export type Acting = { actor: { userId: string; label: string }; requestId: null; principal: Principal };

export async function acting(deps: Pick<Deps, "db">, user: { id: string; username: string }): Promise<Acting> {
  const principal = await principalOfUser(deps, user.id);
  if (!principal) throw new Error(`no principal for ${user.username}`);
  return { actor: { userId: user.id, label: user.username }, requestId: null, principal };
}

const seeded = new WeakSet<object>();
export async function withCatalogue(deps: Pick<Deps, "db" | "events">): Promise<void> {
  if (seeded.has(deps.db)) return;
  await seedDemoCatalogue(deps, { actor: { userId: null, label: "test" }, requestId: null });
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
/** Files a complete dossier (online by default) with demo answers and a scan for every required document. */
export async function buildDossier(
  deps: Deps,
  who: Acting,
  opts: { procedure?: string; channel?: "online" | "counter" | "post"; commune?: string; key?: string } = {},
) {
  const code = opts.procedure ?? "1.004873";
  const { definition: def } = await getProcedure(deps, code);
  const channel = opts.channel ?? "online";
  const { dossier } = await fileDossier(deps, who, {
    idempotencyKey: opts.key ?? `test-${Date.now()}-${++keySeq}`,
    procedureCode: code,
    communeCode: opts.commune ?? GIA_PHU,
    applicant: DEMO_APPLICANT,
    form: demoFormValues(def),
    documents: demoDocuments(def),
    delivery: { method: def.deliveryMethods.includes("post") ? "post" : def.deliveryMethods[0]!, address: DEMO_APPLICANT.address },
    assistedConsent: channel === "online" ? null : { method: "signature" },
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
