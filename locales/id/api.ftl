# --- API reseller (SPEC §8) ---
cmd-api = Kunci API untuk toko atau bot Anda
help-api = /api: kunci API untuk memesan dari toko atau bot Anda sendiri lewat HTTP
api-title = <b>API Reseller</b>
api-no-key = Belum ada kunci API. Buat satu untuk memesan dari toko atau bot Anda sendiri lewat HTTP, dengan saldo dan harga yang sama.
api-key-line = Kunci: <code>{ $hint }</code> (dibuat { $date })
api-url-line = URL callback: { $url }
api-url-none = URL callback: belum diatur
api-ips-line = IP yang diizinkan: { $ips }
api-ips-any = IP yang diizinkan: semua alamat
api-notify-on = Pesanan API di chat ini: aktif
api-notify-off = Pesanan API di chat ini: nonaktif
api-last-none = Callback terakhir: belum ada
api-last-ok = Callback terakhir: ✅ HTTP { $status }, { $date }
api-last-failed = Callback terakhir: ❌ { $why }, { $date }
api-docs = Dokumentasi API ada di <code>/api/v1/openapi.json</code> pada server bot ini.
btn-api-create = 🔑 Buat kunci
btn-api-rotate = 🔄 Ganti kunci
btn-api-revoke = 🗑 Cabut kunci
btn-api-url = 🔗 URL callback
btn-api-ips = 🌐 IP yang diizinkan
btn-api-notify-on = 🔔 Tampilkan pesanan API di sini
btn-api-notify-off = 🔕 Jangan tampilkan pesanan API di sini
btn-api-confirm-rotate = Ya, ganti
btn-api-confirm-revoke = Ya, cabut
btn-api-forget = 🗑 Hapus pesan ini
api-key-shown =
    🔑 <b>Kunci API Anda</b> (hanya ditampilkan sekarang)
    <code>{ $key }</code>

    Rahasia callback (untuk memeriksa tanda tangan callback kami):
    <code>{ $secret }</code>

    Salin keduanya sekarang, lalu hapus pesan ini. Kami hanya menyimpan hash dari kunci: tidak ada yang bisa menampilkannya lagi. Kunci baru mengakhiri kunci ini.
api-forget-failed = Telegram tidak lagi mengizinkan saya menghapus pesan itu: silakan hapus sendiri.
api-rotate-confirm = Ganti kunci? Kunci dan rahasia callback saat ini langsung berhenti berlaku.
api-revoke-confirm = Cabut kunci? Semua panggilan dengan kunci ini akan ditolak mulai sekarang.
api-revoked = Kunci dicabut: panggilan dengannya ditolak.
api-nothing-to-revoke = Tidak ada kunci untuk dicabut.
api-url-ask = Kirim URL callback seperti ini: <code>/api url https://toko-anda.example/hooks</code> (hanya https). <code>/api url off</code> menghapusnya.
api-ips-ask = Kirim alamat yang boleh memanggil dengan kunci Anda: <code>/api ips 203.0.113.7, 198.51.100.0/24, 2001:db8::/32</code>. <code>/api ips off</code> mengizinkan semua alamat.
api-url-set =
    URL callback diatur: { $url }
    Ping uji: { $ping }
api-ping-ok = ✅ dijawab HTTP { $status }
api-ping-failed = ❌ { $why }
api-url-removed = URL callback dihapus: tidak ada callback lagi.
api-url-refused-bad_url = Itu bukan URL yang bisa saya panggil.
api-url-refused-not_https = URL callback harus diawali https://.
api-url-refused-unresolvable = Nama host itu tidak ditemukan.
api-url-refused-blocked_address = Alamat itu privat atau lokal: callback hanya dikirim ke alamat publik.
api-ips-set = IP yang diizinkan: { $ips }
api-ips-cleared = Sekarang semua alamat boleh memanggil dengan kunci Anda.
api-ips-bad = “{ $entry }” bukan alamat IP atau rentang CIDR (misalnya 203.0.113.7 atau 198.51.100.0/24).
api-notify-set-on = Pesanan API akan ditampilkan juga di chat ini.
api-notify-set-off = Pesanan API tidak lagi ditampilkan di chat ini.
api-usage = Cara pakai: <code>/api</code>, <code>/api url https://…</code> atau <code>off</code>, <code>/api ips 203.0.113.7, 198.51.100.0/24</code> atau <code>off</code>
api-why-timeout = tidak ada jawaban dalam 10 detik
api-why-unreachable = tidak bisa terhubung
api-why-blocked_address = alamatnya bukan alamat publik
api-why-status = dijawab HTTP { $status }
