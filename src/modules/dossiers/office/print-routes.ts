// The printable PDFs of the desk: the register of a period and the forms (Mẫu 01–06) of one dossier.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { readDayFields } from "../../../platform/text/day-input.ts";
import { vietQrPngForDossier } from "../../payments/index.ts";
import { PRINT_KINDS, PRINTABLE_FORMS, printDossierForm, printRegister, type PrintedForm, type PrintKind } from "../use-cases/print-forms.ts";
import { type OfficeWeb, pickCommune } from "./office-context.ts";
import { requireSignedIn } from "../../../platform/http/page-kit.ts";

/** The print links: path segment and the form they render, from the registry of printable forms. */
export const PRINT_PATHS: ReadonlyArray<[string, PrintKind]> = PRINT_KINDS.map((kind) => [PRINTABLE_FORMS[kind].path, kind]);

function pdfResponse(c: Context<AppEnv>, f: PrintedForm) {
  return c.body(new Uint8Array(f.pdf), 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename="${f.filename}"`,
    "cache-control": "private, no-store",
  });
}

export function printHandlers(office: OfficeWeb) {
  const { deps, origin } = office;

  /** GET /office/desk/register.pdf: the desk's register for a period. */
  const register = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const { code } = pickCommune(c, p, "dossier.read");
    // The filter is typed as dd/mm/yyyy (YYYY-MM-DD still reads); a day that does not exist is a 400 naming the field.
    const dated = readDayFields({ from: c.req.query("from") ?? "", to: c.req.query("to") ?? "" }, ["from", "to"]);
    if (dated.errors.length > 0) throw new AppError("validation", "error.validation", dated.errors);
    const period = { from: dated.values.from ?? "", to: dated.values.to ?? "" };
    const f = await printRegister(deps, ctxOf(c), code, period, { locale: c.get("locale") });
    return pdfResponse(c, f);
  };

  /** GET /office/dossiers/:id/<slug>.pdf: one form of one dossier. */
  const form = async (c: Context<AppEnv>, id: string, kind: PrintKind) => {
    return pdfResponse(c, await printDossierForm(deps, ctxOf(c), id, kind, { locale: c.get("locale"), origin: origin(c), feeQr: vietQrPngForDossier }));
  };

  return { register, form };
}
