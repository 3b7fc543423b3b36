// Days the government has announced for the public sector (cán bộ, công chức, viên chức), shipped as seed
// overrides so a fresh installation counts deadlines right. Rows in calendar_days win over these.
// Names are catalogue keys (shown translated); names typed in by an administrator are shown as typed.
// Add a year once its decision is published; the computed rules (holidays.ts) cover the years not listed.
import type { CalendarOverride } from "./working-time.ts";

const off = (day: string, name: string): CalendarOverride => ({ day, kind: "off", name });
const working = (day: string, name: string): CalendarOverride => ({ day, kind: "working", name });

export const ANNOUNCED_DAYS: readonly CalendarOverride[] = [
  // Tết Dương lịch 2026: the Government agreed on 25/12/2025 to swap Friday 2/1 for Saturday 10/1, so
  // 1/1–4/1 are off; Ministry of Home Affairs notice of the same day (reported by 24h.com.vn, 26/12/2025).
  off("2026-01-02", "calendar.holiday.swappedDayOff"),
  working("2026-01-10", "calendar.holiday.makeUpDay"),

  // Tết Bính Ngọ 2026: Saturday 14/2 (27 tháng Chạp Ất Tỵ) to Sunday 22/2 (mùng 6 tháng Giêng), 9 days:
  // the 5 statutory days 16/2–20/2 and two weekends. Approved by Prime Minister Phạm Minh Chính on the
  // Ministry of Home Affairs' proposal (baochinhphu.vn, 14/10/2025). The 5 days equal the computed default;
  // they are listed so the decision stays recorded. [to verify: the number of the official letter]
  off("2026-02-16", "calendar.holiday.tet"),
  off("2026-02-17", "calendar.holiday.tet"),
  off("2026-02-18", "calendar.holiday.tet"),
  off("2026-02-19", "calendar.holiday.tet"),
  off("2026-02-20", "calendar.holiday.tet"),

  // Quốc khánh 2026: Saturday 29/8 to Wednesday 2/9, 5 days; the adjacent day is 1/9, Monday 31/8 is swapped
  // for Saturday 22/8 (Ministry of Home Affairs announcement, Việt Nam News, 17/10/2025).
  working("2026-08-22", "calendar.holiday.makeUpDay"),
  off("2026-08-31", "calendar.holiday.swappedDayOff"),
  off("2026-09-01", "calendar.holiday.nationalDay"),

  // 2027: no decision published yet; the computed default applies (Tết 5/2–9/2 plus 10/2 and 11/2 made up
  // for the weekend, Giỗ Tổ Friday 16/4, 30/4 and 1/5, 2/9 with 3/9).
];
