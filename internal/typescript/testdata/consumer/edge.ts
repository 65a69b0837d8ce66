// A consumer of the edge fixture (const form only, three languages): the
// package's escaped text and Object.prototype-named wire names must
// compile and behave.
import { AppError, Status, appErrorsByWire, formatAppError, languages, statusWire } from "edge-codes";

function label(status: Status): string {
  switch (status) {
    case Status.Aborted:
    case Status.BadRequest:
    case Status.Conflict:
    case Status.ServerError:
      return statusWire[status];
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

console.log(
  JSON.stringify({
    languages,
    labels: [Status.Aborted, Status.Conflict].map(label),
    braces: formatAppError(AppError.Braces, { n: 3, name: "x" }, "en"),
    bracesDefault: formatAppError(AppError.Braces, { n: 1, name: "y" }),
    missing: formatAppError(AppError.Braces, {} as { n: number; name: string }, "pt-BR"),
    quotes: formatAppError(AppError.Quotes, "en"),
    toString: appErrorsByWire("toString"),
    proto: appErrorsByWire("__proto__"),
  }),
);
