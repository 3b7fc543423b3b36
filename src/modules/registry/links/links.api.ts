// /api/v1 routes of registry: enter once (a citizen account linked to a resident). Handlers are thin; the use cases
// live under ../use-cases/ (link-*.ts).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { decideMyLink, decideResidentLink } from "../use-cases/link-decide.ts";
import { myHousehold } from "../use-cases/link-my-household.ts";
import { residentLinkStatus } from "../use-cases/link-status.ts";
import { DecidedLink, LinkDecisionInput, MyHousehold, ResidentLinkDecisionInput, ResidentLinkStatus } from "./links.contract.ts";

const tags = ["Registry"];
const security = [{ bearerAuth: [] }];
const ResidentParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

export function registerLinksApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/me/household",
      tags,
      summary: "Your household as the registry knows it, and the links proposed to you",
      description:
        "A link is proposed when your verified ID number (national SSO, or checked on the card at the desk) or your verified phone matches a resident with no account. A typed phone proposes nothing.",
      security,
      responses: { 200: json(MyHousehold, "Your household and proposals"), 401: problems[401] },
    }),
    async (c) => c.json(await myHousehold(deps, useCaseContext(c)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/me/household/link/{linkId}",
      tags,
      summary: "Say whether a proposed registry person is you",
      description: "confirm links your account to the resident (one account, one resident); reject closes the proposal for good.",
      security,
      request: { params: z.object({ linkId: z.uuid().openapi({ param: { name: "linkId", in: "path" } }) }), body: body(LinkDecisionInput) },
      responses: {
        200: json(DecidedLink, "The decided link"),
        400: problems[400],
        401: problems[401],
        404: problems[404],
        409: problems[409],
        415: problems[415],
      },
    }),
    async (c) => c.json(await decideMyLink(deps, useCaseContext(c), c.req.valid("param").linkId, c.req.valid("json").decision), 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/residents/{id}/link",
      tags,
      summary: "A resident's account link: the linked account and the links proposed and decided",
      description: "For anyone who sees the resident's household; the read is audited. A household you do not see answers 404.",
      security,
      request: { params: ResidentParam },
      responses: { 200: json(ResidentLinkStatus, "The link status"), 400: problems[400], 401: problems[401], 404: problems[404] },
    }),
    async (c) => c.json(await residentLinkStatus(deps, useCaseContext(c), c.req.valid("param").id), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/residents/{id}/link",
      tags,
      summary: "Confirm or reject a link proposed for a resident (officer)",
      description: "Needs registry.manage on the resident's household; a household you do not see answers 404.",
      security,
      request: { params: ResidentParam, body: body(ResidentLinkDecisionInput) },
      responses: {
        200: json(DecidedLink, "The decided link"),
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: problems[409],
        415: problems[415],
      },
    }),
    async (c) => c.json(await decideResidentLink(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
