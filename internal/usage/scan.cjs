// Finds the uses of a generated npm package's codes in a TypeScript
// project, with the TypeScript compiler API. errgen runs it as
// `node - CONFIG` with this text on standard input; CONFIG is JSON:
// {project, typescript, packages}. It prints JSON: {files, uses}.
//
// A use is an identifier (or a string literal in an element access) whose
// symbol, once import and export aliases are followed, is an enum member or
// a property of an `as const` object declared in a file of one of the
// packages: the checker resolves renamed imports, re-exports and
// namespace imports the way the project's own build does.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

function fail(msg) {
  process.stderr.write(msg + "\n");
  process.exit(2);
}

const cfg = JSON.parse(process.argv[2]);
const project = path.resolve(cfg.project);

let tsPath = cfg.typescript;
if (!tsPath) {
  try {
    tsPath = createRequire(path.join(project, "package.json")).resolve("typescript");
  } catch {
    fail(`typescript is not installed for ${project}: install it there (npm install --save-dev typescript) or pass errgen usage -typescript DIR`);
  }
}
let ts;
try {
  ts = require(path.resolve(tsPath));
} catch (e) {
  fail(`cannot load typescript from ${tsPath}: ${e.message.split("\n")[0]}`);
}
if (typeof ts.createProgram !== "function") {
  fail(`${tsPath} has no TypeScript compiler API (TypeScript 7's native compiler has none yet): use a TypeScript 5 package`);
}

const configFile = ts.findConfigFile(project, ts.sys.fileExists, "tsconfig.json");
if (!configFile || path.dirname(configFile) !== project) {
  fail(`${project} has no tsconfig.json`);
}
const diagText = (ds) => ts.formatDiagnostics(ds, {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => project,
  getNewLine: () => "\n",
});
const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => fail(diagText([d])),
});
if (parsed.errors.length > 0) {
  fail(diagText(parsed.errors));
}
// Resolving a symbol needs the project's modules, not the standard library
// or global @types: without them the program is a tenth of the files (the
// DOM's declarations alone are larger than most projects).
const options = { ...parsed.options, noLib: true, types: [] };
const program = ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences });
const checker = program.getTypeChecker();

// Whether a declaration file belongs to one of the packages: the name in
// the nearest package.json above it, whether it was installed from a
// registry, linked or mapped with paths.
const wanted = new Set(cfg.packages);
const pkgOfDir = new Map();
function packageName(dir) {
  if (pkgOfDir.has(dir)) return pkgOfDir.get(dir);
  let name = null;
  const file = path.join(dir, "package.json");
  if (fs.existsSync(file)) {
    try {
      name = JSON.parse(fs.readFileSync(file, "utf8")).name || "";
    } catch {
      name = "";
    }
  } else if (path.dirname(dir) !== dir) {
    name = packageName(path.dirname(dir));
  }
  pkgOfDir.set(dir, name);
  return name;
}
const generated = (sf) => wanted.has(packageName(path.dirname(path.resolve(sf.fileName))));

// code returns {container, member, value} when sym is a code of the
// packages, else null.
function code(sym) {
  if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym.valueDeclaration || (sym.declarations || [])[0];
  if (!decl || !generated(decl.getSourceFile())) return null;
  if (ts.isEnumMember(decl)) {
    const value = checker.getConstantValue(decl);
    return typeof value === "number" ? { container: decl.parent.name.text, member: sym.name, value } : null;
  }
  // export declare const ErrorCode: { readonly ChannelNotFound: 2003; … }
  if (ts.isPropertySignature(decl) && ts.isTypeLiteralNode(decl.parent) &&
      ts.isVariableDeclaration(decl.parent.parent) && ts.isIdentifier(decl.parent.parent.name)) {
    const type = checker.getTypeOfSymbol(sym);
    return type.isNumberLiteral() ? { container: decl.parent.parent.name.text, member: sym.name, value: type.value } : null;
  }
  return null;
}

const uses = [];
let files = 0;
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || program.isSourceFileFromExternalLibrary(sf) || generated(sf)) continue;
  files++;
  const visit = (node) => {
    let target = null;
    let sym;
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && !node.dotDotDotToken) {
      // const { ChannelNotFound } = ErrorCode: the name is a new variable;
      // the property it reads is the use.
      const key = node.propertyName || node.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) {
        target = key;
        sym = checker.getTypeAtLocation(node.parent).getProperty(key.text);
      }
    } else if (ts.isIdentifier(node) && !(ts.isBindingElement(node.parent) && node.parent.parent && ts.isObjectBindingPattern(node.parent.parent))) {
      target = node;
    } else if (ts.isStringLiteral(node) && ts.isElementAccessExpression(node.parent) && node.parent.argumentExpression === node) {
      target = node;
    }
    if (target) {
      if (sym === undefined) sym = checker.getSymbolAtLocation(target);
      const c = sym && code(sym);
      if (c) {
        // Columns count bytes, as Go's positions do.
        const start = target.getStart(sf);
        const { line } = sf.getLineAndCharacterOfPosition(start);
        const col = Buffer.byteLength(sf.text.slice(sf.getLineStarts()[line], start)) + 1;
        uses.push({ file: path.resolve(sf.fileName), line: line + 1, col, ...c });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
process.stdout.write(JSON.stringify({ files, uses }));
