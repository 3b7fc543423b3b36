// Pages of skills and coverage: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { confirmSkillForm } from "./pages/confirm-skill.ts";
import { coverageDownload } from "./pages/coverage-download.ts";
import { coveragePage } from "./pages/coverage-page.tsx";
import { gapsPage, gapsPrintPage } from "./pages/gaps-page.tsx";
import { skillsPage } from "./pages/skills-page.tsx";

export function registerCoveragePages(app: Hono<AppEnv>, web: WebContext) {
  app.get("/office/coverage", coveragePage(web));
  app.get("/office/coverage.xlsx", coverageDownload(web));
  app.get("/office/coverage/gaps", gapsPage(web));
  app.get("/office/coverage/gaps/print", gapsPrintPage(web));
  const skills = skillsPage(web);
  app.get("/office/skills", skills.get);
  app.post("/office/skills", skills.post);
  app.post("/office/residents/:id/skills", confirmSkillForm(web));
}
