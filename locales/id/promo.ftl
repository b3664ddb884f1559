# --- kode promo (SPEC §7) ---
cmd-promo = Kode promo (admin)
admin-usage-promo = Cara pakai: /promo add &lt;KODE&gt; &lt;n%|jumlah MATA_UANG&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=jumlah] [product=&lt;id&gt;] · /promo list · /promo off &lt;KODE&gt; · /promo &lt;KODE&gt;
admin-help-promo = /promo add &lt;KODE&gt; &lt;n%|jumlah MATA_UANG&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=jumlah] [product=&lt;id&gt;], /promo list, /promo off &lt;KODE&gt;, /promo &lt;KODE&gt;: kode promo
promo-bad-code = “{ $code }” bukan kode promo: gunakan 2–32 huruf, angka, - atau _ (bukan add, list atau off).
promo-bad-percent = “{ $value }” bukan potongan yang sah: tulis persen dari 0,01% sampai 100%, misalnya 10% atau 12,5%.
promo-bad-option = Saya tidak mengerti “{ $option }”. Pilihan: uses=N, per=N, until=YYYY-MM-DD, min=jumlah, product=&lt;id&gt;.
promo-min-currency = “{ $option }”: minimum kode persen harus menyebut mata uangnya, misalnya min=50000IDR; minimum kode nominal memakai mata uang kode itu sendiri.
promo-exists = Kode <code>{ $code }</code> sudah ada. Matikan dengan /promo off { $code } lalu pilih nama lain.
promo-added = ✅ Kode promo <code>{ $code }</code> ditambahkan.
promo-turned-off = Kode promo <code>{ $code }</code> dimatikan: tidak berlaku lagi untuk pesanan baru.
promo-not-found = Tidak ada kode promo <code>{ $code }</code>. Lihat /promo list.
promo-none = Belum ada kode promo. Tambahkan: /promo add HEMAT10 10% uses=100 per=1
promo-title = <b>Kode promo</b>
promo-state-on = 🟢
promo-state-off = ⚪️ mati
promo-money = { $amount }
promo-uses = terpakai { $used } dari { $max }
promo-per = { $per } per reseller
promo-until = sampai { $day }
promo-min = mulai { $amount }
promo-product = hanya { $product }
promo-given = Potongan yang diberikan: { $amounts }
promo-given-none = Belum ada potongan yang diberikan.
btn-promo = 🎟 Kode promo
promo-ask = 🎟 Ketik kode promo Anda:
promo-card-line = 🎟 Kode <code>{ $code }</code>: { $full } → Anda hemat <b>{ $saving }</b>
promo-card-clamped = (Potongannya lebih kecil di sini: harga tidak boleh di bawah biaya kami.)
promo-refused-at-confirm = ❌ Tidak ada yang ditagih: { $reason } Buka produknya lagi untuk membeli dengan harga penuh.
promo-no-unknown = Kode promo itu tidak ada.
promo-no-off = Kode promo ini sudah dimatikan.
promo-no-expired = Kode promo ini sudah kedaluwarsa.
promo-no-used_up = Kuota kode promo ini sudah habis.
promo-no-per_reseller = Anda sudah memakai kode promo ini sebanyak yang diizinkan.
promo-no-min = Pesanan ini di bawah minimum kode promo.
promo-no-product = Kode promo ini bukan untuk produk ini.
promo-no-currency = Kode promo ini bukan untuk pesanan dalam mata uang ini.
promo-no-no_saving = Kode promo ini tidak memberi potongan untuk produk ini.
promo-bulk-line = 🎟 Kode <code>{ $code }</code> di setiap baris: { $full } → Anda hemat <b>{ $saving }</b> per baris, selama kuota kode masih ada
promo-stats-discounts = Potongan promo: { $total } (sudah dikurangkan dari penjualan dan laba di atas)
