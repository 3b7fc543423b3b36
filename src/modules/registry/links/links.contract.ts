// The API's shapes of enter once: the citizen's household, and deciding a proposed link.
import { z } from "@hono/zod-openapi";

export const LinkDecisionInput = z
  .strictObject({ decision: z.enum(["confirm", "reject"]).openapi({ description: "confirm: this is me (or: this is them); reject: it is not" }) })
  .openapi("LinkDecisionInput");

export const ResidentLinkDecisionInput = z
  .strictObject({
    linkId: z.uuid().openapi({ description: "The proposed link (from the resident's link status)" }),
    decision: z.enum(["confirm", "reject"]),
  })
  .openapi("ResidentLinkDecisionInput");

const MatchedOn = z.enum(["id_number", "phone"]);

export const DecidedLink = z
  .object({ id: z.uuid(), residentId: z.uuid(), userId: z.uuid(), status: z.enum(["proposed", "confirmed", "rejected"]), matchedOn: MatchedOn })
  .openapi("ResidentAccountLink");

export const MyHousehold = z
  .object({
    proposals: z
      .array(
        z.object({
          linkId: z.uuid(),
          fullName: z.string(),
          birthYear: z.number().int(),
          villageName: z.string(),
          matchedOn: MatchedOn,
          proposedAt: z.string(),
        }),
      )
      .openapi({ description: "Residents your verified ID number or phone matches, waiting for you to say whether they are you" }),
    household: z
      .object({
        id: z.uuid(),
        address: z.string(),
        villageName: z.string(),
        communeName: z.string(),
        me: z.object({
          residentId: z.uuid(),
          fullName: z.string(),
          birthDate: z.string().nullable(),
          birthYear: z.number().int(),
          sex: z.enum(["male", "female"]).nullable(),
          phone: z.string().nullable(),
          citizenIdNumber: z.string().nullable(),
          relationToHead: z.string(),
        }),
        members: z
          .array(z.object({ fullName: z.string(), relationToHead: z.string(), isHead: z.boolean(), isMe: z.boolean() }))
          .openapi({ description: "Names and relations only: never another member's ID number or phone" }),
      })
      .nullable()
      .openapi({ description: "Once your account is linked to a resident: your household as the registry knows it" }),
  })
  .openapi("MyHousehold");

export const ResidentLinkStatus = z
  .object({
    resident: z.object({
      id: z.uuid(),
      fullName: z.string(),
      birthYear: z.number().int(),
      householdId: z.uuid().nullable(),
      communeCode: z.string(),
      villageCode: z.string(),
    }),
    account: z.object({ userId: z.uuid(), displayName: z.string() }).nullable().openapi({ description: "The linked citizen account, if any" }),
    links: z.array(
      z.object({
        id: z.uuid(),
        userId: z.uuid(),
        displayName: z.string(),
        matchedOn: MatchedOn,
        status: z.enum(["proposed", "confirmed", "rejected"]),
        decidedHow: z.enum(["citizen", "officer"]).nullable(),
        decidedByName: z.string().nullable(),
        proposedAt: z.string(),
        decidedAt: z.string().nullable(),
      }),
    ),
    canDecide: z.boolean().openapi({ description: "Whether you may confirm or reject (registry.manage on the household)" }),
  })
  .openapi("ResidentLinkStatus");
