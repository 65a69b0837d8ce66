// Checks a generated package at run time against a plan the Go test derives
// from the catalog model (see runtime_test.go).
//
//   node check.mjs <typescript/lib/typescript.js> <plan.json>
//
// For each entry module it checks that importing it adds no global, that
// its run-time exports are exactly the values its .d.ts declares (read with
// the TypeScript compiler API, which also reports any error in the
// declarations), functions where functions are declared; then it evaluates
// every check of the plan: a property path, called with args when given,
// compared as JSON with want. It prints the failures as JSON and exits 1
// when there are any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [tsPath, planPath] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(tsPath);
const plan = JSON.parse(readFileSync(planPath, "utf8"));
const failures = [];
const fail = (what, got, want) => failures.push({ what, got, want });

// One program reads every entry's declarations, against the ES2022 library
// only (no DOM: the package must not need it).
const program = ts.createProgram(
  Object.values(plan.entries).map((e) => e.dts),
  {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipDefaultLibCheck: true,
    types: [],
  },
);
for (const d of ts.getPreEmitDiagnostics(program)) {
  fail("declaration error in " + (d.file ? d.file.fileName : "the program"), ts.flattenDiagnosticMessageText(d.messageText, "\n"), null);
}
const checker = program.getTypeChecker();

const modules = {};
for (const [name, { js, dts }] of Object.entries(plan.entries)) {
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  const mod = await import(pathToFileURL(js).href);
  modules[name] = mod;
  const added = Object.getOwnPropertyNames(globalThis).filter((g) => !before.has(g));
  if (added.length > 0) {
    fail(name + ": globals added by the import", added, []);
  }

  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(dts));
  const declared = {};
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    let s = exported;
    if (s.flags & ts.SymbolFlags.Alias) {
      s = checker.getAliasedSymbol(s);
    }
    if (s.flags & ts.SymbolFlags.Value) {
      declared[exported.name] = s.flags & ts.SymbolFlags.Function ? "function" : "object";
    }
  }
  const names = Object.keys(declared).sort();
  const runtime = Object.keys(mod).sort();
  if (JSON.stringify(names) !== JSON.stringify(runtime)) {
    fail(name + ": run-time exports differ from the declared values", runtime, names);
  }
  for (const n of names) {
    const kind = typeof mod[n] === "function" ? "function" : "object";
    if (n in mod && kind !== declared[n]) {
      fail(name + "." + n + ": declared a " + declared[n], kind, declared[n]);
    }
  }
  if (JSON.stringify(names) !== JSON.stringify(plan.exports)) {
    fail(name + ": declared values differ from the plan's", names, plan.exports);
  }
}

const undefinedMarker = { $undefined: true };
for (const check of plan.checks) {
  const what = check.entry + "." + check.path.join(".") + (check.args ? "(" + JSON.stringify(check.args).slice(1, -1) + ")" : "");
  let value = modules[check.entry];
  try {
    for (const key of check.path) {
      value = value[key];
    }
    if (check.args) {
      value = value(...check.args);
    }
  } catch (err) {
    fail(what, "threw " + err, check.want);
    continue;
  }
  const got = JSON.stringify(value === undefined ? undefinedMarker : value);
  if (got !== JSON.stringify(check.want)) {
    fail(what, value === undefined ? undefinedMarker : value, check.want);
  }
}

console.log(JSON.stringify({ checks: plan.checks.length, failures: failures.slice(0, 40), more: Math.max(0, failures.length - 40) }));
process.exitCode = failures.length > 0 ? 1 : 0;
