// The same frontend code against the erasable const entry: compiled with
// erasableSyntaxOnly, where an enum of its own would not compile.
import {
  ErrorCode,
  errorCodeMessages,
  errorCodes,
  formatErrorCode,
  isErrorCode,
  parseProblem,
} from "@example/codes/const";
import type { Language } from "@example/codes/const";

function reaction(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BindingError:
      return "fix the form";
    case ErrorCode.InternalServerError:
    case ErrorCode.InternalServerError1004:
    case ErrorCode.InternalServerError1005:
    case ErrorCode.UserInternalServerError:
      return "retry later";
    case ErrorCode.Unauthorized:
      return "ask the owner";
    case ErrorCode.MsgSizeLimitExceeded:
    case 6001: // a plain number is a member of the union
      return "shrink it";
    case ErrorCode.QuotaExceeded:
      return "upgrade";
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

const language: Language = "ko";
const body: unknown = { type: 42, title: "Bad", status: 400, code: 1000, name: "BindingError", detail: null };
const problem = parseProblem(body);
const code: unknown = problem?.code;

console.log(
  JSON.stringify({
    reactions: errorCodes.map(reaction),
    ko: errorCodeMessages[language][ErrorCode.FileSizeLimitExceeded],
    fill: formatErrorCode(6001, { maxSize: "1GB" }),
    guard: isErrorCode(code) ? formatErrorCode(code, language) : "unknown",
    problem,
  }),
);
