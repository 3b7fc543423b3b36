// The registry's read model: households, residents and moves as the use cases hand them out.
import type { Relation, ResidentFlag } from "./registry.contract.ts";

export type HouseholdRow = {
  id: string;
  communeCode: string;
  villageCode: string;
  unitPath: string;
  address: string;
  headId: string | null;
  poverty: "poor" | "near_poor" | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

export type ResidentRow = {
  id: string;
  householdId: string | null;
  communeCode: string;
  villageCode: string;
  unitPath: string;
  relationToHead: Relation;
  fullName: string;
  searchName: string;
  birthDate: string | null;
  birthYear: number;
  sex: "male" | "female" | null;
  phone: string | null;
  citizenIdNumber: string | null;
  ethnicity: string | null;
  language: string | null;
  flags: ResidentFlag[];
  userId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  archivedReason: "died" | "duplicate" | null;
  mergedInto: string | null;
};

/** Who and where a resident is: the fields every resident row carries. */
export type ResidentCore = Pick<
  ResidentRow,
  | "id"
  | "householdId"
  | "communeCode"
  | "villageCode"
  | "unitPath"
  | "fullName"
  | "searchName"
  | "birthDate"
  | "birthYear"
  | "sex"
  | "phone"
  | "citizenIdNumber"
>;

export type MoveRow = {
  id: number;
  residentId: string;
  residentName: string;
  fromHouseholdId: string | null;
  toHouseholdId: string | null;
  fromVillageCode: string | null;
  toVillageCode: string | null;
  relationToHead: string | null;
  reason: string | null;
  movedAt: Date;
  movedBy: string | null;
};

export type SearchRow = ResidentRow & { householdAddress: string | null; headName: string | null; poverty: HouseholdRow["poverty"] };

export type HouseholdView = { household: HouseholdRow; members: ResidentRow[]; moves: MoveRow[] };
export type ResidentView = { resident: ResidentRow; household: HouseholdRow | null; moves: MoveRow[] };
