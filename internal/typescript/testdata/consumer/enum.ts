// What a frontend developer writes against the enum entry of the package
// generated from testdata/catalog.yaml. The test compiles it with every
// pinned tsc under the strictest settings, runs the JavaScript with Node
// and compares what it prints.
import {
  ErrorCode,
  HTTPCode,
  ResponseCode,
  defaultLanguage,
  errorCodeDocsUrl,
  errorCodeMessages,
  errorCodeRetryable,
  errorCodeStatus,
  errorCodes,
  errorCodesByWire,
  formatErrorCode,
  httpCodeStatus,
  isErrorCode,
  isResponseCode,
  languages,
  parseProblem,
  responseCodeMessages,
} from "@example/codes";
import type { ErrorCodeParams, Language, Problem } from "@example/codes";

// An exhaustive switch: adding a code to codes.yaml breaks this build
// until the new code is handled.
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
    case ErrorCode.FileSizeLimitExceeded:
      return "shrink it";
    case ErrorCode.QuotaExceeded:
      return "upgrade";
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

function clientMessage(code: HTTPCode, language: Language): string {
  if (httpCodeStatus[code] === 0) {
    return "offline: " + code;
  }
  return language + ": " + code;
}

// A translation of our own must cover every code.
const french: Record<ErrorCode, string> = {
  [ErrorCode.BindingError]: "Paramètre invalide",
  [ErrorCode.InternalServerError]: "Erreur du serveur",
  [ErrorCode.InternalServerError1004]: "Erreur du serveur",
  [ErrorCode.InternalServerError1005]: "Erreur du serveur",
  [ErrorCode.Unauthorized]: "Réservé au propriétaire",
  [ErrorCode.UserInternalServerError]: "Erreur du serveur",
  [ErrorCode.MsgSizeLimitExceeded]: "Message trop long",
  [ErrorCode.FileSizeLimitExceeded]: "Fichier trop gros",
  [ErrorCode.QuotaExceeded]: "Quota dépassé",
};

// Typed params, as a caller would keep them.
const sizeParams: ErrorCodeParams[ErrorCode.FileSizeLimitExceeded] = { maxSize: "15MB" };

// What a fetch wrapper does with an error body.
function describe(body: unknown, language: Language): string {
  const problem: Problem | undefined = parseProblem(body);
  if (problem === undefined) {
    return "not a problem";
  }
  if (isErrorCode(problem.code)) {
    return reaction(problem.code) + " / " + formatErrorCode(problem.code, language) + " / " + problem.detail;
  }
  if (isResponseCode(problem.code)) {
    return responseCodeMessages[language][problem.code];
  }
  return problem.title;
}

const problemBody: unknown = JSON.parse(
  '{"type":"https://docs.example.com/codes/en/error/6001","title":"Maximum file upload size exceeded (15MB)",' +
    '"status":413,"detail":"photo.png is 20MB","instance":"/uploads/7","code":6001,"name":"FileSizeLimitExceeded","extra":1}',
);

const messages: string[] = [];
for (const language of languages) {
  messages.push(errorCodeMessages[language][ErrorCode.BindingError]);
}

console.log(
  JSON.stringify({
    reactions: errorCodes.map(reaction),
    messages,
    french: french[ErrorCode.QuotaExceeded],
    en: errorCodeMessages.en[ErrorCode.FileSizeLimitExceeded],
    ko: errorCodeMessages.ko[ErrorCode.FileSizeLimitExceeded],
    fill: formatErrorCode(ErrorCode.FileSizeLimitExceeded, sizeParams, "ko"),
    fillDefault: formatErrorCode(ErrorCode.MsgSizeLimitExceeded, { limit: 4096, unit: "bytes" }),
    fillBraces: formatErrorCode(ErrorCode.QuotaExceeded, { used: 3, quota: 10 }, "en"),
    plain: formatErrorCode(ErrorCode.BindingError, "ko"),
    plainDefault: formatErrorCode(ErrorCode.BindingError),
    guard: [isErrorCode(1003), isErrorCode(1007), isErrorCode("1003"), isErrorCode(null), isErrorCode(1003.5)],
    wire: errorCodesByWire("InternalServerError"),
    unknownWire: errorCodesByWire("constructor"),
    status: errorCodeStatus[ErrorCode.QuotaExceeded],
    retryable: errorCodeRetryable[ErrorCode.InternalServerError1005],
    docs: errorCodeDocsUrl(ErrorCode.FileSizeLimitExceeded, "ko"),
    docsDefault: errorCodeDocsUrl(ErrorCode.FileSizeLimitExceeded),
    client: clientMessage(HTTPCode.Timeout, defaultLanguage),
    server: clientMessage(HTTPCode.NotFound, "ko"),
    reverse: HTTPCode[HTTPCode.Timeout],
    response: ResponseCode.RoomNotFound,
    problem: parseProblem(problemBody),
    described: describe(problemBody, "ko"),
    notProblem: describe({ title: "x", status: 413 }, "en"),
  }),
);
