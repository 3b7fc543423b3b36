// Stand-in for xml2json 0.2 (native node-expat, needs install scripts): XML parsing only.
const { XMLParser } = require("fast-xml-parser");
exports.toJson = (body) => new XMLParser({ parseTagValue: false }).parse(body);
