# --- topik forum grup operator (SPEC §5), dalam bahasa bawaan operator ---
topic-orders = Pesanan
topic-deposits = Deposit Saldo
topic-resellers = Reseller Baru
topic-providers = Penyedia
topic-support = Bantuan
topic-reports = Laporan
