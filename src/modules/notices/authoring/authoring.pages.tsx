// Pages of notices' authoring part: routes only; each page is its own file under pages/.
import type { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import { noticePaths } from "../notice-paths.ts";
import { noticeFormPages } from "./pages/notice-form.tsx";
import { noticePages, STEPS } from "./pages/notice-page.tsx";
import { noticesListPage } from "./pages/notices-list.tsx";

const ID = ":id{[0-9a-fA-F-]{36}}";

export function registerAuthoringPages(app: Hono<AppEnv>, web: WebContext): void {
  const kit = pageKit(web);
  app.get(noticePaths.desk, noticesListPage(kit));
  const form = noticeFormPages(kit);
  app.get(noticePaths.officeNew, form.newForm);
  app.post(noticePaths.officeNew, form.create);
  app.get(noticePaths.officeEdit(ID), form.editForm);
  app.post(noticePaths.officeEdit(ID), form.edit);
  const notice = noticePages(kit);
  app.get(noticePaths.officeNotice(ID), notice.show);
  for (const step of STEPS) app.post(noticePaths.officeStep(ID, step), notice.act(step));
  app.get(noticePaths.officeAttachment(ID, ":fileId"), notice.attachment);
}
