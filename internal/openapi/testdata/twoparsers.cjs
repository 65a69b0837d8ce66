// Reads each YAML file errgen wrote with two YAML parsers independent of
// errgen (npm's yaml, and js-yaml, which @redocly/cli reads specs with)
// and prints a line for every file whose YAML does not read as exactly
// the JSON file beside it: the same values, key order included.
//
//   node twoparsers.cjs TOOLS_NODE_MODULES FILE.yaml FILE.json [...]
const { createRequire } = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const [modules, ...files] = process.argv.slice(2);
const load = createRequire(path.join(modules, 'noop.js'));
const YAML = load('yaml');
const jsyaml = load('js-yaml');

let bad = 0;
for (let i = 0; i < files.length; i += 2) {
  const [yamlFile, jsonFile] = [files[i], files[i + 1]];
  const text = fs.readFileSync(yamlFile, 'utf8');
  const want = JSON.stringify(JSON.parse(fs.readFileSync(jsonFile, 'utf8')));
  const doc = YAML.parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  for (const e of [...doc.errors, ...doc.warnings]) {
    console.log(`${yamlFile}: yaml: ${e.message}`);
    bad++;
  }
  const parsers = {
    yaml: () => doc.toJS({ maxAliasCount: 0 }),
    'js-yaml': () => jsyaml.load(text, { json: false }),
  };
  for (const [name, parse] of Object.entries(parsers)) {
    let got;
    try {
      got = JSON.stringify(parse());
    } catch (e) {
      console.log(`${yamlFile}: ${name}: ${e.message}`);
      bad++;
      continue;
    }
    if (got !== want) {
      let at = 0;
      while (at < got.length && got[at] === want[at]) at++;
      console.log(`${yamlFile}: ${name} reads it differently from ${path.basename(jsonFile)} at character ${at}:\n  yaml: …${got.slice(Math.max(0, at - 60), at + 60)}…\n  json: …${want.slice(Math.max(0, at - 60), at + 60)}…`);
      bad++;
    }
  }
}
process.exit(bad ? 1 : 0);
