// Through the barrel, under a namespace import, and by destructuring.
import * as shop from "./barrel.js";

const { OrderQueued: queued } = shop.ResponseCode;

export const pending = (code: number): boolean => code === queued;
