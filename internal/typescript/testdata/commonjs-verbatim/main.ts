// The same CommonJS project under verbatimModuleSyntax (what `tsc --init`
// turns on), where an ES import in a CommonJS file is an error: the
// package is loaded with `import … = require()`.
import codes = require("@example/codes");
import type { HTTPCode } from "@example/codes";

const code: HTTPCode = codes.HTTPCode.Forbidden;
console.log(code, codes.httpCodeMessages.ko[code], codes.isErrorCode(-1), codes.HTTPCode.Forbidden);
