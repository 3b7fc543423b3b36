// xaso create-admin --username NAME: the first system administrator (or a password reset for one).
import { createSystemAdmin } from "../../modules/identity/index.ts";
import { parse } from "../args.ts";
import { type Command, InputError, UsageError } from "../io.ts";
import { readPassword } from "../password.ts";
import { withRuntime } from "../runtime.ts";

export const PASSWORD_ENV = "XASO_ADMIN_PASSWORD";
const MIN_LENGTH = 10;

export const createAdminCommand: Command = {
  name: "create-admin",
  summary: "cli.createAdmin.summary",
  usage: (t) => t("cli.createAdmin.usage", { min: MIN_LENGTH, env: PASSWORD_ENV }),
  async run(args, io) {
    if (args.some((a) => a === "--password" || a.startsWith("--password="))) {
      throw new UsageError("cli.createAdmin.passwordArgument", { env: PASSWORD_ENV });
    }
    const { values } = parse(args, { username: { type: "string", short: "u" }, "display-name": { type: "string" } });
    if (!values.username) throw new UsageError("cli.createAdmin.usernameRequired");
    const password = await readPassword(io, PASSWORD_ENV, MIN_LENGTH);
    if (password.length < MIN_LENGTH) throw new InputError("cli.createAdmin.tooShort", { min: MIN_LENGTH });
    return withRuntime(io, {}, async (rt) => {
      const r = await createSystemAdmin(
        rt,
        { actor: { userId: null, label: "cli:create-admin" }, requestId: null },
        {
          username: values.username!,
          password,
          ...(values["display-name"] ? { displayName: values["display-name"] } : {}),
        },
      );
      const username = values.username!.trim().toLowerCase();
      io.out(
        `${
          r.created
            ? io.t("cli.createAdmin.created", { username, id: r.userId, provinces: rt.config.servedProvinces.join(", ") })
            : io.t("cli.createAdmin.reset", { username, id: r.userId })
        }\n`,
      );
      return 0;
    });
  },
};
