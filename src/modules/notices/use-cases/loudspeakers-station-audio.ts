// A slot's audio for the station's player that holds the key (the feed gives the address).
import type { Deps } from "../../../deps.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import { readStoredFile, type StoredFileContent } from "../../../platform/files/file-store.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findSlot } from "../loudspeakers/loudspeakers.repository.ts";
import { stationByKey } from "./loudspeakers-feed.ts";

export async function stationSlotAudio(deps: Pick<Deps, "db">, id: string, slotId: string, key: string | null): Promise<StoredFileContent> {
  const station = await stationByKey(deps.db, id, key);
  const slot = isUuid(slotId) ? await findSlot(deps.db, station.id, slotId) : null;
  const file = slot ? await readStoredFile(deps.db, slot.audioFileId) : null;
  if (!file) throw new AppError("not_found", "error.notFound");
  return file;
}
