// The notice form's SMS box: characters and parts as the author types, counted as the server will send it (GSM-7,
// diacritics removed, 160 characters in one part, 153 per part when longer). Progressive enhancement, ES2020.
(function () {
  var box = document.getElementById("f-smsText");
  var out = document.getElementById("sms-count");
  if (!box || !out) return;
  var template = out.getAttribute("data-template") || "{chars} / {parts}";
  var fold = function (s) {
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  };
  var update = function () {
    var text = fold(box.value);
    if (!text) return;
    var n = text.length;
    var parts = n === 0 ? 0 : n <= 160 ? 1 : Math.ceil(n / 153);
    out.textContent = template.replace("{chars}", String(n)).replace("{parts}", String(parts));
  };
  box.addEventListener("input", update);
  update();
})();
