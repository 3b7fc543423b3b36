// Stand-in for codeforamerica/node-sparkxml (a git dependency the npm registry cannot serve): parseXml maps XML to
// JSON by the Open311 "Spark convention" (wiki.open311.org/JSON_and_XML_Conversion): the root element is dropped; an
// element whose children are all of one name is an array of them (even of one); other elements are objects; a text
// element is its text, an empty one null.
const { XMLParser } = require("fast-xml-parser");

const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, ignoreDeclaration: true, ignoreAttributes: true, trimValues: true });

const nameOf = (node) => Object.keys(node).find((k) => k !== ":@");

function spark(children) {
  const elements = children.filter((c) => !("#text" in c));
  if (elements.length === 0) {
    const text = children.map((c) => c["#text"]).join("");
    return text === "" ? null : String(text);
  }
  const names = elements.map(nameOf);
  if (names.every((n) => n === names[0])) return elements.map((e) => spark(e[names[0]]));
  const out = {};
  for (const e of elements) out[nameOf(e)] = spark(e[nameOf(e)]);
  return out;
}

exports.parseXml = (body) => {
  const root = parser.parse(body).find((n) => nameOf(n) && !nameOf(n).startsWith("?"));
  return root ? spark(root[nameOf(root)]) : null;
};
