// Recognition as a spreadsheet for the commendation file: a sheet of teams and a sheet of members, Vietnamese
// headers whatever the viewer's language (the file goes into official papers). Names are typed by people: every
// text cell goes through safeCells, never a formula.
import { loadExcelJS } from "../../../platform/files/exceljs.ts";
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { safeCells } from "../../../platform/text/spreadsheet-cell.ts";
import type { RecognitionQuery } from "../campaigns/campaigns.contract.ts";
import { type Recognition, recognise } from "./recognition.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const dmy = (day: string) => day.split("-").reverse().join("/");

export async function writeRecognitionXlsx(r: Recognition): Promise<Uint8Array> {
  const t = translator("vi");
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "XãSố";
  const period = `${r.unitName ? `${r.unitName}. ` : ""}${t("recognition.period", { from: dmy(r.from), to: dmy(r.to) })}`;
  const figures = [t("recognition.col.visits"), t("recognition.col.households"), t("recognition.col.skills")];
  const sheet = (name: string, headers: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow(safeCells([`${t("recognition.certificate")}: ${name}`])).font = { bold: true, size: 13 };
    ws.addRow(safeCells([period]));
    ws.addRow(safeCells(headers)).font = { bold: true };
    for (const row of rows) ws.addRow(safeCells(row));
    ws.columns.forEach((col, i) => {
      col.width = i === 1 ? 32 : 16;
    });
  };
  sheet(
    t("recognition.teams"),
    [t("recognition.col.rank"), t("recognition.col.team"), t("recognition.col.village"), t("recognition.col.members"), ...figures],
    r.teams.map((x) => [x.rank, x.name, x.villageName ?? "", x.members, x.visits, x.householdsHelped, x.skillsConfirmed]),
  );
  sheet(
    t("recognition.members"),
    [t("recognition.col.rank"), t("recognition.col.member"), t("recognition.col.team"), t("recognition.col.village"), ...figures],
    r.members.map((x) => [x.rank, x.name, x.teamName ?? "", x.villageName ?? "", x.visits, x.householdsHelped, x.skillsConfirmed]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same read as the page (audited the same way), as a workbook. */
export async function exportRecognition(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context & { principal: Principal | null },
  query: RecognitionQuery,
): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const r = await recognise(deps, ctx, query);
  return { bytes: await writeRecognitionXlsx(r), mediaType: XLSX_MEDIA_TYPE, filename: `vinh-danh-${r.unitCode ?? "tat-ca"}-${r.from}-${r.to}.xlsx` };
}
