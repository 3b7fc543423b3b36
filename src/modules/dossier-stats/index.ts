/** Figures from the work: counts and shares over dossiers, read from the dossier_facts view only (docs/figures.md). */
export * from "./dossier-stats.contract.ts";
export { METRICS, DEFINITIONS, type Metric } from "./dossier-stats.definitions.ts";
export {
  computeFigures,
  computePublicFigures,
  figuresInput,
  listStatsCommunes,
  periodOf,
  type FiguresInput,
  type PublicFigures,
  type StatsContext,
} from "./use-cases/compute-figures.ts";
export { exportFigures, writeFiguresXlsx, XLSX_MEDIA_TYPE } from "./use-cases/export-figures.ts";
