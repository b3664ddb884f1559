# --- referral dan tingkat volume (SPEC §7) ---
cmd-referral = Tautan referral dan komisi Anda
cmd-tiers = Tingkat volume dan pengaturan referral (admin)
help-referral = /referral: tautan Anda untuk mengundang reseller lain, dan komisi yang Anda dapat dari pesanan mereka
admin-help-growth =
    /referral percent &lt;n&gt;, /referral months &lt;n&gt;: komisi referral (persen dari margin; 0 = mati) dan berapa bulan setelah bergabung
    /tiers: pengaturan · /tiers auto &lt;tingkat&gt;=&lt;jumlah&gt; … &lt;mata uang&gt; (atau /tiers auto off &lt;mata uang&gt;): naik tingkat menurut penjualan 30 hari
admin-usage-referral = Cara pakai: /referral percent &lt;n&gt; (0 sampai 100, mis. 2.5; 0 = mati) · /referral months &lt;n&gt; (1 sampai 120)
admin-usage-tiers = Cara pakai: /tiers · /tiers auto reseller=5000000 vip=20000000 IDR · /tiers auto off IDR
referral-card =
    🤝 <b>Undang reseller</b>
    Tautan Anda: { $link }
    Bergabung lewat tautan ini: { $joined }
    Didapat bulan ini: { $month }
    Didapat seluruhnya: { $all }
referral-amount = { $amount }
referral-nothing = belum ada
referral-earned = 🤝 Anda mendapat komisi referral { $amount } dari pesanan <code>{ $orderId }</code> milik reseller yang Anda undang.
referral-admin-off = Komisi referral mati (akan dibayar selama { $months } bulan setelah bergabung).
referral-admin-on = Komisi referral: { $percent } % dari margin setiap pesanan yang selesai, selama { $months } bulan setelah bergabung.
tiers-title = <b>Tingkat volume</b> (penjualan selesai 30 hari terakhir)
tiers-none = Tidak ada tingkat otomatis: setiap tingkat diatur manual dengan /tier.
tiers-part = { $tier } mulai { $amount }
tiers-line = { $currency }: { $parts }
tiers-bad-currency = Saya tidak mengenal mata uang “{ $token }”.
tiers-bad-tier = “{ $token }” bukan tingkat yang bisa dicapai lewat penjualan. Tingkat: { $tiers }.
tiers-bad-amount = “{ $token }” bukan jumlah uang.
tiers-bad-order = Tingkat yang lebih tinggi perlu jumlah yang lebih besar.
tier-promoted = 🎉 Selamat! Penjualan Anda 30 hari terakhir membuat Anda naik ke tingkat <b>{ $tier }</b>. Harga baru berlaku sejak Anda membuka katalog berikutnya.
tier-progress = 📈 { $amount } lagi dalam 30 hari untuk { $tier }
admin-user-referral-shortfall = ⚠️ Komisi referral yang tidak bisa ditarik kembali setelah refund (saldonya kurang): { $amount }
growth-report-profit = Laba (penjualan − biaya provider − komisi referral { $commissions }): { $profit }
growth-chart-profit = Laba 30 hari (penjualan − biaya provider − komisi referral): { $profit }
