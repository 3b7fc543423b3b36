// Every test process speaks with the whole catalogue, as the server and the CLI do after composition.
import { registerModuleMessages } from "../../src/module-messages.ts";

registerModuleMessages();
