# --- the operator team (SPEC §5) ---
cmd-role = Team roles (owner)
admin-usage-role = Usage: /role &lt;user&gt; admin|finance|support|none (alone: the team)
team-role-owner = owner
team-role-admin = admin
team-role-finance = finance
team-role-support = support
team-role-none = no role
team-refused = { $what } needs the { $role } role or higher. Nothing was changed.
team-role-unknown = “{ $role }” is not a role. Roles: admin, finance, support, none.
team-owner-fixed = { $name } ({ $userId }) is an owner: owners are set in ADMIN_IDS only, and their role cannot be changed in chat.
team-title = <b>The team</b>
team-member = { $name } (<code>{ $userId }</code>): { $role }
team-role-set = { $name } ({ $userId }) now has: { $role }.
registration-decided = ☑️ Now { $status }: decided by { $by }.
registration-decided-earlier = ☑️ Already { $status }.
