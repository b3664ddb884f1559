# --- the operator group's forum topics (SPEC §5), named in the operator's default language ---
topic-orders = Orders
topic-deposits = Deposits
topic-resellers = Resellers
topic-providers = Providers
topic-support = Support
topic-reports = Reports
