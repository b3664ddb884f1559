## General

sandbox-banner = 🧪 <b>SANDBOX</b>: provider uji coba, tanpa uang atau pesanan sungguhan.
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
blocked-maintenance = 🛠 Bot sedang dalam pemeliharaan. Pembelian dihentikan sementara; silakan coba lagi nanti.
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
admin-provider-auth = 🔑 Provider { $provider } menolak kredensial kami ({ $code }). Pesanan ke provider ini akan di-refund sampai masalahnya diperbaiki.
admin-webhook-unknown-order = ❓ { $provider } mengirim “{ $event }” untuk pesanan yang tidak kami kenal: <code>{ $providerOrderId }</code>.
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
cmd-broadcast = Kirim pesan ke semua reseller
cmd-stats = Angka bisnis
cmd-providers = Kesehatan provider
cmd-sync = Perbarui katalog sekarang
cmd-maintenance = Mode pemeliharaan aktif/nonaktif
cmd-audit = Tindakan admin terakhir
