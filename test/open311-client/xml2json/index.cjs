// Stand-in for xml2json 0.2 (native node-expat, needs install scripts): toJson(xml, { object: true }) as xml2json
// answers it: the root element kept as the top key; repeated elements become arrays, single ones objects; a text
// element is its text (strings, as xml2json leaves them without `coerce`), an empty one {}. Without `object`, a string.
const { XMLParser } = require("fast-xml-parser");

const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, ignoreDeclaration: true, ignoreAttributes: true, trimValues: true });

const nameOf = (node) => Object.keys(node).find((k) => k !== ":@");

function convert(children) {
  const elements = children.filter((c) => !("#text" in c));
  if (elements.length === 0) {
    const text = children.map((c) => c["#text"]).join("");
    return text === "" ? {} : String(text);
  }
  const out = {};
  for (const e of elements) {
    const name = nameOf(e);
    const value = convert(e[name]);
    if (!(name in out)) out[name] = value;
    else if (Array.isArray(out[name])) out[name].push(value);
    else out[name] = [out[name], value];
  }
  return out;
}

exports.toJson = (body, options = {}) => {
  const out = {};
  for (const node of parser.parse(String(body))) {
    const name = nameOf(node);
    if (name && !name.startsWith("?")) out[name] = convert(node[name]);
  }
  return options.object ? out : JSON.stringify(out);
};
