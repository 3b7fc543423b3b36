// The columns a table of moves shares on the household and the resident page.
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { Column } from "../../../platform/views/data-table.tsx";
import type { MoveRow } from "../registry.model.ts";

/** Where the move came from and went to: each household linked, by its village. */
export const moveFromToColumns = (t: Translate): Column<MoveRow>[] => [
  {
    header: t("registry.col.from"),
    cell: (m) => (m.fromHouseholdId ? <a href={`/office/registry/households/${m.fromHouseholdId}`}>{m.fromVillageCode ?? ""}</a> : "—"),
  },
  {
    header: t("registry.col.to"),
    cell: (m) =>
      m.toHouseholdId ? <a href={`/office/registry/households/${m.toHouseholdId}`}>{m.toVillageCode ?? ""}</a> : t("registry.resident.noHousehold"),
  },
];

/** Why, and who recorded it (names looked up by moverNames). */
export const moveReasonByColumns = (t: Translate, names: Map<string, string>): Column<MoveRow>[] => [
  { header: t("registry.col.reason"), cell: (m) => m.reason ?? "" },
  { header: t("registry.col.by"), cell: (m) => (m.movedBy ? (names.get(m.movedBy) ?? "") : "") },
];
