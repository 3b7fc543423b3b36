// Reads a secret from the environment or stdin; never from argv (shell history, `ps`).
import { InputError, type CliIO } from "./io.ts";

/** Whole stdin as text (piped input: `printf '%s\n' "$PW" | xaso create-admin …`). */
async function readAll(stdin: CliIO["stdin"]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** One line from a terminal without echoing it. */
function promptHidden(io: CliIO, prompt: string): Promise<string> {
  const { stdin } = io;
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (fn: () => void) => {
      stdin.off("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.err("\n");
      fn();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === "\r" || ch === "\n") return finish(() => resolve(value));
        if (ch === "\u0003" || ch === "\u0004") return finish(() => reject(new InputError("cli.password.cancelled")));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    io.err(prompt);
    stdin.setRawMode?.(true);
    stdin.on("data", onData);
    stdin.resume();
  });
}

/** The password from `envName`, else from stdin: prompted twice on a terminal, else the first line. */
export async function readPassword(io: CliIO, envName: string, minLength: number): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (io.stdin.isTTY) {
    const first = await promptHidden(io, io.t("cli.password.prompt", { min: minLength }));
    const again = await promptHidden(io, io.t("cli.password.repeat"));
    if (first !== again) throw new InputError("cli.password.differ");
    return first;
  }
  const line = (await readAll(io.stdin)).split(/\r?\n/)[0] ?? "";
  if (line === "") throw new InputError("cli.password.none", { env: envName });
  return line;
}
