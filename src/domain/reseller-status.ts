/** Where a reseller stands with the operators: waiting for approval, approved, turned down, or banned. */
export type UserStatus = "pending" | "active" | "rejected" | "banned";
