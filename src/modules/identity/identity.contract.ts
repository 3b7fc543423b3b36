// Forms and API bodies for users, roles and tokens: one schema each, shared by pages and API.
import { z } from "@hono/zod-openapi";
import { ROLES } from "../../platform/auth/roles.ts";

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/);
export const Password = z.string().min(10).max(200);
export const VnPhone = z
  .string()
  .trim()
  .regex(/^(\+84|0)(3|5|7|8|9)\d{8}$/);

export const SignInInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
  next: z.string().max(500).optional(),
});

export const CreateUserInput = z
  .strictObject({
    username: Username,
    displayName: z.string().trim().min(1).max(120),
    kind: z.enum(["officer", "volunteer", "citizen", "service"]),
    email: z.union([z.literal(""), z.email().max(200)]).optional(),
    phone: z.union([z.literal(""), VnPhone]).optional(),
    password: Password.optional(),
    homeUnitCode: z.string().regex(/^\d{2}(\d{3}(\.\d{3})?)?$/),
  })
  .openapi("CreateUserInput");

export const GrantRoleInput = z.strictObject({ role: z.enum(ROLES), adminUnitCode: z.string().regex(/^\d{2}(\d{3}(\.\d{3})?)?$/) }).openapi("GrantRoleInput");

export const CreateApiTokenInput = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    role: z.enum(ROLES),
    adminUnitCode: z.string().regex(/^\d{2}(\d{3}(\.\d{3})?)?$/),
    expiresInDays: z.coerce.number().int().min(1).max(730).default(365),
  })
  .openapi("CreateApiTokenInput");

export const UserView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    kind: z.string(),
    homeUnitCode: z.string().nullable(),
    disabled: z.boolean(),
    grants: z.array(z.object({ role: z.enum(ROLES), adminUnitCode: z.string() })),
  })
  .openapi("User");
