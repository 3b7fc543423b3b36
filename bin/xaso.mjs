#!/usr/bin/env node
// The `xaso` command: runs src/cli/main.ts through tsx's ESM loader, in this same process
// (so exit codes, signals, stdin and the terminal behave as for any program). The working
// directory is left alone: DATA_DIR=./data and file arguments stay relative to where you are.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import(new URL("../src/cli/main.ts", import.meta.url).href);
