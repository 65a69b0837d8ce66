// A re-export under another name.
export { ResponseCode as Outcome } from "@shop/codes";
