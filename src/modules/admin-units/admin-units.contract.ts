// The one contract for admin units: validates form posts and API bodies, and generates OpenAPI.
import { z } from "@hono/zod-openapi";

export const LEVELS = ["province", "district", "commune", "village"] as const;
export type Level = (typeof LEVELS)[number];
export const VILLAGE_TYPES = ["Thôn", "Bản", "Ấp", "Khóm", "Tổ dân phố", "Làng", "Buôn", "Sóc", "Plei"] as const;

export const AdminUnitCode = z
  .string()
  .regex(/^\d{2}(\d{3}(\.\d{3})?)?$/)
  .openapi({ description: "GSO code (2 digits province, 5 digits commune); villages add .NNN", example: "02923" });

export const AdminUnit = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    level: z.enum(LEVELS),
    unitType: z.string().openapi({ example: "Xã" }),
    name: z.string().openapi({ example: "Gia Phú" }),
    fullName: z.string().openapi({ example: "Xã Gia Phú" }),
    nameEn: z.string().nullable(),
    fullNameEn: z.string().nullable(),
  })
  .openapi("AdminUnit");
export type AdminUnit = z.infer<typeof AdminUnit>;

const villageName = z.string().trim().min(1).max(100);
export const CreateVillageInput = z.strictObject({ name: villageName, unitType: z.enum(VILLAGE_TYPES) }).openapi("CreateVillageInput");
export const RenameVillageInput = z.strictObject({ name: villageName, unitType: z.enum(VILLAGE_TYPES).optional() }).openapi("RenameVillageInput");

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(100).openapi({ example: "gia phu" }),
  level: z.enum(LEVELS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const PageQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
