// The places on the registry's office pages that another module fills at composition (src/modules.ts): the
// registry may not import outreach (outreach depends on the registry), so outreach hands its panels in here.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { Deps } from "../../deps.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { PageContext } from "../../platform/views/page-context.ts";

export type ResidentPanelInput = {
  residentId: string;
  householdId: string | null;
  communeCode: string;
  villageCode: string;
  unitPath: string;
  /** Where a form of the panel sends the person back: the resident's page. */
  returnTo: string;
};
export type HouseholdPanelInput = { householdId: string; communeCode: string; villageCode: string; unitPath: string };

/**
 * A panel of a resident's or household's page; null when there is nothing to show. The page has already recorded
 * the read of the person or household (one audit entry per page), so a panel must not record another.
 */
export type ResidentPanel = (c: Context<AppEnv>, ctx: PageContext, input: ResidentPanelInput) => Promise<Child | null>;
export type HouseholdPanel = (c: Context<AppEnv>, ctx: PageContext, input: HouseholdPanelInput) => Promise<Child | null>;

export type RegistrySlots = {
  residentPanel?: (deps: Deps) => ResidentPanel;
  householdPanel?: (deps: Deps) => HouseholdPanel;
};
