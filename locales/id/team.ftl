# --- tim operator (SPEC §5) ---
cmd-role = Peran tim (pemilik)
admin-usage-role = Cara pakai: /role &lt;pengguna&gt; admin|finance|support|none (tanpa argumen: daftar tim)
team-role-owner = pemilik
team-role-admin = admin
team-role-finance = keuangan
team-role-support = dukungan
team-role-none = tanpa peran
team-refused = { $what } memerlukan peran { $role } atau lebih tinggi. Tidak ada yang diubah.
team-role-unknown = “{ $role }” bukan peran. Peran: admin, finance, support, none.
team-owner-fixed = { $name } ({ $userId }) adalah pemilik: pemilik hanya ditetapkan lewat ADMIN_IDS, dan perannya tidak dapat diubah di chat.
team-title = <b>Tim</b>
team-member = { $name } (<code>{ $userId }</code>): { $role }
team-role-set = { $name } ({ $userId }) sekarang berperan: { $role }.
registration-decided = ☑️ Sekarang { $status }: diputuskan oleh { $by }.
registration-decided-earlier = ☑️ Sudah { $status }.
