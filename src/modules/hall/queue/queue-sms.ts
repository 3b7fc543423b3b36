// "SO A" by SMS: a queue ticket for service A today, the number texted back. Filled by the queue part; wired into the
// notices module's inbound SMS by src/modules.ts.
import type { SmsKeywordHandler } from "../../notices/index.ts";

export const hallSmsKeyword: SmsKeywordHandler = {
  keywords: ["SO"],
  handle: async () => ({ reply: null }),
};
