import { describe, expect, it } from "vitest";
import { noticeBodyHtml } from "./notice-body.tsx";

describe("a notice's body as HTML", () => {
  it("renders paragraphs, line breaks, lists, bold and links with rel=noopener nofollow", () => {
    const html = noticeBodyHtml("Dòng một\nDòng **hai**\n\n- Mục A\n- Xem https://dichvucong.gov.vn/p/1.");
    expect(html).toBe(
      '<p>Dòng một<br/>Dòng <strong>hai</strong></p><ul><li>Mục A</li><li>Xem <a href="https://dichvucong.gov.vn/p/1" rel="noopener nofollow">https://dichvucong.gov.vn/p/1</a>.</li></ul>',
    );
  });

  it("escapes markup an officer typed: it is text, never HTML", () => {
    const html = noticeBodyHtml('<script>alert(1)</script> & "x"');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&amp;");
  });
});
