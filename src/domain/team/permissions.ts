/**
 * The team's permission table (SPEC §5), the one declaration every admin command and every admin
 * button is checked against, in a DM or in the operator group. Owners come from ADMIN_IDS only;
 * the other roles are given in chat with /role.
 */
export const ROLES = ["owner", "admin", "finance", "support"] as const;
export type Role = (typeof ROLES)[number];
/** The roles /role can give (owner is set only by the environment; none removes a role). */
export const GRANTABLE_ROLES = ["admin", "finance", "support"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** The table's rows: who may do each kind of thing. */
const WHO_MAY = {
  team: ["owner"],
  configure: ["owner", "admin"],
  money: ["owner", "admin", "finance"],
  accounts: ["owner", "admin", "support"],
  read: ["owner", "admin", "finance", "support"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof WHO_MAY;

/** Every admin command and the row it belongs to. A command missing here cannot be registered. */
export const COMMAND_PERMISSIONS = {
  role: "team",
  maintenance: "configure",
  markup: "configure",
  price: "configure",
  tier: "configure",
  sync: "configure",
  broadcast: "configure",
  link: "configure",
  payee: "configure",
  promo: "configure",
  tiers: "configure",
  credit: "money",
  debit: "money",
  refund: "money",
  stats: "money",
  report: "money",
  approve: "accounts",
  ban: "accounts",
  unban: "accounts",
  admin: "read",
  user: "read",
  order: "read",
  audit: "read",
  providers: "read",
} as const satisfies Record<string, Permission>;
export type AdminCommand = keyof typeof COMMAND_PERMISSIONS;

/**
 * Admin sub-commands of a command that is also a reseller's (SPEC §7: /referral shows a reseller
 * their link; /referral percent|months configures). The bare command is nobody's permission (the
 * gate lets it through to the reseller's handler); each sub-command has its row.
 */
export const SUBCOMMAND_PERMISSIONS = {
  referral: { percent: "configure", months: "configure" },
} as const satisfies Record<string, Record<string, Permission>>;
export const ADMIN_COMMANDS = Object.keys(COMMAND_PERMISSIONS) as AdminCommand[];

/** Every admin button (its callback data family) and its row. */
export const BUTTON_PERMISSIONS = {
  registration: "accounts",
  // Closing a support ticket: answering tickets is every role's (SPEC §5).
  ticket: "read",
  /** Approve, Reject (and its reasons), Change amount on a transfer deposit's review card. */
  transfer: "money",
} as const satisfies Record<string, Permission>;
export type AdminButton = keyof typeof BUTTON_PERMISSIONS;

export function may(role: Role | undefined, what: Permission): boolean {
  return role !== undefined && (WHO_MAY[what] as readonly Role[]).includes(role);
}

/** The least role a permission needs, for the refusal line ("needs admin"). */
export function neededRole(what: Permission): Role {
  const roles = WHO_MAY[what] as readonly Role[];
  return [...ROLES].reverse().find((r) => roles.includes(r)) ?? "owner";
}

/** The roles of a permission row (the README's table and the refusal audit name them). */
export const rolesFor = (what: Permission): readonly Role[] => WHO_MAY[what];

/** The admin commands a role's menu shows. */
export const commandsFor = (role: Role): AdminCommand[] => ADMIN_COMMANDS.filter((c) => may(role, COMMAND_PERMISSIONS[c]));
