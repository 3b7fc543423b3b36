// The delivery report of a notice: per channel and per village, how many deliveries are queued, sent, delivered,
// failed or skipped (they add up to the deliveries), and the cost; then a page of deliveries of one status (failed by
// default) with the address and the resident's name — personal data: only officers with notice.read on the issuing
// unit itself (a commune's officer sees a province notice's counts, not the province's numbers), and each page read
// is audited.
import type { Deps } from "../../../deps.ts";
import { can, type Principal } from "../../../platform/auth/authorise.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { validationError } from "../../../platform/http/app-error.ts";
import { DELIVERY_PAGE_SIZE, DeliveriesQuery, type DeliveryReport } from "../audiences/audiences.contract.ts";
import * as repo from "../audiences/audiences.repository.ts";
import { visibleNotice } from "../notice-access.ts";
import { DELIVERY_STATUSES, type DeliveryStatus, type NoticeRow } from "../notices.model.ts";

type StatusCounts = Record<DeliveryStatus, number>;
const zero = (): StatusCounts => Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as StatusCounts;
const isStatus = (s: string): s is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(s);

export type DeliveriesView = {
  notice: NoticeRow;
  report: DeliveryReport;
  query: DeliveriesQuery;
  /** Whether the caller may see addresses and names (notice.read on the issuing unit). */
  mayList: boolean;
  items: repo.DeliveryListRow[];
  total: number;
  pageSize: number;
};

export async function noticeDeliveries(
  deps: Pick<Deps, "db" | "events">,
  ctx: Context & { principal: Principal | null },
  noticeId: string,
  raw: unknown,
): Promise<DeliveriesView> {
  const parsed = DeliveriesQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const query = parsed.data;
  const notice = await visibleNotice(deps.db, ctx.principal, noticeId);
  const [byChannel, byVillage] = await Promise.all([repo.deliveryCounts(deps.db, notice.id), repo.deliveryCountsByVillage(deps.db, notice.id)]);

  const totals = zero();
  let costVnd = 0;
  const channels = new Map<string, StatusCounts & { channel: string; total: number; costVnd: number }>();
  for (const r of byChannel) {
    if (!isStatus(r.status)) continue;
    const c = channels.get(r.channel) ?? { channel: r.channel, ...zero(), total: 0, costVnd: 0 };
    c[r.status] += r.n;
    c.total += r.n;
    c.costVnd += r.cost;
    channels.set(r.channel, c);
    totals[r.status] += r.n;
    costVnd += r.cost;
  }
  const villages = new Map<string, StatusCounts & { villageCode: string | null; villageName: string | null; total: number }>();
  for (const r of byVillage) {
    if (!isStatus(r.status)) continue;
    const key = r.villageCode ?? "";
    const v = villages.get(key) ?? { villageCode: r.villageCode, villageName: r.villageName, ...zero(), total: 0 };
    v[r.status] += r.n;
    v.total += r.n;
    villages.set(key, v);
  }
  const report: DeliveryReport = {
    noticeId: notice.id,
    fannedOutAt: notice.fannedOutAt ? notice.fannedOutAt.toISOString() : null,
    total: Object.values(totals).reduce((s, n) => s + n, 0),
    totals,
    costVnd,
    channels: [...channels.values()],
    villages: [...villages.values()],
  };

  const mayList = can(ctx.principal, "notice.read", { code: notice.unitCode, path: notice.unitPath });
  if (!mayList) return { notice, report, query, mayList, items: [], total: 0, pageSize: DELIVERY_PAGE_SIZE };
  const list = await repo.listDeliveries(deps.db, notice.id, [query.status], {
    limit: DELIVERY_PAGE_SIZE,
    offset: (query.page - 1) * DELIVERY_PAGE_SIZE,
  });
  if (list.rows.length > 0) {
    await recordPersonalDataRead(deps, ctx, {
      target: { type: "noticeDeliveries", id: notice.id },
      adminUnitCode: notice.unitCode,
      details: { status: query.status, page: query.page, rows: list.rows.length },
    });
  }
  return { notice, report, query, mayList, items: list.rows, total: list.total, pageSize: DELIVERY_PAGE_SIZE };
}
