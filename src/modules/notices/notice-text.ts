// A notice's body is limited rich text that every channel can carry: paragraphs (blank lines), bullet items
// ("- " at a line's start), **bold**, and links written as bare https:// addresses. Nothing else is markup, so the
// same text reads well as a web page, an e-mail, an SMS (flattened) and a spoken script.

export type Inline = { kind: "text"; text: string } | { kind: "bold"; text: string } | { kind: "link"; href: string };
export type Block = { kind: "paragraph"; lines: Inline[][] } | { kind: "list"; items: Inline[][] };

const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

function inlines(line: string): Inline[] {
  const out: Inline[] = [];
  for (const [i, part] of line.split("**").entries()) {
    // Odd parts sit between a pair of ** (an unpaired trailing ** is kept as text).
    if (i % 2 === 1 && i < line.split("**").length - 1) {
      if (part) out.push({ kind: "bold", text: part });
      continue;
    }
    const text = i % 2 === 1 ? `**${part}` : part;
    let last = 0;
    for (const m of text.matchAll(URL_RE)) {
      if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
      out.push({ kind: "link", href: m[0] });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  }
  return out;
}

/** The body as blocks, for the web page and e-mail. */
export function parseNoticeBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) {
      blocks.push({ kind: "list", items: lines.map((l) => inlines(l.replace(/^\s*[-*•]\s+/, ""))) });
    } else {
      blocks.push({ kind: "paragraph", lines: lines.map((l) => inlines(l.trim())) });
    }
  }
  return blocks;
}

const plainInline = (xs: Inline[]): string => xs.map((x) => (x.kind === "link" ? x.href : x.text)).join("");

/** The body as plain text (bold marks dropped, list items as "- "), for SMS derivation, e-mail text and feeds. */
export function noticeBodyPlain(body: string): string {
  return parseNoticeBody(body)
    .map((b) => (b.kind === "list" ? b.items.map((i) => `- ${plainInline(i)}`).join("\n") : b.lines.map(plainInline).join("\n")))
    .join("\n\n");
}
