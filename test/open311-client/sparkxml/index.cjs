// Stand-in for codeforamerica/node-sparkxml (a git dependency the npm registry cannot serve): XML parsing only.
const { XMLParser } = require("fast-xml-parser");
exports.parseXml = (body) => new XMLParser({ parseTagValue: false }).parse(body);
