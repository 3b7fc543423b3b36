/**
 * The dependency rule of docs/architecture.md, as code. `npm run lint:deps` (and so `npm test` and CI)
 * fails on any violation; test/unit/dependency-rules.test.ts shows that each rule catches a violation.
 */
const MODULE_INTERNAL_ENTRIES = "\\.(repository|pages|api|routes)\\.tsx?$|/(pages|office|citizen)/|/mount\\.tsx?$|\\.(citizen|office)\\.tsx$";
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "No import cycles, type-only imports included.",
      from: {},
      to: { circular: true },
    },
    {
      name: "platform-imports-no-module",
      severity: "error",
      comment: "platform/ holds no domain rules: it imports no module, no web page and not the composition root.",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules|web|demo|cli)/|^src/(app|main|bootstrap)\\.tsx?$" },
    },
    {
      name: "modules-meet-through-index",
      severity: "error",
      comment: "A module imports another module only through that module's index.ts.",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/[^/]+/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "index-exports-no-internals",
      severity: "error",
      comment: "A module's index.ts exports use cases, contracts and read models: never repositories, pages or routes.",
      from: { path: "^src/modules/[^/]+/index\\.ts$" },
      to: { path: MODULE_INTERNAL_ENTRIES },
    },
    {
      name: "only-composition-mounts",
      severity: "error",
      comment: "A module's pages and routes are reached only from its own mount.ts, which only the composition root imports.",
      from: { path: "^src/", pathNot: ["^src/(app|modules)\\.tsx?$"] },
      to: { path: "^src/modules/[^/]+/mount\\.tsx?$" },
    },
    {
      name: "messages-registered-at-composition",
      severity: "error",
      comment: "A module's message catalogue is registered by src/module-messages.ts; nothing else outside the module imports it.",
      from: { path: "^src/", pathNot: ["^src/module-messages\\.ts$", "^src/modules/([^/]+)/"] },
      to: { path: "\\.messages\\.ts$" },
    },
    {
      name: "same-module-messages-only",
      severity: "error",
      comment: "Modules do not read each other's catalogues (their keys are all known to t()).",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/[^/]+/.*\\.messages\\.ts$", pathNot: "^src/modules/$1/" },
    },
    {
      name: "nothing-imports-the-composition-root",
      severity: "error",
      comment: "app.ts wires everything; only the entry points (and the test and bench harnesses) import it.",
      from: { path: "^src/", pathNot: ["^src/(main|bootstrap)\\.ts$"] },
      to: { path: "^src/app\\.tsx?$" },
    },
    {
      name: "modules-import-no-outer-layer",
      severity: "error",
      comment: "Modules import neither the web shell, the demo seed, the CLI nor the entry points.",
      from: { path: "^src/modules/" },
      to: { path: "^src/(web|demo|cli)/|^src/(app|main|bootstrap)\\.tsx?$" },
    },
    {
      name: "web-shell-imports-only-indexes",
      severity: "error",
      comment: "The web shell, the demo seed and the CLI reach modules through their index.ts only.",
      from: { path: "^src/(web|demo|cli)/" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "source-imports-no-tests",
      severity: "error",
      from: { path: "^src/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^test/|\\.test\\.tsx?$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Co-located tests may import anything; product code importing test code is caught by source-imports-no-tests.
    exclude: { path: "\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
