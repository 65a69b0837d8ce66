// Mistakes the generated types must reject. Each marked line must fail
// with the named error, and nothing else may fail.
import { ErrorCode, formatErrorCode, errorCodeMessages } from "@example/codes";

export function reaction(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BindingError:
    case ErrorCode.InternalServerError:
    case ErrorCode.InternalServerError1004:
    case ErrorCode.InternalServerError1005:
    case ErrorCode.UserInternalServerError:
    case ErrorCode.Unauthorized:
    case ErrorCode.MsgSizeLimitExceeded:
    case ErrorCode.FileSizeLimitExceeded:
      return "handled";
    // ErrorCode.QuotaExceeded is missing.
    default: {
      const unreachable: never = code; // expect TS2322 never
      return unreachable;
    }
  }
}

export const noParams = formatErrorCode(ErrorCode.FileSizeLimitExceeded); // expect TS2554
export const wrongParam = formatErrorCode(ErrorCode.FileSizeLimitExceeded, { maxsize: "15MB" }); // expect TS2561 maxsize
export const wrongType = formatErrorCode(ErrorCode.MsgSizeLimitExceeded, { limit: "4096", unit: "bytes" }); // expect TS2322 number
export const extraParams = formatErrorCode(ErrorCode.BindingError, { maxSize: "15MB" }); // expect TS2345 Language
export const badLanguage = formatErrorCode(ErrorCode.BindingError, "fr"); // expect TS2345 "fr"
export const noFrench = errorCodeMessages.fr; // expect TS2339 fr

export const partial: Record<ErrorCode, string> = { // expect TS2740
  [ErrorCode.BindingError]: "only one",
};
