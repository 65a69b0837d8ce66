// The enum entry, under a renamed import.
import { ErrorCode as E, HTTPCode } from "@shop/codes";

export function describe(code: number): string {
  switch (code) {
    case E.OrderNotFound:
      return "We cannot find that order.";
    case E.CouponExpired:
      return "Your coupon has expired.";
    case HTTPCode.Timeout:
      return "The shop did not answer in time.";
    default:
      return "Something went wrong.";
  }
}

// A local named like a code is not a use of the code.
const StockUnavailable = "sold out";
export const soldOut = StockUnavailable;
