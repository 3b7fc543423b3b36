// The map on a page, only where JavaScript runs: a placeholder kept `hidden` (no empty box without JavaScript or
// without tiles) and one small deferred script (public/map/report-map.js) that loads Leaflet only when a map is
// shown. The script reads the installation's settings and the texts from its own data attributes: no inline script.
//
// The report form (reporting part) uses <MapPicker>: "use my location" and "pick on the map" write the point into the
// form's own latitude/longitude inputs, which stay usable (or hidden) without JavaScript.
import type { Translate } from "../../../platform/i18n/i18n.ts";
import type { MapSettings } from "./map-settings.ts";

function texts(t: Translate) {
  return JSON.stringify({
    locate: t("reports.public.picker.locate"),
    pick: t("reports.public.picker.pick"),
    hint: t("reports.public.picker.hint"),
    locating: t("reports.public.picker.locating"),
    located: t("reports.public.picker.located"),
    denied: t("reports.public.picker.denied"),
    clear: t("reports.public.picker.clear"),
    mapLabel: t("reports.public.mapLabel"),
    open: t("reports.public.mapOpen"),
    truncated: t("reports.public.mapTruncated"),
    failed: t("reports.public.mapLoadFailed"),
  });
}

/** The map script with the installation's settings; once per page, after the placeholders. */
export function MapScript(props: { map: MapSettings; t: Translate }) {
  const { map } = props;
  return (
    <script
      defer
      src={map.assets.url("report-map.js")}
      data-tile-url={map.tileUrl ?? ""}
      data-attribution={map.attribution}
      data-leaflet-js={map.assets.url("leaflet.js")}
      data-leaflet-css={map.assets.url("leaflet.css")}
      data-map-css={map.assets.url("report-map.css")}
      data-texts={texts(props.t)}
    />
  );
}

/**
 * The picker for the report form. `latInput`/`lonInput` are the ids of the form's inputs; `sourceInput` (optional) the
 * id of a hidden input that receives "device" or "map"; `hint` a line shown above the buttons. The placeholder stays
 * hidden without JavaScript, and also when the browser has no geolocation and the installation no tiles (nothing to
 * offer); without tiles it offers only "use my location".
 */
export function MapPicker(props: { map: MapSettings; t: Translate; latInput: string; lonInput: string; sourceInput?: string; hint?: string }) {
  return (
    <>
      <div class="map-picker" hidden data-map-picker data-lat-input={props.latInput} data-lon-input={props.lonInput} data-source-input={props.sourceInput}>
        {props.hint && <p class="hint">{props.hint}</p>}
      </div>
      <MapScript map={props.map} t={props.t} />
    </>
  );
}
