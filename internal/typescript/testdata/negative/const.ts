// The const entry rejects the same mistakes.
import { ErrorCode, formatErrorCode } from "@example/codes/const";

export function reaction(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BindingError:
    case ErrorCode.InternalServerError:
    case ErrorCode.InternalServerError1004:
    case ErrorCode.InternalServerError1005:
    case ErrorCode.UserInternalServerError:
    case ErrorCode.Unauthorized:
    case ErrorCode.MsgSizeLimitExceeded:
    case ErrorCode.QuotaExceeded:
      return "handled";
    // ErrorCode.FileSizeLimitExceeded is missing.
    default: {
      const unreachable: never = code; // expect TS2322 never
      return unreachable;
    }
  }
}

export const notACode: ErrorCode = 1007; // expect TS2322 1007
export const noParams = formatErrorCode(6001); // expect TS2554
