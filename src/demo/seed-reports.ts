// Demo citizen reports: the province's default categories and a dozen reports in Xã Gia Phú, in every status, a few
// answered (with a rating, one reopened, one late), so that the desk, the public page and the figures have something
// to show. Names are made up. Safe to run again (the reports module skips a commune that has its demo reports).
import type { Deps } from "../deps.ts";
import { listAdminUnitChildren } from "../modules/admin-units/index.ts";
import { findUserId } from "../modules/identity/index.ts";
import { type DemoReport, ensureDefaultCategories, ensureReportArea, seedDemoReports } from "../modules/reports/index.ts";
import { DEMO_COMMUNE } from "./seed-demo.ts";

const DEMO_PROVINCE = "15";

// The 2025 Tỉnh Lào Cai (the former Lào Cai and Yên Bái): APPROXIMATE extreme points with a margin, from memory of the
// two former provinces' extents, not from a survey; the province is to check them (docs/reports/reporting.md).
export const DEMO_PROVINCE_AREA = { minLat: 21.3, maxLat: 22.9, minLon: 103.5, maxLon: 105.2 } as const;

export async function seedReportsDemo(deps: Pick<Deps, "db" | "config" | "clock">): Promise<{ categories: number; reports: number }> {
  const { added: categories } = await ensureDefaultCategories(deps, DEMO_PROVINCE);
  await ensureReportArea(deps, DEMO_PROVINCE, DEMO_PROVINCE_AREA);
  const [specialist, officer] = await Promise.all([findUserId(deps, "chuyenvien.giaphu"), findUserId(deps, "motcua.giaphu")]);
  if (!specialist || !officer) return { categories, reports: 0 };
  const villages = (await listAdminUnitChildren(deps, DEMO_COMMUNE, { limit: 10 })).items.filter((u) => u.level === "village");
  const phuHa = villages.find((v) => v.name === "Phú Hà")?.code ?? null;
  const phuThinh = villages.find((v) => v.name === "Phú Thịnh")?.code ?? null;
  const reports: DemoReport[] = [
    {
      category: "road",
      villageCode: phuHa,
      description: "Ổ gà lớn giữa đường liên thôn, trời mưa đọng nước, xe máy dễ ngã.",
      landmark: "Đầu cầu tràn thôn Phú Hà",
      lat: 22.3931,
      lon: 104.0472,
      status: "received",
      daysAgo: 0,
      reporterName: "Vàng Văn Páo",
      reporterPhone: "0912300101",
    },
    {
      category: "waste",
      villageCode: phuThinh,
      description: "Bãi rác tự phát ven suối, bốc mùi, có cả xác gia cầm.",
      landmark: "Bờ suối sau nhà văn hóa thôn Phú Thịnh",
      status: "received",
      daysAgo: 1,
      reporterName: null,
    },
    {
      category: "lighting",
      villageCode: phuHa,
      description: "Ba bóng đèn đường không sáng từ tuần trước, đoạn đường tối.",
      landmark: "Dốc trường tiểu học",
      status: "accepted",
      daysAgo: 2,
      reporterName: "Lò Thị Dung",
    },
    {
      category: "drainage",
      villageCode: phuThinh,
      description: "Cống thoát nước bị tắc, nước tràn vào sân nhà dân khi mưa to.",
      landmark: "Ngã ba chợ Phú Thịnh",
      lat: 22.3887,
      lon: 104.0531,
      status: "assigned",
      daysAgo: 3,
      reporterName: "Lý A Chứ",
      reporterPhone: "0912300102",
      assigneeUserId: specialist,
    },
    {
      category: "road",
      villageCode: phuHa,
      description: "Taluy sạt xuống lấn nửa mặt đường, cần dọn và cắm biển cảnh báo.",
      landmark: "Km2 đường lên thôn Phú Hà",
      status: "in_progress",
      daysAgo: 20,
      reporterName: "Giàng Văn Sinh",
      assigneeUserId: specialist,
    },
    {
      category: "power",
      villageCode: phuHa,
      description: "Dây điện võng thấp sát mái nhà, gió to đập vào cây.",
      landmark: "Xóm trong thôn Phú Hà",
      status: "forwarded",
      daysAgo: 6,
      reporterName: "Hoàng Thị Say",
      assigneeUserId: officer,
      forwardedTo: "Điện lực Bảo Thắng",
    },
    {
      category: "water",
      villageCode: phuThinh,
      description: "Ống nước sinh hoạt bị vỡ, cả xóm mất nước hai ngày.",
      landmark: "Đường vào xóm Đồi",
      status: "resolved",
      daysAgo: 5,
      reporterName: "Nguyễn Minh Đức",
      reporterPhone: "0912300103",
      assigneeUserId: specialist,
      answeredAfterDays: 2,
      answer: "Đã thay đoạn ống vỡ và cấp nước lại từ chiều 3 ngày sau khi nhận phản ánh.",
    },
    {
      category: "waste",
      villageCode: phuHa,
      description: "Rác thải ở điểm tập kết không được thu gom cả tuần.",
      landmark: "Điểm tập kết rác đầu thôn Phú Hà",
      status: "closed",
      daysAgo: 40,
      reporterName: "Đỗ Thị Lan",
      assigneeUserId: specialist,
      answeredAfterDays: 3,
      answer: "Đã làm việc với tổ thu gom, lịch thu gom mới: thứ Hai và thứ Năm hằng tuần.",
      satisfaction: 5,
    },
    {
      category: "road",
      villageCode: phuThinh,
      description: "Mặt cầu gỗ qua suối bị mục hai tấm ván.",
      landmark: "Cầu gỗ thôn Phú Thịnh",
      status: "closed",
      daysAgo: 70,
      reporterName: "Bàn Văn Thắng",
      assigneeUserId: specialist,
      answeredAfterDays: 16,
      answer: "Đã thay ván mới và gia cố lan can.",
      satisfaction: 3,
    },
    {
      category: "drainage",
      villageCode: phuHa,
      description: "Rãnh dọc đường bị đất lấp, nước chảy tràn mặt đường.",
      landmark: "Trước nhà văn hóa thôn Phú Hà",
      status: "reopened",
      daysAgo: 15,
      reporterName: "Triệu Thị Hoa",
      assigneeUserId: specialist,
      answeredAfterDays: 4,
      answer: "Đã nạo vét rãnh.",
      statusNote: "Mới nạo vét một đoạn, đoạn dưới vẫn tắc.",
      reopened: true,
    },
    {
      category: "order",
      villageCode: phuThinh,
      description: "Hát karaoke to quá 22 giờ nhiều đêm liền.",
      landmark: "Khu dân cư gần chợ",
      status: "rejected",
      daysAgo: 9,
      reporterName: "Phạm Văn Lợi",
      rejectReason: "not_commune",
      statusNote: "Đã chuyển Công an xã xử lý theo thẩm quyền; phản ánh không thuộc danh mục công khai.",
    },
    {
      category: "other",
      villageCode: null,
      description: "Biển tên xã ở đầu đường bị đổ sau bão.",
      landmark: "Ngã ba quốc lộ vào xã",
      status: "closed",
      daysAgo: 100,
      reporterName: null,
      assigneeUserId: officer,
      answeredAfterDays: 5,
      answer: "Đã dựng lại biển và gia cố chân móng.",
    },
  ];
  const { added } = await seedDemoReports(deps, { communeCode: DEMO_COMMUNE, actorUserId: specialist, reports });
  return { categories, reports: added };
}
