# --- tiket bantuan (SPEC §5) ---
cmd-support = Minta bantuan tim
help-support = /support &lt;pertanyaan&gt;: minta bantuan tim (atau ketuk Bantuan di bawah)
btn-support = 💬 Bantuan
support-ask = Tulis pertanyaan Anda sekarang: teks, foto, atau file. Pesan itu dikirim ke tim sebagai tiket bantuan.
support-opened = 🎫 Tiket #{ $ticketId } dibuka: tim akan menjawab di sini. Apa pun yang Anda kirim berikutnya (teks, foto, file) masuk ke tiket ini sampai ditutup.
support-limit = Anda sudah punya { $max } tiket terbuka. Tambahkan ke salah satunya (balas salah satu pesannya), atau tunggu sampai tim menutup satu tiket.
support-list-title = <b>Tiket terbuka Anda</b>
support-list-line = #{ $ticketId } · dibuka { $date }
support-list-hint = Balas pesan sebuah tiket untuk menambah ke tiket itu; pesan lain masuk ke tiket terbaru.
support-none = Anda tidak punya tiket terbuka. Untuk membuka tiket, kirim /support diikuti pertanyaan Anda (atau foto atau file dengan keterangan /support).
support-unsupported = Tiket hanya bisa membawa teks, foto, dan file: kirim pesan Anda dalam salah satu bentuk itu.
support-slow-down = Terlalu banyak sekaligus: pesan terakhir Anda tidak diteruskan ke tim. Tunggu sebentar, lalu kirim sisanya.
support-closed-reseller = ✅ Tiket #{ $ticketId } telah ditutup oleh tim. Jika masih butuh bantuan, kirim /support untuk membuka tiket baru.
support-card =
    🎫 <b>Tiket #{ $ticketId }</b> · { $date }
    Dari <b>{ $name }</b> { $username } · id <code>{ $userId }</code>
    Status: { $status } · Saldo: { $balance }
    Balas pesan mana pun dari tiket ini untuk menjawab reseller.
support-card-closed = ✅ Ditutup oleh { $by } · { $date }
btn-support-close = ✅ Tutup tiket
support-closed-done = Tiket #{ $ticketId } ditutup.
support-already-closed = Tiket #{ $ticketId } sudah ditutup sebelumnya.
support-reply-closed = Tiket #{ $ticketId } sudah ditutup: balasan Anda tidak dikirim ke reseller.
support-reply-failed = Balasan Anda untuk tiket #{ $ticketId } tidak dapat dikirim: reseller mungkin telah memblokir bot.
support-answered = 💬 { $by } menjawab tiket #{ $ticketId }: { $preview }
