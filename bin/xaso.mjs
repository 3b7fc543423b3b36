#!/usr/bin/env node
// The `xaso` command, in this same process (so exit codes, signals, stdin and the terminal behave as for any
// program). It runs the compiled dist/cli/main.js when a build is there and no source is newer than it;
// otherwise src/cli/main.ts through tsx's ESM loader. The working directory is left alone: DATA_DIR=./data
// and file arguments stay relative to where you are.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const stampMs = mtimeMs(new URL("dist/.build-stamp", root));

if (stampMs !== null && !newerThan(fileURLToPath(new URL("src", root)), stampMs)) {
  await import(new URL("dist/cli/main.js", root).href);
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("tsconfig.json", root)) });
  await import(new URL("src/cli/main.ts", root).href);
}

function mtimeMs(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return null;
  }
}

/** Whether any file under dir changed after the build (a few ms for the whole source tree). */
function newerThan(dir, ms) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? newerThan(full, ms) : statSync(full).mtimeMs > ms) return true;
  }
  return false;
}
