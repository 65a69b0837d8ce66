import { Outcome } from "./outcome.js";

export const placed = (code: number): boolean => code === Outcome.OrderPlaced;
