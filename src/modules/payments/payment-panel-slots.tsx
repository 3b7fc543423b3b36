// The slots the composition root hands to the dossier pages (see src/modules.ts): the payment panel on the
// citizen's and on the office's dossier page.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { Deps } from "../../deps.ts";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { PageContext } from "../../platform/views/page-context.ts";
import type { DossierRow } from "../dossiers/index.ts";
import { PaymentPanel, paymentPanelProps } from "./payment-panel.tsx";

/**
 * The citizen dossier page shows the amount and status itself, so this adds how to pay and the receipts.
 * Null when there is nothing to add.
 */
export const citizenPaymentPanel =
  (deps: Pick<Deps, "db">) =>
  async (_c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext): Promise<Child | null> => {
    const props = await paymentPanelProps(deps, ctx, dossier);
    if (!props.qr && props.payments.length === 0 && !props.due) return null;
    return <PaymentPanel {...props} canConfirm={false} showSummary={false} headingLevel={3} />;
  };

/** The office dossier page: the panel with the desk's actions (confirm, exempt, refund) where allowed. */
export const officePaymentPanel =
  (deps: Pick<Deps, "db">) =>
  async (_c: Context<AppEnv>, dossier: DossierRow, ctx: PageContext): Promise<Child | null> => (
    <PaymentPanel {...(await paymentPanelProps(deps, ctx, dossier))} />
  );
