// What a report is when it is sent: by the form, the API, an officer or volunteer for a resident, or an Open311
// client. One input type for every channel, so that every channel goes through the same checks (reportSubmit).
import type { IncomingPhoto } from "../use-cases/photo-store.ts";

export type ConsentMethod = "signature" | "verbal" | "fingerprint";

export type SubmitReportInput = {
  /** The commune reported to (Open311's jurisdiction_id when an installation serves several). */
  communeCode: string;
  /** The category's code in that commune (Open311's service_code); a commune row overrides the province's. */
  categoryCode: string;
  description: string;
  /** A village of the commune, or null (the report is then filed under the commune). */
  villageCode?: string | null;
  /** Free text: "cạnh cầu tràn thôn Nà Mò" (Open311's address_string). */
  landmark?: string | null;
  lat?: number | null;
  lon?: number | null;
  /** Where the coordinates came from; ignored without coordinates. */
  locationSource?: "device" | "map" | "open311" | null;
  /** Answers to the category's Open311 attributes (the Open311 part checks them against the definition). */
  attributes?: Record<string, unknown>;
  /** All optional; a phone (not anonymous) means SMS updates. For an assisted report: the resident's, not the helper's. */
  contact?: { name?: string | null; phone?: string | null; email?: string | null };
  /** Anonymous: no name, phone or email kept, hence no SMS updates. */
  anonymous?: boolean;
  /** Files as received (multipart or base64); checked and converted before the transaction. */
  photos?: readonly IncomingPhoto[];
  /** Photo addresses given by a client (Open311's media_url): recorded as given, never fetched. */
  photoUrls?: readonly string[];
  channel: "web" | "assisted" | "meeting" | "open311";
  /** For channel "assisted" or "meeting": the resident's consent, recorded as dossiers record it. */
  consent?: { method: ConsentMethod; note?: string | null } | null;
  /** For channel "open311": the registered client that posted it (its api_key already checked). */
  open311ClientId?: string | null;
  /** The sender's address: the per-address flood limit (web and API). */
  clientIp?: string | null;
};

export type SubmitReportResult = {
  id: string;
  code: string;
  /** The private link's secret: shown once (the page, the SMS); only its sha256 is kept. */
  followToken: string;
  /** The private link, absolute (config.publicUrl). */
  followUrl: string;
  dueAt: Date | null;
  public: boolean;
  notifySms: boolean;
};
