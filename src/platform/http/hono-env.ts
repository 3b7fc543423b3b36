// The per-request variables every handler can read.
import type { Logger } from "pino";
import type { Principal } from "../auth/authorise.ts";
import type { Locale, Translate } from "../i18n/i18n.ts";

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    locale: Locale;
    t: Translate;
    principal: Principal | null;
    /** The raw session token, when signed in through a cookie. */
    sessionToken: string | null;
    csrfToken: string;
  };
};
