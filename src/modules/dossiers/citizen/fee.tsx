// Fees on the citizen pages: what the procedure costs (apply form) and what this dossier owes (its page).
import type { Child } from "hono/jsx";
import { formatMoney } from "../../../platform/i18n/format.ts";
import { SummaryList, Tag } from "../../../platform/views/components.tsx";
import type { PageContext } from "../../../platform/views/page-context.ts";
import type { ProcedureDefinition } from "../../procedures/index.ts";
import type { DossierRow } from "../dossiers.model.ts";

export function FeeList(props: { ctx: PageContext; def: ProcedureDefinition; total: number }) {
  const { t, locale } = props.ctx;
  if (props.def.fees.length === 0 || props.total === 0) {
    return (
      <>
        <p>{t("dossiers.citizen.feeNone")}</p>
        {props.def.fees
          .filter((f) => f.exemptions)
          .map((f) => (
            <p class="hint">{f.exemptions}</p>
          ))}
      </>
    );
  }
  return (
    <>
      <ul>
        {props.def.fees.map((f) => (
          <li>
            {f.label}: <strong>{formatMoney(f.amount, locale)}</strong>
            {f.exemptions && <span class="hint">{f.exemptions}</span>}
          </li>
        ))}
      </ul>
      <p>
        {t("dossiers.citizen.feeTotal")} <strong>{formatMoney(props.total, locale)}</strong>. {t("dossiers.citizen.feeWhen")}
      </p>
    </>
  );
}

/**
 * The fee and its state. `payment` is the slot for the payments module's panel (VietQR SVG, bank
 * transfer details); without it the page still says what is owed and whether it is paid.
 */
export function FeePanel(props: { ctx: PageContext; amount: number; status: DossierRow["feeStatus"]; def: ProcedureDefinition; payment?: Child | null }) {
  const { t, locale } = props.ctx;
  if (props.amount === 0) return <p>{t("dossiers.citizen.feeNone")}</p>;
  return (
    <>
      <SummaryList
        rows={[
          [t("dossiers.citizen.feeAmount"), formatMoney(props.amount, locale)],
          [
            t("dossiers.citizen.feeStatus"),
            <Tag tone={props.status === "paid" || props.status === "exempt" ? "green" : props.status === "unpaid" ? "red" : "grey"}>
              {t(`dossiers.citizen.fee.${props.status}`)}
            </Tag>,
          ],
        ]}
      />
      {props.def.fees
        .filter((f) => f.exemptions)
        .map((f) => (
          <p class="hint">{f.exemptions}</p>
        ))}
      {props.status === "unpaid" && (props.payment ?? <p>{t("dossiers.citizen.feePayAtDesk")}</p>)}
    </>
  );
}
