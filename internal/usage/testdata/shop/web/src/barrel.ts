// A barrel that re-exports the whole const entry.
export * from "@shop/codes/const";
