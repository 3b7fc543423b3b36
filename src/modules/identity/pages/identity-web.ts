// What the identity pages share beyond the platform's page kit: role names as people read them.
import type { Role } from "../../../platform/auth/roles.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../platform/views/page-context.ts";

export const roleLabel = (t: PageContext["t"], r: Role) => t(`role.${r}` as MessageKey);
