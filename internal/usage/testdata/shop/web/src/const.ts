// The const entry, under a renamed import, read both ways.
import { ErrorCode as Codes } from "@shop/codes/const";

export const retryable: readonly number[] = [Codes["PaymentDeclined"], Codes.CartTooLarge];
