// The read model of a unit as the module hands it out: the contract's fields plus its place in the tree.
import type { AdminUnit } from "./admin-units.contract.ts";

export type AdminUnitRow = AdminUnit & { path: string; sortName: string };

/** GSO codes: 2 digits for a province, 5 for a commune, a commune's code and ".NNN" for a village. */
export const isCommuneCode = (code: string): boolean => /^\d{5}$/.test(code);
