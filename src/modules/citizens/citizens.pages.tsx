// Citizen face: sign in with a phone number and an SMS code, the profile, and the document vault; and the desk's
// form for an officer who checked a citizen's ID card.
// The pages live in pages/; this file only wires the routes.
import type { Hono } from "hono";
import type { AppEnv } from "../../platform/http/hono-env.ts";
import type { WebContext } from "../../platform/http/web-context.ts";
import { pageKit } from "../../platform/http/page-kit.ts";
import { PHONE_PATH } from "./pages/phone-cookie.ts";
import { phoneSignInPages } from "./pages/phone-sign-in-page.tsx";
import { phoneVerifyPages } from "./pages/phone-verify-page.tsx";
import { profilePages } from "./pages/profile-page.tsx";
import { PROFILE_PHONE_PATH, profilePhonePages } from "./pages/profile-phone-page.tsx";
import { vaultPages } from "./pages/vault-page.tsx";
import { ID_CARD_CHECK_PATH, idCardCheckPages } from "./pages/id-card-check-page.tsx";

export function registerCitizenPages(app: Hono<AppEnv>, web: WebContext) {
  const w = pageKit(web);
  const phone = phoneSignInPages(w);
  const verify = phoneVerifyPages(w);
  const profile = profilePages(w);
  const profilePhone = profilePhonePages(w);
  const vault = vaultPages(w);
  const idCardCheck = idCardCheckPages(w);

  // sign in with a phone number
  app.get(PHONE_PATH, (c) => phone.show(c));
  app.post(PHONE_PATH, (c) => phone.submit(c));
  app.get(`${PHONE_PATH}/verify`, (c) => verify.show(c));
  app.post(`${PHONE_PATH}/verify`, (c) => verify.submit(c));

  // profile
  app.get("/me/profile", (c) => profile.show(c));
  app.post("/me/profile", (c) => profile.submit(c));
  // verifying its phone by a code
  app.post(`${PROFILE_PHONE_PATH}/code`, (c) => profilePhone.sendCode(c));
  app.get(PROFILE_PHONE_PATH, (c) => profilePhone.show(c));
  app.post(PROFILE_PHONE_PATH, (c) => profilePhone.verify(c));

  // vault
  app.get("/me/vault", (c) => vault.show(c));
  app.post("/me/vault", (c) => vault.upload(c));
  app.get("/me/vault/:id/file", (c) => vault.download(c, c.req.param("id")));
  app.post("/me/vault/:id/remove", (c) => vault.remove(c, c.req.param("id")));

  // the desk: an officer records the ID card they checked
  app.get(ID_CARD_CHECK_PATH, (c) => idCardCheck.show(c));
  app.post(ID_CARD_CHECK_PATH, (c) => idCardCheck.submit(c));
}
