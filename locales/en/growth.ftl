# --- referrals and volume tiers (SPEC §7) ---
cmd-referral = Your referral link and commission
cmd-tiers = Volume tiers and referral settings (admin)
help-referral = /referral: your link to invite other resellers, and the commission you earn on their orders
admin-help-growth =
    /referral percent &lt;n&gt;, /referral months &lt;n&gt;: the referral commission (percent of the margin; 0 = off) and for how many months after joining
    /tiers: the settings · /tiers auto &lt;tier&gt;=&lt;amount&gt; … &lt;currency&gt; (or /tiers auto off &lt;currency&gt;): promote by 30-day sales
admin-usage-referral = Usage: /referral percent &lt;n&gt; (0 to 100, e.g. 2.5; 0 = off) · /referral months &lt;n&gt; (1 to 120)
admin-usage-tiers = Usage: /tiers · /tiers auto reseller=5000000 vip=20000000 IDR · /tiers auto off IDR
referral-card =
    🤝 <b>Invite resellers</b>
    Your link: { $link }
    Joined with it: { $joined }
    Earned this month: { $month }
    Earned in all: { $all }
referral-amount = { $amount }
referral-nothing = nothing yet
referral-earned = 🤝 You earned a referral commission of { $amount } on order <code>{ $orderId }</code> of a reseller you invited.
referral-admin-off = Referral commission is off (it would be paid for { $months } months after joining).
referral-admin-on = Referral commission: { $percent } % of the margin of each completed order, for { $months } months after joining.
tiers-title = <b>Volume tiers</b> (completed sales of the last 30 days)
tiers-none = No automatic tiers: every tier is set by hand with /tier.
tiers-part = { $tier } from { $amount }
tiers-line = { $currency }: { $parts }
tiers-bad-currency = I don't know the currency “{ $token }”.
tiers-bad-tier = “{ $token }” is not a tier that can be reached by sales. Tiers: { $tiers }.
tiers-bad-amount = “{ $token }” is not an amount.
tiers-bad-order = A higher tier needs a higher amount.
tier-promoted = 🎉 Congratulations! Your sales of the last 30 days moved you up to the <b>{ $tier }</b> tier. Your new prices apply from your next catalogue view.
tier-progress = 📈 { $amount } more in 30 days for { $tier }
admin-user-referral-shortfall = ⚠️ Referral commission not taken back after a refund (their balance was too low): { $amount }
growth-report-profit = Profit (sales − provider cost − referral commissions { $commissions }): { $profit }
growth-chart-profit = Profit in 30 days (sales − provider cost − referral commissions): { $profit }
