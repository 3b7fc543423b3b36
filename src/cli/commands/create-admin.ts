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
  summary: "Create a system administrator (or reset one's password)",
  usage: `xaso create-admin --username NAME [--display-name "Full name"]

Creates an officer account with the system_admin role on every served province. If the
account exists, its password is replaced and the role granted again.
The password (at least ${MIN_LENGTH} characters) comes from the ${PASSWORD_ENV} environment
variable, or from stdin: typed twice without echo on a terminal, or the first line when piped.
It is never accepted as an argument.

  XASO_ADMIN_PASSWORD='…' xaso create-admin --username quantri
  printf '%s\\n' "$PW" | xaso create-admin --username quantri`,
  async run(args, io) {
    if (args.some((a) => a === "--password" || a.startsWith("--password="))) {
      throw new UsageError(`--password is not accepted: arguments leak into shell history and process lists. Set ${PASSWORD_ENV} or write the password on stdin.`);
    }
    const { values } = parse(args, { username: { type: "string", short: "u" }, "display-name": { type: "string" } });
    if (!values.username) throw new UsageError("--username is required.");
    const password = await readPassword(io, PASSWORD_ENV);
    if (password.length < MIN_LENGTH) throw new InputError(`The password is too short: it needs at least ${MIN_LENGTH} characters. Nothing changed.`);
    return withRuntime(io, {}, async (rt) => {
      const r = await createSystemAdmin(rt, { actor: { userId: null, label: "cli:create-admin" }, requestId: null }, {
        username: values.username!,
        password,
        ...(values["display-name"] ? { displayName: values["display-name"] } : {}),
      });
      io.out(
        r.created
          ? `Created system administrator "${values.username!.trim().toLowerCase()}" (id ${r.userId}) with system_admin on: ${rt.config.servedProvinces.join(", ")}.\n`
          : `"${values.username!.trim().toLowerCase()}" already existed: password replaced and system_admin granted again (id ${r.userId}).\n`,
      );
      return 0;
    });
  },
};
