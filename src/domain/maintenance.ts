import type { PricingRecords } from "../store/types.js";

/** The whole-bot maintenance switch: while on, nothing can be bought; the team keeps working. */
export interface Maintenance {
  isOn(): Promise<boolean>;
  set(on: boolean): Promise<void>;
}

export function createMaintenance(flags: Pick<PricingRecords, "flag" | "setFlag">): Maintenance {
  return {
    isOn: () => flags.flag("maintenance"),
    set: (on) => flags.setFlag("maintenance", on),
  };
}
