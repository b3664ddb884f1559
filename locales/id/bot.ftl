## General

sandbox-banner = 🧪 <b>SANDBOX</b>: provider uji coba, tanpa uang atau pesanan sungguhan.
error-records-unavailable = Catatan kami sedang tidak dapat dijangkau, jadi tidak ada yang diproses dan tidak ada saldo yang dipotong. Silakan coba lagi dalam satu menit.
error-generic = Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.
flood-warning = Anda mengirim pesan terlalu cepat. Mohon pelan-pelan.
unknown-command = Saya tidak mengenal perintah itu. Kirim /help untuk melihat apa saja yang bisa saya lakukan.
unhandled-message = Kirim /help untuk melihat apa saja yang bisa saya lakukan.
callback-stale = Tombol ini sudah kedaluwarsa. Silakan mulai lagi.
cancel-done = Dibatalkan. Kirim /help untuk melihat apa saja yang bisa saya lakukan.
cancel-nothing = Tidak ada yang perlu dibatalkan.
flow-text-expected = Silakan jawab dengan pesan teks, atau kirim /cancel untuk berhenti.
btn-cancel = ✖️ Batal
btn-back = ⬅️ Kembali
btn-prev = ◀️
btn-next = ▶️
btn-skip = Lewati ⏭

## Start and registration

start-welcome = Selamat datang, <b>{ $name }</b>! Di sini Anda bisa membeli top up game dan langganan untuk pelanggan Anda, lalu membayarnya dari saldo dompet Anda.
start-welcome-back = Selamat datang kembali, <b>{ $name }</b>!
start-pending = Akun reseller Anda sedang menunggu persetujuan. Kami akan mengabari Anda begitu admin menyetujuinya.
start-rejected = Pendaftaran reseller Anda tidak disetujui. Hubungi operator jika menurut Anda ini sebuah kekeliruan.
start-banned = Akun Anda ditangguhkan. Hubungi operator.
start-admin = Anda adalah <b>admin</b>. Kirim /admin untuk melihat perintah admin.
start-next = Kirim /products untuk melihat katalog, /topup untuk top up game, /balance untuk dompet Anda.

help-reseller =
    <b>Perintah</b>
    /products: lihat katalog dan beli
    /topup: top up game (ID pemain dan zona)
    /status &lt;id pesanan&gt;: cek pesanan
    /balance: dompet Anda dan transaksi terakhir
    /orders: pesanan dan mutasi Anda
    /language: ganti bahasa
    /cancel: keluar dari langkah saat ini
    /help: daftar ini
help-pending = Akun Anda sedang menunggu persetujuan. Sampai saat itu, Anda hanya bisa memakai /language dan /help.
help-admin-hint = Perintah admin: /admin

language-name = Bahasa Indonesia
language-choose = Pilih bahasa Anda:
language-set = Bahasa diatur ke Bahasa Indonesia.

## Blocks

blocked-pending = Akun Anda sedang menunggu persetujuan, jadi Anda belum bisa membeli.
blocked-banned = Akun Anda ditangguhkan, jadi Anda tidak bisa membeli.
blocked-rejected = Pendaftaran reseller Anda tidak disetujui, jadi Anda tidak bisa membeli.
blocked-paused = Produk ini sedang dijeda dan tidak bisa dibeli saat ini.
blocked-provider-off = Provider produk ini sedang tidak tersedia.

## Catalogue

catalog-empty = Katalog sedang kosong. Silakan coba lagi nanti.
catalog-categories = <b>Katalog</b>: pilih kategori.
catalog-topup-categories = <b>Top up game</b>: pilih game.
catalog-products = <b>{ $category }</b> (halaman { $page }/{ $pages }): pilih produk.
catalog-item = { $name } · { $price }
catalog-item-out = { $name } · stok habis
catalog-product =
    <b>{ $name }</b>
    Kategori: { $category }
    Harga: <b>{ $price }</b>
catalog-product-note = Catatan: { $note }
catalog-product-out = ❌ Stok habis
catalog-product-paused = ⏸ Dijeda
catalog-gone = Produk ini sudah tidak ada di katalog.
btn-buy = 🛒 Beli

## Purchase flow

ask-player-id = Kirim <b>ID pemain</b> untuk { $product }.
bad-player-id = ID pemain itu sepertinya tidak benar: gunakan 3 sampai 24 huruf atau angka.
ask-zone = Kirim <b>zona</b> (server) pemain ini, atau ketuk Lewati jika game-nya tidak memakai zona.
ask-zone-required = Kirim <b>zona</b> (server) pemain ini.
bad-zone = Zona itu sepertinya tidak benar: gunakan 1 sampai 12 karakter berupa huruf, angka, _ atau -.
ask-email = Kirim <b>e-mail pelanggan</b> untuk { $product }.
bad-email = Alamat e-mail itu sepertinya tidak benar. Silakan kirim ulang.
ask-quantity = Berapa banyak? Ketuk angka atau kirim angkanya (1–{ $max }).
bad-quantity = Silakan kirim bilangan bulat dari 1 sampai { $max }.

confirm-title = <b>Konfirmasi pesanan Anda</b>
confirm-product = Produk: { $product }
confirm-player = ID pemain: <code>{ $player }</code>
confirm-zone = Zona: <code>{ $zone }</code>
confirm-email = E-mail pelanggan: { $email }
confirm-quantity = Jumlah: { $quantity }
confirm-price = Harga: <b>{ $price }</b>
confirm-balance = Saldo Anda: { $balance } → sesudahnya: { $after }
confirm-short = ⚠️ Saldo Anda tidak cukup untuk pesanan ini. Minta admin untuk mengisi saldo dompet Anda.
btn-confirm = ✅ Konfirmasi dan bayar

order-placing = ⏳ Pesanan Anda sedang diproses…
order-accepted = 🛒 Pesanan <code>{ $orderId }</code> diterima: { $product }, { $amount } diambil dari dompet Anda. Pesanan sedang dikirim ke penyedia; kami akan mengabari hasilnya.
order-queued = ⏳ Pesanan <code>{ $orderId }</code> diterima: { $product }, { $amount } diambil dari dompet Anda. Penyedia sedang sibuk, jadi pesanan Anda mengantre dan diproses secepatnya; kami akan mengabari hasilnya.
order-processing = ✅ Pesanan <code>{ $orderId }</code> sudah dibuat: { $product }. Kami akan mengabari Anda setelah pesanan selesai.
order-done = ✅ Pesanan <code>{ $orderId }</code> selesai: { $product }.
order-refused = ❌ Pesanan <code>{ $orderId }</code> ditolak oleh provider: { $reason } Dana { $amount } Anda sudah dikembalikan.
order-unknown = ⚠️ Pesanan <code>{ $orderId }</code>: provider tidak merespons tepat waktu. Pembayaran Anda ditahan, tidak hilang: kami sedang mengecek ke provider dan akan mengabari Anda hasilnya.
order-insufficient = ❌ Saldo tidak cukup: harganya { $price } dan saldo Anda { $balance }. Minta admin untuk mengisi saldo dompet Anda.
order-existing = Pesanan ini sudah dibuat sebelumnya: <code>{ $orderId }</code> ({ $state }).
order-dropped = Pesanan dibatalkan. Tidak ada biaya yang dipotong.
draft-expired = Konfirmasi ini sudah kedaluwarsa. Silakan ulangi pesanan dari awal.

reason-insufficient_balance = stok item ini di provider sedang habis untuk sementara.
reason-product_unavailable = produk sedang tidak tersedia.
reason-product_not_found = produk sudah tidak ada.
reason-request_expired = permintaan sudah kedaluwarsa.
reason-invalid_request = detail pesanan tidak diterima.
reason-rate_limited = provider sedang sibuk.
reason-unreachable = provider tidak dapat dihubungi selama 10 menit.
reason-price_changed = harga dari penyedia berubah sejak pesanan Anda dihitung. Silakan pesan lagi untuk melihat harga baru.
reason-other = provider tidak dapat memprosesnya.

## Order states

state-pending = menunggu
state-processing = diproses
state-completed = selesai
state-failed = gagal
state-refunded = dana dikembalikan
state-unknown = sedang dicek
state-shipped = terkirim
state-cancelled = dibatalkan
state-delivery_failed = pengiriman gagal

## Status

status-usage = Kirim /status diikuti id pesanan, contohnya: /status R7KQ2M9XD4T
status-not-found = Saya tidak menemukan pesanan dengan id itu di antara pesanan Anda.
status-card =
    <b>Pesanan</b> <code>{ $orderId }</code>
    Produk: { $product }
    Status: <b>{ $state }</b>
    Harga: { $price }
    Dibuat: { $date }
status-provider-id = Ref. provider: <code>{ $providerOrderId }</code>
status-player = Pemain: <code>{ $player }</code>
status-zone = Zona: <code>{ $zone }</code>
status-nickname = Nickname: { $nickname }
status-email = E-mail pelanggan: { $email }
status-tracking = Resi: <code>{ $tracking }</code> ({ $shippingStatus })
status-note = Catatan: { $note }
status-live-failed = (Provider tidak dapat dihubungi untuk status terkini; yang ditampilkan adalah data yang kami punya.)

## Wallet and history

balance-title = <b>Dompet Anda</b>
balance-empty = Dompet Anda kosong. Minta admin untuk mengisinya.
balance-line = { $amount }
ledger-title = <b>Transaksi terakhir</b>
ledger-none = Belum ada transaksi.
ledger-line = { $date } · { $amount } · { $type }{ $order }
ledger-type-credit = isi saldo
ledger-type-debit = pembelian
ledger-type-refund = pengembalian dana
ledger-type-adjustment = penyesuaian

orders-empty = Anda belum punya pesanan. Kirim /products untuk membeli.
orders-title = <b>Pesanan Anda</b> (halaman { $page }/{ $pages })
orders-line = { $product } · { $price } · { $state }
btn-csv = 📄 Mutasi (CSV)
csv-caption = Mutasi Anda: semua transaksi dompet.
csv-caption-newest = Mutasi Anda: { $count } transaksi dompet terbaru. Transaksi lama tetap tersimpan; mintalah kepada admin.
csv-header = date,type,amount,currency,balance_after,order,reason

## Notifications

order-completed = ✅ Pesanan <code>{ $orderId }</code> selesai: { $product } untuk pemain <code>{ $player }</code> ({ $nickname }).
order-refunded = ↩️ Pesanan <code>{ $orderId }</code> ({ $product }) gagal di provider dan { $amount } sudah dikembalikan ke dompet Anda. Catatan provider: { $reason }
order-shipped = 📦 Pesanan <code>{ $orderId }</code> ({ $product }) sudah dikirim ke { $email }. Resi: <code>{ $tracking }</code> · { $shippingStatus }
order-cancelled = ↩️ Pesanan <code>{ $orderId }</code> ({ $product }) dibatalkan oleh provider; { $amount } sudah dikembalikan ke dompet Anda.
order-delivery-failed = ⚠️ Pengiriman pesanan <code>{ $orderId }</code> ({ $product }) gagal. Tim kami sudah diberi tahu dan akan menindaklanjutinya.
broadcast-message = 📢 { $text }
wallet-credited = 💰 Dompet Anda bertambah { $amount }. Saldo baru: { $balance }.{ $note }
wallet-debited = 💸 Dompet Anda dipotong { $amount }. Saldo baru: { $balance }.{ $note }
wallet-note = {" "}Catatan: { $note }
registration-approved = 🎉 Akun reseller Anda sudah disetujui. Kirim /products untuk mulai.
registration-rejected = Pendaftaran reseller Anda tidak disetujui.
account-banned = Akun Anda telah ditangguhkan.
account-unbanned = Akun Anda sudah aktif kembali.

## Admin alerts

admin-new-registration = 🆕 Reseller baru menunggu persetujuan: { $name } ({ $username }, id <code>{ $userId }</code>).
admin-order-unknown = ⚠️ Hasil pesanan <code>{ $orderId }</code> di { $provider } belum diketahui ({ $reason }). Dana ditahan; rekonsiliasi sedang berjalan. Cek dengan /order { $orderId }.
admin-cost-above = 💸 Pesanan <code>{ $orderId }</code> ({ $product }) di { $provider }: penyedia menagih { $charged }, lebih dari biaya { $cost } yang menjadi dasar harga jual. Biaya sebenarnya dicatat untuk margin; periksa harga dengan /price.
admin-late-answer = ⚠️ { $provider } menerima pesanan <code>{ $orderId }</code> setelah pesanan itu berstatus { $state } di sini. Penyedia mungkin tetap mengirimkannya: selesaikan dengan /order { $orderId }.
admin-refunded-delivered = ⚠️ { $provider } mengirimkan pesanan <code>{ $orderId }</code>, yang sudah di-refund di sini saat masih terbuka ({ $amount } dikembalikan ke reseller). Operator menanggung biayanya: selesaikan dengan reseller; lihat /order { $orderId }.
admin-reconcile-gave-up = 🔎 Pesanan <code>{ $orderId }</code> di { $provider } masih belum diketahui setelah { $attempts } kali rekonsiliasi. Dana tetap ditahan; pengecekan berlanjut setiap hari. Selesaikan dengan /order { $orderId } atau /refund { $orderId }.
admin-provider-auth = 🔑 Provider { $provider } menolak kredensial kami ({ $code }). Pesanan ke provider ini akan di-refund sampai masalahnya diperbaiki.
admin-webhook-unknown-order = ❓ { $provider } mengirim “{ $event }” untuk pesanan yang tidak kami kenal: <code>{ $providerOrderId }</code>. Jika itu pesanan kita yang jawabannya hilang, tautkan: /link &lt;id pesanan&gt; { $providerOrderId }
admin-delivery-failed = ⚠️ Pengiriman gagal untuk pesanan <code>{ $orderId }</code> ({ $product }) di { $provider }.
admin-broadcast-done = 📢 Broadcast selesai: { $delivered } terkirim, { $blocked } memblokir bot, { $failed } gagal (dari { $total }).
btn-approve = ✅ Setujui
btn-reject = ❌ Tolak

## Command menu

cmd-products = Lihat katalog dan beli
cmd-topup = Top up game
cmd-status = Cek pesanan
cmd-balance = Dompet dan transaksi terakhir
cmd-orders = Pesanan dan mutasi Anda
cmd-language = Ganti bahasa
cmd-cancel = Keluar dari langkah saat ini
cmd-help = Apa yang bisa saya lakukan
cmd-start = Mulai
cmd-admin = Perintah admin
cmd-approve = Setujui reseller
cmd-ban = Tangguhkan pengguna
cmd-unban = Aktifkan kembali pengguna
cmd-user = Profil pengguna
cmd-credit = Tambah saldo dompet
cmd-debit = Potong saldo dompet
cmd-tier = Atur tier reseller
cmd-markup = Atur markup tier
cmd-price = Kunci atau lepas harga produk
cmd-order = Semua detail pesanan
cmd-refund = Refund pesanan
cmd-link = Tautkan id pesanan penyedia ke pesanan
cmd-broadcast = Kirim pesan ke semua reseller
cmd-stats = Angka bisnis
cmd-providers = Kesehatan provider
cmd-sync = Perbarui katalog sekarang
cmd-maintenance = Mode pemeliharaan aktif/nonaktif
cmd-audit = Tindakan admin terakhir

## Reconciliation

admin-reconcile-manual = 🔎 Pesanan <code>{ $orderId }</code> di { $provider } masih belum jelas dan { $provider } tidak bisa ditanya dengan referensi kita. Pesanan terbarunya yang tidak cocok dengan pesanan kita: { $candidates }. Periksa di panel provider, lalu selesaikan dengan /order { $orderId } atau /refund { $orderId }.

## Admin console

admin-help =
    <b>Perintah admin</b>
    &lt;user&gt; adalah id Telegram atau @username yang pernah dilihat bot.
    /approve &lt;user&gt;: setujui reseller yang menunggu
    /ban &lt;user&gt;, /unban &lt;user&gt;: tangguhkan atau aktifkan kembali pengguna
    /user &lt;user&gt;: profil, tier, dompet, dan pesanan terakhir
    /credit &lt;user&gt; &lt;jumlah&gt; &lt;mata uang&gt; [catatan]: tambah saldo dompet
    /debit &lt;user&gt; &lt;jumlah&gt; &lt;mata uang&gt; [catatan]: potong saldo dompet
    /tier &lt;user&gt; &lt;member|reseller|vip&gt;: atur tier reseller
    /markup &lt;tier&gt; &lt;persen&gt;: atur markup tier di atas harga modal
    /price &lt;id produk&gt; &lt;jumlah|auto&gt;: kunci harga, atau kembali ke modal plus markup
    /sync: perbarui katalog sekarang
    /order &lt;id pesanan&gt;: semua detail pesanan, termasuk modal dan margin
    /refund &lt;id pesanan&gt;: refund pesanan (sekali saja)
    /link &lt;id pesanan&gt; &lt;id pesanan penyedia&gt;: tautkan pesanan yang jawaban penyedianya hilang (menerapkan webhook yang disimpan)
    /broadcast &lt;teks&gt;: kirim pesan ke semua reseller aktif (atau balas sebuah pesan dengan /broadcast); /broadcast saja menampilkan progresnya
    /stats: reseller, penjualan dan margin, pesanan terbuka
    /report: laporan harian kemarin (penjualan, refund, deposit, provider)
    /providers: kesehatan provider dan saldo kami
    /maintenance [&lt;provider&gt; | &lt;provider:produk&gt;] on|off [catatan]: pemeliharaan seluruh bot, satu provider atau satu produk; tanpa argumen: apa yang sedang dalam pemeliharaan
    /audit [n]: n tindakan admin terakhir
    /role [&lt;user&gt; admin|finance|support|none]: tim dan perannya (khusus pemilik)

admin-usage-approve = Cara pakai: /approve &lt;id pengguna atau @username&gt;
admin-usage-ban = Cara pakai: /ban &lt;id pengguna atau @username&gt;
admin-usage-unban = Cara pakai: /unban &lt;id pengguna atau @username&gt;
admin-usage-user = Cara pakai: /user &lt;id pengguna atau @username&gt;
admin-usage-credit = Cara pakai: /credit &lt;user&gt; &lt;jumlah&gt; &lt;mata uang&gt; [catatan], contoh /credit 123456 50000 IDR top-up pertama
admin-usage-debit = Cara pakai: /debit &lt;user&gt; &lt;jumlah&gt; &lt;mata uang&gt; [catatan], contoh /debit @budi 10000 IDR koreksi
admin-usage-tier = Cara pakai: /tier &lt;user&gt; &lt;member|reseller|vip&gt;
admin-usage-markup = Cara pakai: /markup &lt;member|reseller|vip&gt; &lt;persen&gt;, contoh /markup vip 2.5
admin-usage-price = Cara pakai: /price &lt;id produk&gt; &lt;jumlah|auto&gt;, contoh /price 1 21000 atau /price gametopup:1 auto
admin-usage-order = Cara pakai: /order &lt;id pesanan&gt; (id kami, atau id transaksi dari provider)
admin-usage-refund = Cara pakai: /refund &lt;id pesanan&gt;
admin-usage-link = Cara pakai: /link &lt;id pesanan&gt; &lt;id pesanan penyedia&gt;
admin-usage-broadcast = Cara pakai: /broadcast &lt;teks&gt;, atau balas pesan yang ingin dikirim dengan /broadcast. Belum ada broadcast yang dikirim.
admin-usage-audit = Cara pakai: /audit [n], n dari 1 sampai 50 (bawaan 10)
admin-no-arguments = /{ $command } tidak memakai argumen.

admin-bad-currency = Mata uang “{ $currency }” tidak dikenal. Yang dikenal: { $known }.
admin-bad-amount = “{ $amount }” bukan jumlah { $currency } yang valid: tulis angka positif seperti biasa (50000 atau 50.000; sen hanya untuk mata uang yang memakainya).
admin-amount-too-large = Jumlah itu melebihi batas satu langkah admin (maksimal { $max }). Periksa jumlah angka nolnya.
admin-note-too-long = Catatan terlalu panjang: maksimal { $max } karakter.
admin-bad-tier = Tidak ada tier “{ $tier }”. Tier yang ada: { $tiers }.
admin-bad-percent = “{ $percent }” bukan markup yang valid: gunakan persen dari 0 sampai 1000 dengan paling banyak dua angka desimal.
admin-bad-audit-count = Minta 1 sampai { $max } entri.
admin-user-not-found = Saya tidak mengenal pengguna “{ $ref }”. Gunakan id Telegram-nya, atau @username orang yang pernah mengobrol dengan bot.
admin-busy = Admin lain sedang mengubah pengguna ini. Silakan coba lagi sebentar lagi.

admin-status-pending = menunggu persetujuan
admin-status-active = aktif
admin-status-rejected = ditolak
admin-status-banned = ditangguhkan
admin-approved = ✅ { $name } (<code>{ $userId }</code>) disetujui dan sudah diberi tahu.
admin-rejected = ❌ { $name } (<code>{ $userId }</code>) ditolak dan sudah diberi tahu.
admin-banned = ⛔ { $name } (<code>{ $userId }</code>) ditangguhkan dan sudah diberi tahu.
admin-unbanned = ✅ { $name } (<code>{ $userId }</code>) aktif kembali dan sudah diberi tahu.
admin-status-unchanged = Tidak ada yang berubah: status { $name } (<code>{ $userId }</code>) adalah { $status }.
admin-ban-admin = Admin tidak bisa ditangguhkan lewat chat: hapus dari ADMIN_IDS.

admin-user-card =
    <b>{ $name }</b> { $username } · id <code>{ $userId }</code>
    Status: { $status } · Tier: { $tier } · Bahasa: { $locale }
    Sejak: { $date }
admin-user-is-admin = 👑 Admin
admin-user-blocked = ⚠️ Memblokir bot (sejak { $date }).
admin-user-wallets = <b>Dompet</b>
admin-user-no-wallet = Belum punya dompet.
admin-user-orders = <b>Pesanan terakhir</b> (total { $count })
admin-user-no-orders = Belum ada pesanan.
admin-user-order-line = <code>{ $orderId }</code> · { $product } · { $price } · { $state }

admin-credited = 💰 { $amount } ditambahkan ke { $name } (<code>{ $userId }</code>). Saldo: { $balance }.
admin-debited = 💸 { $amount } dipotong dari { $name } (<code>{ $userId }</code>). Saldo: { $balance }.
admin-wallet-duplicate = Perintah ini sudah dijalankan ({ $date }); tidak ada yang berubah.
admin-debit-insufficient = ❌ Ditolak: saldo { $name } (<code>{ $userId }</code>) { $balance }, kurang dari { $amount }. Saldo dompet tidak pernah di bawah nol.

admin-tier-set = { $name } (<code>{ $userId }</code>) sekarang di tier { $tier } (sebelumnya { $before }). Harganya berubah mulai tampilan katalog berikutnya.
admin-tier-unchanged = { $name } (<code>{ $userId }</code>) sudah di tier { $tier }.
admin-markup-set = Markup tier { $tier } sekarang { $percent } % (sebelumnya { $before } %). Berlaku mulai tampilan katalog berikutnya.
admin-product-not-found = Tidak ada produk “{ $ref }” di katalog. Gunakan id produk dari provider, atau provider:id.
admin-product-ambiguous = Beberapa provider punya produk “{ $ref }”: { $keys }. Kirim ulang dalam bentuk provider:id.
admin-price-below-cost = ❌ Ditolak: { $price } di bawah harga modal { $product } saat ini ({ $cost }). Kami tidak pernah menjual rugi.
admin-price-set = { $product } (<code>{ $key }</code>) sekarang dijual { $price } (modal hari ini { $cost }). Berlaku mulai tampilan katalog berikutnya.
admin-price-auto = { $product } (<code>{ $key }</code>) kembali dijual dengan harga modal plus markup tier (modal hari ini { $cost }).
admin-price-unpaused = Produk ini sebelumnya dijeda; sekarang dijual lagi.
admin-sync-title = 🔄 <b>Katalog diperbarui</b>
admin-sync-none = Tidak ada provider aktif yang punya katalog.
admin-sync-ok = { $provider }: { $count } produk
admin-sync-failed = { $provider }: gagal ({ $error })
admin-sync-paused = ⏸ Dijeda: { $keys }
admin-price-paused-alert = ⏸ { $product } (<code>{ $key }</code>) dijeda: harga modal dari provider { $cost } melebihi harga tetapnya { $price }. Atur harga baru dengan /price { $key } &lt;jumlah&gt; atau /price { $key } auto.
admin-price-resumed-alert = ▶️ { $product } (<code>{ $key }</code>) dijual lagi: harga modal dari provider { $cost } tidak lagi melebihi harganya.

admin-order-not-found = Tidak ada pesanan “{ $ref }”.
admin-order-owner = Reseller: { $name } (<code>{ $userId }</code>)
admin-order-provider = Provider: { $provider } · produk <code>{ $sku }</code> · jumlah { $quantity }
admin-order-money = Modal: { $cost } · Margin: { $margin }
admin-order-failure = Kegagalan: <code>{ $failure }</code>
admin-order-refunded = Di-refund: { $date }
admin-order-live = Status terkini di provider: <b>{ $state }</b>
admin-order-live-note = Catatan provider: { $note }
admin-order-live-failed = Status terkini dari provider tidak tersedia ({ $error }).
admin-order-live-none = Tidak ada status terkini: provider ini tidak punya endpoint status, atau pesanan tidak pernah sampai ke provider.
admin-order-history = <b>Riwayat</b>
admin-order-event = { $date } · { $state }
admin-order-event-note = { $date } · { $state } · { $note }
admin-refund-done = ↩️ Pesanan <code>{ $orderId }</code> di-refund: { $amount } kembali ke { $name } (<code>{ $userId }</code>), yang sudah diberi tahu.
admin-refund-already = Ditolak: pesanan <code>{ $orderId }</code> sudah di-refund ({ $date }). Satu pesanan hanya di-refund sekali.
admin-refund-not-charged = Ditolak: pesanan <code>{ $orderId }</code> tidak pernah ditagih, jadi tidak ada yang perlu di-refund.

admin-broadcast-queued = 📢 Broadcast <code>{ $id }</code> masuk antrean untuk { $total } penerima. Pesan dikirim sesuai batas kecepatan Telegram; saya akan melapor setelah selesai. Kirim /broadcast saja untuk melihat progresnya.
admin-broadcast-empty = Tidak ada reseller aktif untuk dikirimi.
admin-broadcast-progress = 📢 Broadcast <code>{ $id }</code>: { $delivered } terkirim, { $blocked } memblokir bot, { $failed } gagal, { $waiting } menunggu (dari { $total }).
admin-broadcast-duplicate = Broadcast ini sudah masuk antrean.
admin-broadcast-too-long = Pesan terlalu panjang untuk Telegram: maksimal { $max } karakter.

admin-stats-title = 📊 <b>Statistik</b>
admin-stats-resellers = Reseller: { $active } aktif, { $pending } menunggu, { $banned } ditangguhkan, { $rejected } ditolak.
admin-stats-window-today = <b>Hari ini (UTC)</b>
admin-stats-window-7d = <b>7 hari terakhir</b>
admin-stats-window-30d = <b>30 hari terakhir</b>
admin-stats-no-sales = Belum ada penjualan.
admin-stats-row = { $provider } · pesanan: { $orders } · pendapatan: { $revenue } · margin: { $margin }
admin-stats-open = Pesanan terbuka: { $pending } menunggu, { $unknown } hasilnya belum diketahui.
admin-stats-unknown-ids = Hasil belum diketahui: { $ids }

admin-providers-title = 🔌 <b>Provider</b>
admin-providers-none = Tidak ada provider yang aktif.
admin-provider-idle = ⚪ <b>{ $provider }</b>: belum ada panggilan
admin-provider-ok = ✅ <b>{ $provider }</b>: panggilan terakhir berhasil ({ $endpoint }, { $latency } ms, { $at })
admin-provider-failing = ⚠️ <b>{ $provider }</b>: panggilan terakhir gagal, { $outcome } <code>{ $code }</code> ({ $endpoint }, { $latency } ms, { $at })
admin-provider-counts = { $calls } panggilan sejak bot berjalan, { $failures } gagal
admin-provider-balance = Saldo kami: <b>{ $balance }</b>
admin-provider-balance-failed = Saldo kami tidak tersedia ({ $error }).


admin-audit-title = 🧾 <b>{ $count } tindakan admin terakhir</b>
admin-audit-empty = Belum ada tindakan admin yang tercatat.
admin-audit-line = { $date } · admin <code>{ $actor }</code> · <b>{ $action }</b> · { $target }
admin-audit-change = { $before } → { $after }
admin-audit-note = Catatan: { $note }
admin-refund-confirm-open = ⚠️ Pesanan <code>{ $orderId }</code> masih { $state } di { $provider }: penyedia mungkin tetap mengirimkannya. Jika Anda me-refund { $amount } sekarang dan pesanan itu terkirim, operator yang menanggung biayanya. Bot tetap menanyakan ke { $provider } dan memberi tahu Anda jika terkirim. Tetap refund?
admin-refund-button-confirm = ↩️ Tetap refund
admin-refund-button-keep = Biarkan pesanan
admin-refund-kept = Pesanan <code>{ $orderId }</code> dibiarkan: tidak ada yang di-refund.
admin-link-done = 🔗 Pesanan <code>{ $orderId }</code> ditautkan ke pesanan { $provider } <code>{ $providerOrderId }</code>: { $applied } kejadian webhook yang disimpan diterapkan; sekarang { $state }.
admin-link-already = Pesanan <code>{ $orderId }</code> sudah ditautkan ke <code>{ $providerOrderId }</code>.
admin-link-has-other = Ditolak: pesanan <code>{ $orderId }</code> sudah punya pesanan { $provider } <code>{ $current }</code>.
admin-link-taken = Ditolak: pesanan { $provider } <code>{ $providerOrderId }</code> milik pesanan <code>{ $other }</code>.

# --- xen ---
cmd-license = Cek kunci lisensi
licence-usage = Kirim /license diikuti kunci lisensi, contohnya: <code>/license XS-ABC-DEF-GHI</code>
licence-off = Pengecekan lisensi tidak tersedia: provider lisensi tidak diaktifkan.
licence-malformed = Itu tidak terlihat seperti kunci lisensi. Kunci terdiri dari kelompok huruf dan angka yang dihubungkan tanda hubung, contohnya <code>XS-ABC-DEF-GHI</code>.
licence-unavailable = Provider lisensi sedang tidak menjawab. Silakan coba lagi beberapa menit lagi.
licence-rate-limited = Provider lisensi sedang menerima terlalu banyak pengecekan. Silakan coba lagi dalam { $seconds } detik.
licence-not-found = ❓ Tidak ada lisensi dengan kunci <code>{ $key }</code>.
licence-title = 🔑 Lisensi <code>{ $key }</code>
licence-state-valid = ✅ Berlaku
licence-state-revoked = ⛔ Dicabut
licence-state-expired = ⌛ Kedaluwarsa
licence-state-invalid = ⚠️ Tidak berlaku (provider tidak menyebutkan alasannya)
licence-domain = Domain: { $domain }
licence-domain-none = Domain: belum terikat ke forum mana pun
licence-expires = Tanggal kedaluwarsa: { $date }
licence-expires-never = Tanggal kedaluwarsa: tidak ada
licence-extension = Ekstensi: { $name } { $version }
licence-extension-none = Ekstensi: tidak disebutkan
xen-admin-license-activated = 🔑 xen: lisensi <code>{ $key }</code> diaktifkan di { $domain } · { $extension }
xen-admin-license-revoked = ⛔ xen: lisensi <code>{ $key }</code> dicabut · domain { $domain } · { $extension }
xen-admin-license-domain-changed = 🔁 xen: lisensi <code>{ $key }</code> dipindahkan ke domain { $domain } · { $extension }
xen-admin-order-paid = 💶 xen: pesanan <code>{ $orderId }</code> dibayar · { $amount } · { $extension } · lisensi <code>{ $key }</code> · { $email }
xen-admin-order-refunded = ↩️ xen: pesanan <code>{ $orderId }</code> dikembalikan dananya · { $amount } · { $extension } · lisensi <code>{ $key }</code> · { $email }
xen-admin-subscription-created = 🔄 xen: langganan dibuat · pesanan <code>{ $orderId }</code> · { $extension } · lisensi <code>{ $key }</code> · { $email }
xen-admin-subscription-canceled = ✖️ xen: langganan dibatalkan · pesanan <code>{ $orderId }</code> · { $extension } · lisensi <code>{ $key }</code> · { $email }
xen-reseller-license-activated = 🔑 Lisensi <code>{ $key }</code> ({ $extension }) sekarang aktif di { $domain }.
xen-reseller-license-revoked = ⛔ Lisensi <code>{ $key }</code> ({ $extension }) telah dicabut: lisensi ini tidak lagi berfungsi di { $domain }.
xen-reseller-license-domain-changed = 🔁 Lisensi <code>{ $key }</code> ({ $extension }) sekarang terikat ke domain { $domain }.
xen-reseller-order-paid = 💶 Pesanan untuk lisensi <code>{ $key }</code> ({ $extension }) telah dibayar.
xen-reseller-order-refunded = ↩️ Dana pesanan untuk lisensi <code>{ $key }</code> ({ $extension }) telah dikembalikan.
xen-reseller-subscription-created = 🔄 Langganan untuk lisensi <code>{ $key }</code> ({ $extension }) telah dimulai.
xen-reseller-subscription-canceled = ✖️ Langganan untuk lisensi <code>{ $key }</code> ({ $extension }) telah dibatalkan.
admin-provider-licence-account = Akun: <b>{ $name }</b> ({ $email })
admin-provider-licence-orders = Pesanan terbaru:
admin-provider-licence-order = #{ $id } · { $status } · { $amount } · { $extension } · { $date }
admin-provider-licence-no-orders = Belum ada pesanan.
admin-provider-licence-failed = Akun tidak tersedia ({ $error }).
# --- vifox ---
cmd-points = Poin loyalitas Anda
points-off = Poin loyalitas sedang tidak tersedia.
points-ask-email-first = 🎁 Setiap pesanan yang selesai memberi Anda <b>poin loyalitas</b> di vifox. Kirim <b>alamat e-mail Anda sendiri</b> untuk mengumpulkannya.
points-ask-new-email = E-mail Anda untuk poin loyalitas adalah <b>{ $email }</b>. Kirim alamat yang baru.
points-bad-email = Itu sepertinya bukan alamat e-mail. Kirim alamat seperti <code>nama@contoh.com</code>, atau /cancel.
points-email-saved = ✅ Tersimpan: <b>{ $email }</b>. Kami sedang mendaftarkannya di vifox dan akan mengabari Anda setelah selesai.
points-email-unchanged = <b>{ $email }</b> sudah menjadi e-mail Anda untuk poin loyalitas.
points-registered = ✅ <b>{ $email }</b> sudah terdaftar untuk poin loyalitas. Kirim /points untuk melihatnya.
points-email-refused = ⚠️ vifox tidak menerima e-mail <b>{ $email }</b>. Silakan atur e-mail lain untuk mengumpulkan poin Anda.
points-ask-email = 🎁 Pesanan Anda mendapat poin loyalitas! Atur alamat e-mail Anda untuk mengumpulkannya.
points-btn-set-email = ✉️ Atur e-mail saya
points-btn-change-email = ✉️ Ganti e-mail
points-registering = ⏳ E-mail Anda <b>{ $email }</b> sedang didaftarkan untuk poin loyalitas. Silakan cek lagi sebentar lagi.
points-unreachable = vifox sedang tidak dapat dihubungi, jadi poin Anda belum bisa ditampilkan (e-mail: { $email }). Silakan coba lagi nanti.
points-title = 🎁 <b>Poin loyalitas</b>: { $points }
points-email-line = E-mail: { $email }
points-pending-line = Menunggu ditambahkan: { $points } poin dari { $count } pesanan.
points-history-title = <b>Riwayat terbaru</b>
points-history-none = Belum ada poin.
points-history-line = { $date } · <b>{ $points }</b> · { $what }
points-awarded = 🎁 <b>+{ $points }</b> poin loyalitas untuk pesanan <code>{ $orderId }</code>.
points-limit-reached = Pesanan <code>{ $orderId }</code> tidak mendapat poin loyalitas: akun vifox Anda sudah mencapai batas poin.
admin-points-pool-dry = ⚠️ Liquidity pool vifox tidak cukup untuk pemberian poin (pesanan <code>{ $orderId }</code>, { $points } poin). Pemberian poin menunggu dan dicoba lagi; isi ulang pool-nya. Pesan ini hanya dikirim sekali sampai ada pemberian poin yang berhasil lagi.
admin-points-auth = 🔑 vifox menolak kredensial kami (<code>{ $code }</code>). Pemberian poin menunggu dan dicoba lagi; periksa VIFOX_API_KEY, VIFOX_API_SECRET dan VIFOX_PARTNER_NAME.
admin-points-award-failed = ⚠️ Pemberian poin untuk pesanan <code>{ $orderId }</code> (pengguna <code>{ $userId }</code>) gagal dan tidak dicoba lagi: { $reason }
admin-provider-pool = Liquidity pool: <b>{ $points }</b> poin · kurs { $rate }
admin-provider-pool-failed = Liquidity pool tidak tersedia ({ $error }).
# --- xpay ---
cmd-deposit = Isi saldo dompet
deposit-title = 💳 <b>Isi saldo dompet { $currency } Anda</b> lewat xpay
deposit-limits = Pilih nominal, atau ketik nominal antara { $min } dan { $max }.
btn-deposit-other = ✏️ Ketik nominal
deposit-open-title = <b>Menunggu pembayaran</b>
deposit-open-line = • <code>{ $depositId }</code>: { $amount }, bayar sebelum { $expires }
btn-deposit-pay = 💳 Bayar sekarang
btn-deposit-cancel = ✖️ Batalkan deposit ini
btn-deposit-pay-id = 💳 Bayar { $depositId }
btn-deposit-cancel-id = ✖️ Batalkan { $depositId }
deposit-unavailable = Isi saldo dompet sedang tidak tersedia.
deposit-not-allowed = Hanya reseller yang sudah disetujui yang dapat mengisi saldo dompet.
deposit-ask-amount = Berapa yang ingin Anda depositkan? Ketik nominal bulat dalam { $currency } antara { $min } dan { $max }.
deposit-amount-format = Itu bukan nominal bulat. Ketik angka saja, misalnya 75000.
deposit-amount-low = Nominal terlalu kecil: deposit terkecil adalah { $min }.
deposit-amount-high = Nominal terlalu besar: deposit terbesar adalah { $max }.
deposit-too-many = Anda sudah punya { $max } deposit yang menunggu pembayaran. Bayar atau batalkan salah satunya dulu (/deposit).
deposit-creating = ⏳ Membuat tagihan xpay untuk { $amount } (deposit <code>{ $depositId }</code>). Tautan pembayaran segera menyusul.
deposit-bill =
    🧾 <b>Deposit { $depositId }</b>
    Bayar <b>{ $amount }</b> lewat xpay sebelum { $expires }.
    { $hasInstructions ->
        [yes] { $instructions }
       *[no] Gunakan tombol di bawah untuk membayar.
    }
deposit-delayed = ⏳ xpay belum mengonfirmasi tagihan untuk deposit <code>{ $depositId }</code> ({ $amount }). Saya akan mengirim tautan pembayaran begitu tagihan dikonfirmasi, atau memberi tahu Anda jika tagihan tidak dibuat. Belum ada yang ditagih.
deposit-paid = ✅ Deposit <code>{ $depositId }</code> sudah dibayar: { $amount } ditambahkan ke dompet Anda. Saldo: <b>{ $balance }</b>.
deposit-expired = ⌛ Tagihan untuk deposit <code>{ $depositId }</code> ({ $amount }) kedaluwarsa tanpa dibayar. Tidak ada yang ditambahkan ke dompet Anda; kirim /deposit untuk mulai lagi.
deposit-cancelled = ✖️ Deposit <code>{ $depositId }</code> ({ $amount }) dibatalkan. Tidak ada yang ditambahkan ke dompet Anda.
deposit-failed = ⚠️ xpay tidak dapat membuat tagihan untuk deposit <code>{ $depositId }</code> ({ $amount }). Tidak ada yang ditagih; silakan coba /deposit lagi nanti.
deposit-cancel-failed = ⚠️ Deposit <code>{ $depositId }</code> belum dapat dibatalkan karena xpay tidak menjawab. Silakan coba lagi beberapa menit lagi.
deposit-cancelling = Membatalkan deposit…
deposit-not-found = Deposit ini tidak ditemukan.
deposit-state-open = Deposit { $depositId } sedang menunggu pembayaran.
deposit-state-paid = Deposit { $depositId } sudah dibayar.
deposit-state-expired = Deposit { $depositId } sudah kedaluwarsa.
deposit-state-cancelled = Deposit { $depositId } sudah dibatalkan.
admin-deposit-mismatch = ⚠️ Tagihan xpay <code>{ $billId }</code> tidak cocok dengan deposit <code>{ $depositId }</code> (referensi, nominal, atau mata uang). Tidak ada yang dikreditkan; periksa di xpay.
admin-deposit-paid-closed = ⚠️ Tagihan xpay <code>{ $billId }</code> sudah dibayar, tetapi deposit <code>{ $depositId }</code> sudah ditutup tanpa kredit. Periksa di xpay, lalu kreditkan reseller secara manual (/credit).
# --- i11-reseller ---
btn-receipt = 🧾 Bukti
btn-buy-again = 🔁 Beli lagi
again-gone = Produk ini sudah tidak dijual, jadi tidak bisa dibeli lagi. Kirim /products untuk melihat yang sedang dijual.
again-out-of-stock = Stok produk ini sedang habis. Silakan coba lagi nanti.
receipt-not-ready = Bukti tersedia setelah pesanan selesai.
receipt-title = 🧾 <b>Bukti transaksi</b>
receipt-product = Produk: { $product }
receipt-player = ID pemain: <code>{ $player }</code>
receipt-zone = Zona: <code>{ $zone }</code>
receipt-nickname = Nickname: { $nickname }
receipt-email = E-mail pelanggan: { $email }
receipt-quantity = Jumlah: { $quantity }
receipt-tracking = Pelacakan: <code>{ $tracking }</code>
receipt-time = Terkirim: { $date }
receipt-order = Pesanan: <code>{ $orderId }</code>
receipt-transaction = ID transaksi: <code>{ $transactionId }</code>
saved-pick-hint = Atau ketuk pelanggan terakhir di bawah (/customers untuk mengaturnya).
cmd-customers = Pelanggan tersimpan
customers-title = <b>Pelanggan tersimpan</b>: ID pemain dan e-mail terakhir yang Anda belikan, ditawarkan sebagai tombol saat Anda membeli. Ketuk salah satu untuk menghapusnya.
customers-players = <b>ID pemain</b>
customers-emails = <b>E-mail</b>
customers-player-line = • <code>{ $player }</code> · zona { $zone } · { $nickname }
customers-email-line = • { $email }
customers-empty = Belum ada pelanggan tersimpan. ID pemain dan e-mail yang Anda belikan akan tersimpan di sini setiap kali Anda membeli.
customers-forgotten = Dihapus.
customers-forget-gone = Pelanggan itu sudah dihapus.
cmd-pricelist = Daftar harga Anda
pricelist-title = <b>Harga Anda</b> (halaman { $page }/{ $pages })
pricelist-category = <b>{ $category }</b>
pricelist-item = { $name } · { $price }
pricelist-item-out = { $name } · { $price } · stok habis
pricelist-empty = Sedang tidak ada yang dijual. Silakan coba lagi nanti.
pricelist-csv-header = kategori,produk,id_produk,harga,mata_uang,tersedia
pricelist-csv-caption = Daftar harga Anda per { $date }: harga Anda sendiri, sama dengan yang akan ditagih jika membeli sekarang.
btn-pricelist-csv = 📄 Daftar harga (CSV)
cmd-lowbalance = Peringatan saldo menipis
lowbal-alert = ⚠️ Saldo Anda menipis: { $balance }, di bawah batas peringatan { $level }. Minta admin untuk mengisi saldo dompet Anda.
lowbal-title = 🔔 <b>Peringatan saldo menipis</b>
lowbal-line = { $currency }: saat saldo turun di bawah { $level }
lowbal-none = Belum ada peringatan yang diatur.
lowbal-usage = Atur dengan /lowbalance &lt;jumlah&gt; &lt;mata uang&gt;, misalnya <code>/lowbalance 50000 IDR</code>. Hapus dengan <code>/lowbalance off</code>.
lowbal-set = 🔔 Tersimpan: Anda akan menerima satu pesan saat saldo { $currency } Anda turun di bawah { $level }.
lowbal-already-below = Saldo Anda ({ $balance }) sudah di bawah batas itu: peringatan datang setelah saldo naik kembali ke batas itu lalu turun lagi.
lowbal-cleared-one = 🔕 Peringatan saldo menipis untuk { $currency } dihapus.
lowbal-cleared-all = 🔕 Semua peringatan saldo menipis Anda dihapus.
lowbal-nothing = Tidak ada peringatan saldo menipis untuk dihapus.
lowbal-bad-currency = Saya tidak mengenal mata uang “{ $currency }”. Tulis kodenya, misalnya IDR.
lowbal-bad-amount = “{ $amount }” bukan jumlah { $currency } yang valid: tulis seperti biasa, misalnya 50000 atau 50.000.
lowbal-which-currency = Mata uang apa? Misalnya <code>/lowbalance { $amount } IDR</code>.
btn-lowbal = 🔔 Peringatan saldo menipis
btn-lowbal-clear = 🔕 Hapus peringatan { $currency }
help-reseller-tools =
    /pricelist: harga Anda, dan CSV untuk dibagikan
    /customers: ID pemain dan e-mail tersimpan
    /lowbalance: pesan saat saldo Anda menipis

# --- i11-ops ---
cmd-report = Laporan harian kemarin
ops-report =
    📋 <b>Laporan harian { $day }</b> ({ $zone })

    <b>Penjualan</b>
    { $sales }

    <b>Refund</b>: { $refunds }
    <b>Deposit masuk</b>: { $deposits }
    <b>Pesanan dengan hasil belum diketahui, masih terbuka</b>: { $unknown }

    <b>Provider</b>
    { $providers }
ops-report-sale = { $provider }: { $orders } pesanan · pendapatan { $revenue } · margin { $margin }
ops-report-no-sales = Tidak ada penjualan.
ops-report-none = tidak ada
ops-report-total = { $count }, jumlah { $sum }
ops-report-provider-ok = { $provider }: baik (panggilan terakhir { $endpoint }, { $at })
ops-report-provider-failing = { $provider }: bermasalah, { $outcome } { $code } (panggilan terakhir { $endpoint }, { $at })
ops-report-provider-idle = { $provider }: belum ada panggilan sejak bot dijalankan
ops-report-balance = saldo { $balance }
ops-report-pool = liquidity pool { $points } poin
ops-report-check-failed = pemeriksaan gagal ({ $error })
ops-balance-low = ⚠️ Saldo kami di <b>{ $provider }</b> tinggal <b>{ $value }</b>, di bawah batas peringatan { $threshold }. Pesanan ke provider ini gagal jika saldonya habis: segera isi ulang.
ops-balance-recovered = ✅ Saldo kami di <b>{ $provider }</b> kembali menjadi <b>{ $value }</b> (batas peringatan { $threshold }).
ops-pool-low = ⚠️ Liquidity pool <b>{ $provider }</b> tinggal <b>{ $value }</b> poin, di bawah batas peringatan { $threshold }. Pemberian poin menunggu jika pool habis: segera isi ulang.
ops-pool-recovered = ✅ Liquidity pool <b>{ $provider }</b> kembali menjadi <b>{ $value }</b> poin (batas peringatan { $threshold }).
admin-stats-chart = 📈 { $currency }: pendapatan per hari (atas, dalam { $currency } penuh) dan pesanan per hari (bawah), { $from } sampai { $to } ({ $zone })

# --- bulk ---
btn-bulk = 📋 Massal: banyak pemain sekaligus
bulk-ask =
    📋 <b>Top-up massal</b> { $product }: kirim hingga { $max } baris dalam satu pesan, satu pemain per baris, dengan format
    <code>playerId zone</code>, <code>playerId(zone)</code> atau <code>playerId</code>. Setiap baris menjadi pesanan tersendiri.
bulk-ask-no-zone = 📋 <b>Top-up massal</b> { $product }: kirim hingga { $max } ID pemain dalam satu pesan, satu per baris. Setiap baris menjadi pesanan tersendiri.
bulk-too-many = Itu { $count } baris; satu top-up massal paling banyak { $max } baris. Kirim lebih sedikit baris.
bulk-bad-title = ⚠️ Baris yang tidak dipakai: { $count }
bulk-bad-line = Baris { $line }: <code>{ $text }</code> — { $reason }
bulk-bad-more = …dan { $count } lainnya.
bulk-reason-format = tulis sebagai "playerId zone", "playerId(zone)" atau "playerId".
bulk-reason-player = ID pemain harus 3 sampai 24 huruf atau angka.
bulk-reason-zone = zone harus 1 sampai 12 huruf, angka, _ atau -.
bulk-reason-zone-missing = game ini memerlukan zone.
bulk-reason-zone-none = game ini tidak memakai zone.
bulk-none-valid = Tidak ada baris yang bisa dipakai. Perbaiki lalu kirim ulang barisnya.
bulk-card-title = <b>Konfirmasi top-up massal Anda</b>
bulk-card-count = Pesanan: <b>{ $count }</b> (satu per baris)
bulk-card-price = Harga: { $price } per pesanan, total <b>{ $total }</b>
bulk-card-short = ⚠️ Saldo Anda cukup untuk { $covered } dari { $count } pesanan: Konfirmasi memproses { $covered } pesanan pertama sesuai urutan baris, sisanya tidak diproses.
bulk-placing = ⏳ Memproses pesanan Anda…
bulk-already = Top-up massal ini sudah dikonfirmasi atau dibatalkan.
bulk-placed = 🛒 { $placed } dari { $count } pesanan diterima: { $product }, { $amount } diambil dari dompet Anda. Pesanan dikirim ke penyedia sekarang; satu ringkasan menyusul setelah semuanya dijawab.
bulk-queued = ⏳ Sebagian pesanan menunggu giliran di penyedia dan diproses secepatnya.
bulk-nothing-placed = ❌ Tidak ada pesanan yang diproses. Tidak ada biaya yang dipotong.
bulk-not-placed = Tidak diproses ({ $count }): { $reason }
bulk-not-placed-balance = saldo Anda habis (sekarang { $balance }).
bulk-summary =
    📦 <b>Top-up massal selesai</b>: { $product }, { $lines } baris
    ✅ Diproses: { $placed }
    ❌ Ditolak dan dikembalikan: { $refused }{ $refusedLines }
    ⚠️ Sedang dicek, pembayaran ditahan: { $unknown }{ $unknownLines }
    ⏸ Tidak diproses, tidak ditagih: { $notPlaced }{ $notPlacedLines }
