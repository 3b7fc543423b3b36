// The ID number the national SSO vouched for: a verified source, unlike one typed in a profile.
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../identity.repository.ts";

/** The SSO's citizen ID claim kept on the account, or null for an account that did not come from the SSO. */
export const ssoCitizenIdNumber = (q: Queryable, userId: string): Promise<string | null> => repo.findSsoCitizenIdNumber(q, userId);

/** Another active account the SSO vouched this ID number for, or null: a verified number belongs to one account. */
export const otherSsoHolderOfCitizenId = (q: Queryable, citizenIdNumber: string, exceptUserId: string): Promise<string | null> =>
  repo.findOtherSsoHolderOfCitizenId(q, citizenIdNumber, exceptUserId);
