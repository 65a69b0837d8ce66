// A CommonJS project as `npm init -y` leaves it (no "type": "module"),
// with `module: nodenext`: the import compiles to require(), which loads
// the ES module package on Node 20.19+ and 22.12+.
import { HTTPCode, httpCodeMessages, isErrorCode } from "@example/codes";
import { HTTPCode as Const } from "@example/codes/const";

const code: HTTPCode = HTTPCode.Forbidden;
console.log(code, httpCodeMessages.ko[code], isErrorCode(-1), Const.Forbidden);
