// A notice's body as HTML, from parseNoticeBody (notice-text.ts): paragraphs, lists, bold and links. The page and the
// feeds render the same markup; links leave with rel="noopener nofollow" (an officer's link is not our endorsement).
import type { Block, Inline } from "../notice-text.ts";
import { parseNoticeBody } from "../notice-text.ts";

function Inlines(props: { items: Inline[] }) {
  return (
    <>
      {props.items.map((x) =>
        x.kind === "link" ? (
          <a href={x.href} rel="noopener nofollow">
            {x.href}
          </a>
        ) : x.kind === "bold" ? (
          <strong>{x.text}</strong>
        ) : (
          x.text
        ),
      )}
    </>
  );
}

function BlockView(props: { block: Block }) {
  const b = props.block;
  if (b.kind === "list") {
    return (
      <ul>
        {b.items.map((i) => (
          <li>
            <Inlines items={i} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p>
      {b.lines.map((l, i) => (
        <>
          {i > 0 && <br />}
          <Inlines items={l} />
        </>
      ))}
    </p>
  );
}

export function NoticeBody(props: { body: string }) {
  return (
    <>
      {parseNoticeBody(props.body).map((b) => (
        <BlockView block={b} />
      ))}
    </>
  );
}

/** The same markup as a string, for the feeds' content. */
export const noticeBodyHtml = (body: string): string => String(<NoticeBody body={body} />);
