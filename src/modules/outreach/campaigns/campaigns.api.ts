// /api/v1 routes of outreach: campaigns, trainings, recognition. Handlers are thin; use cases live under use-cases/.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { createCampaign } from "../use-cases/campaign-create.ts";
import { getCampaign } from "../use-cases/campaign-get.ts";
import { listCampaigns } from "../use-cases/campaign-list.ts";
import { recognise } from "../use-cases/recognition.ts";
import { recordAttendees } from "../use-cases/training-attendees.ts";
import { createTraining } from "../use-cases/training-create.ts";
import { getTraining } from "../use-cases/training-get.ts";
import { loadTraining } from "../use-cases/training-access.ts";
import { listTrainings } from "../use-cases/training-list.ts";
import { addTrainingMaterial, getTrainingMaterial } from "../use-cases/training-materials.ts";
import {
  AttendeesInput,
  AttendeesResult,
  Campaign,
  CampaignInput,
  CampaignProgress,
  CampaignWithProgress,
  IdParam,
  Material,
  MaterialParam,
  ProgressQuery,
  Recognition,
  RecognitionQuery,
  Training,
  TrainingDetail,
  TrainingInput,
} from "./campaigns.contract.ts";
import type { CampaignRow } from "./campaigns.repository.ts";
import type { TrainingRow } from "./trainings.repository.ts";

const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 413: problems[413], 415: problems[415], 429: problems[429] };

const presentCampaign = (c: CampaignRow): z.infer<typeof Campaign> => ({
  id: c.id,
  name: c.name,
  unitCode: c.unitCode,
  unitName: c.unitName,
  skillKey: c.skillKey,
  measure: c.measure,
  targetPercent: c.targetPercent,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  createdAt: c.createdAt.toISOString(),
});
const presentTraining = (t: TrainingRow): z.infer<typeof Training> => ({
  id: t.id,
  communeCode: t.communeCode,
  unitCode: t.unitCode,
  unitName: t.unitName,
  heldOn: t.heldOn,
  place: t.place,
  topic: t.topic,
  trainer: t.trainer,
  skillKeys: t.skillKeys,
  attendeeCount: t.attendeeCount,
  materialCount: t.materialCount,
});
const person = (p: { residentId: string; fullName: string; birthYear: number; villageCode: string; villageName: string }) => ({
  residentId: p.residentId,
  fullName: p.fullName,
  birthYear: p.birthYear,
  villageCode: p.villageCode,
  villageName: p.villageName,
});

export function registerCampaignsApi(api: OpenAPIHono<AppEnv>, deps: Deps) {
  const campaignTags = ["Campaigns"];
  const trainingTags = ["Trainings"];

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns",
      tags: campaignTags,
      security,
      summary: "Campaigns inside your units, and those of a unit above them",
      responses: { 200: json(z.object({ items: z.array(Campaign) }), "The campaigns, latest end first"), ...reads },
    }),
    async (c) => c.json({ items: (await listCampaigns(deps, useCaseContext(c))).map(presentCampaign) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/campaigns",
      tags: campaignTags,
      security,
      summary: "Create a campaign: a skill, a measure, a target share and dates over a province, commune or village",
      request: { body: { required: true, content: { "application/json": { schema: CampaignInput } } } },
      responses: { 201: json(CampaignWithProgress, "The campaign with its progress so far"), ...writes },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = await createCampaign(deps, ctx, c.req.valid("json"));
      const { campaign, progress } = await getCampaign(deps, ctx, id, { by: "village", t: c.get("t") });
      return c.json({ campaign: presentCampaign(campaign), progress }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{id}",
      tags: campaignTags,
      security,
      summary: "A campaign with its progress per village, day by day, counted over the part of its unit you may see",
      request: { params: IdParam },
      responses: { 200: json(CampaignWithProgress, "The campaign and its progress"), ...reads },
    }),
    async (c) => {
      const { campaign, progress } = await getCampaign(deps, useCaseContext(c), c.req.valid("param").id, { by: "village", t: c.get("t") });
      return c.json({ campaign: presentCampaign(campaign), progress }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/campaigns/{id}/progress",
      tags: campaignTags,
      security,
      summary: "A campaign's progress per village or per team: each row's share as of each day, the expected share and on track or behind",
      request: { params: IdParam, query: ProgressQuery },
      responses: { 200: json(CampaignProgress, "The progress"), ...reads },
    }),
    async (c) => {
      const { by } = c.req.valid("query");
      const { progress } = await getCampaign(deps, useCaseContext(c), c.req.valid("param").id, { by, t: c.get("t") });
      return c.json(progress, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/trainings",
      tags: trainingTags,
      security,
      summary: "Training sessions inside your units: date, place, topic, trainer, skills, counts",
      responses: { 200: json(z.object({ items: z.array(Training) }), "The trainings, latest first"), ...reads },
    }),
    async (c) => c.json({ items: (await listTrainings(deps, useCaseContext(c))).map(presentTraining) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/trainings",
      tags: trainingTags,
      security,
      summary: "Record a training session for a commune or a village",
      request: { body: { required: true, content: { "application/json": { schema: TrainingInput } } } },
      responses: { 201: json(Training, "The training"), ...writes },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = await createTraining(deps, ctx, c.req.valid("json"));
      return c.json(presentTraining(await loadTraining(deps, ctx.principal, id)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/trainings/{id}",
      tags: trainingTags,
      security,
      summary: "A training with its attendees (those of households you may see), materials and who still needs training (an audited read)",
      request: { params: IdParam },
      responses: { 200: json(TrainingDetail, "The training"), ...reads },
    }),
    async (c) => {
      const d = await getTraining(deps, useCaseContext(c), c.req.valid("param").id);
      return c.json(
        {
          training: presentTraining(d.training),
          attendees: d.attendees.map(person),
          attendeesHidden: d.attendeesHidden,
          materials: d.materials,
          needsTraining: d.needsTraining.map((n) => ({ ...person(n), missing: n.missing })),
          needsTrainingTotal: d.needsTrainingTotal,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/trainings/{id}/attendees",
      tags: trainingTags,
      security,
      summary: "Record attendees (residents whose households you may see); confirmSkills seen also confirms the training's skills",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: AttendeesInput } } } },
      responses: { 200: json(AttendeesResult, "How many attendees were added and skills confirmed"), ...writes },
    }),
    async (c) => c.json(await recordAttendees(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/trainings/{id}/materials",
      tags: trainingTags,
      security,
      summary: "Upload a material (PDF, JPG or PNG) as multipart/form-data with the file in the field `file`",
      request: {
        params: IdParam,
        body: {
          required: true,
          // A plain schema, not zod: the handler reads the file itself, after checking the training (404 before 415).
          content: {
            "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } },
          },
        },
      },
      responses: { 201: json(Material, "The stored material"), ...writes },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid("param");
      await loadTraining(deps, ctx.principal, id, { manage: true });
      const { file } = await readMultipartFile(c);
      const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
      const stored = await addTrainingMaterial(deps, ctx, id, {
        name: file?.name ?? "",
        bytes,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json(stored, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/trainings/{id}/materials/{fileId}",
      tags: trainingTags,
      security,
      summary: "Download a training's material",
      request: { params: MaterialParam },
      responses: {
        200: { description: "The file, as an attachment", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
        ...reads,
      },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      return fileResponse(c, await getTrainingMaterial(deps, useCaseContext(c), id, fileId)) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/recognition",
      tags: campaignTags,
      security,
      summary: "Recognition: teams and members ranked by households helped, skills confirmed and visits in a period (an audited read)",
      request: { query: RecognitionQuery },
      responses: { 200: json(Recognition, "The ranked teams and members"), ...reads },
    }),
    async (c) => {
      const r = await recognise(deps, useCaseContext(c), c.req.valid("query"));
      return c.json({ from: r.from, to: r.to, unitCode: r.unitCode, teams: r.teams, members: r.members }, 200);
    },
  );
}

/** The multipart body's `file` field; any other body is refused as the wrong media type. */
async function readMultipartFile(c: Context<AppEnv>): Promise<{ file: File | null }> {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("unsupported_media_type", "error.unsupportedMediaType");
  const body = await c.req.parseBody();
  const file = body.file;
  return { file: file instanceof File ? file : null };
}
