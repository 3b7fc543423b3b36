// Everything the big screen shows on first paint: the live queue state, today's notices, the procedure guide (the
// commune's commonest procedures with fee, time limit and a QR code to apply online) and the commune's figures.
// Public data: no access check; an address that is not a served commune is a 404.
import QRCode from "qrcode";
import type { Deps } from "../../../deps.ts";
import { localYear } from "../../../platform/calendar/vietnam-time.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getAdminUnit, isCommuneCode } from "../../admin-units/index.ts";
import { computePublicFigures } from "../../dossier-stats/index.ts";
import { type CurrentNotice, currentNotices } from "../../notices/index.ts";
import { getProcedure, searchProcedures } from "../../procedures/index.ts";
import { commonestProcedures } from "../screen/screen.repository.ts";
import { type ScreenQueueState, screenState } from "./screen-state.ts";

export type GuideItem = {
  code: string;
  name: string;
  fee: number;
  processing: { unit: "days" | "hours" | "sameDay"; amount: number };
  url: string;
  /** The QR code of url, as an SVG element. */
  qrSvg: string;
};
export type HallFiguresSummary = { year: number; received: number; onTimeShare: number | null } | null;
export type ScreenDisplay = {
  commune: { code: string; name: string; fullName: string };
  state: ScreenQueueState;
  notices: CurrentNotice[];
  guide: GuideItem[];
  figures: HallFiguresSummary;
};

export const GUIDE_SIZE = 6;
export const NOTICES_SHOWN = 6;
// The guide and the figures change slowly: computed at most every 10 minutes per commune and process.
const guideCache = referenceCache<GuideItem[]>(600_000, 500);
const figuresCache = referenceCache<YearRows>(600_000, 50);

type D = Pick<Deps, "db" | "clock" | "config">;

export async function screenDisplay(deps: D, communeCode: string): Promise<ScreenDisplay> {
  const unit = isCommuneCode(communeCode) ? await getAdminUnit(deps, communeCode).catch(() => null) : null;
  if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
  const [state, notices, guide, figures] = await Promise.all([
    screenState(deps, unit.code),
    currentNotices(deps, unit.code, NOTICES_SHOWN),
    guideCache.get(deps.db, unit.code, () => procedureGuide(deps, unit.code)),
    // The screen still shows its queue when the figures cannot be computed.
    figuresCache.get(deps.db, String(localYear(deps.clock.now())), () => yearFigures(deps)).catch(() => null),
  ]);
  return { commune: { code: unit.code, name: unit.name, fullName: unit.fullName }, state, notices, guide, figures: figuresOf(figures, unit.code) };
}

async function procedureGuide(deps: D, communeCode: string): Promise<GuideItem[]> {
  const now = deps.clock.now();
  const codes = await commonestProcedures(deps.db, communeCode, new Date(now.getTime() - 365 * 86_400_000), GUIDE_SIZE);
  if (codes.length < GUIDE_SIZE) {
    // A commune with few dossiers yet: the catalogue's first procedures fill the guide.
    const page = await searchProcedures(deps, { limit: GUIDE_SIZE * 2 });
    for (const p of page.items) if (codes.length < GUIDE_SIZE && !codes.includes(p.code)) codes.push(p.code);
  }
  const base = (deps.config.publicUrl ?? "").replace(/\/$/, "");
  const items = await Promise.all(
    codes.map(async (code): Promise<GuideItem | null> => {
      const p = await getProcedure(deps, code).catch(() => null);
      if (!p?.active) return null;
      const url = `${base}/procedures/${encodeURIComponent(code)}`;
      const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
      return {
        code,
        name: p.definition.name,
        fee: p.totalFee,
        processing: { unit: p.definition.processing.unit, amount: p.definition.processing.amount },
        url,
        qrSvg,
      };
    }),
  );
  return items.filter((i): i is GuideItem => i !== null);
}

type YearRows = { year: number; rows: { key: string; received: number; onTimeShare: number | null }[] };

/** The public figures of the year (every served commune at once, as the public /figures page reads them). */
async function yearFigures(deps: D): Promise<YearRows> {
  const f = await computePublicFigures(deps, localYear(deps.clock.now()));
  return { year: f.year, rows: f.rows.map((r) => ({ key: r.key, received: r.received, onTimeShare: r.onTimeShare })) };
}

function figuresOf(all: YearRows | null, communeCode: string): HallFiguresSummary {
  if (!all) return null;
  const row = all.rows.find((r) => r.key === communeCode);
  return { year: all.year, received: row?.received ?? 0, onTimeShare: row?.onTimeShare ?? null };
}
