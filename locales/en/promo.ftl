# --- promo codes (SPEC §7) ---
cmd-promo = Promo codes (admin)
admin-usage-promo = Usage: /promo add &lt;CODE&gt; &lt;n%|amount CUR&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=amount] [product=&lt;id&gt;] · /promo list · /promo off &lt;CODE&gt; · /promo &lt;CODE&gt;
admin-help-promo = /promo add &lt;CODE&gt; &lt;n%|amount CUR&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=amount] [product=&lt;id&gt;], /promo list, /promo off &lt;CODE&gt;, /promo &lt;CODE&gt;: promo codes
promo-bad-code = “{ $code }” is not a promo code: use 2–32 letters, digits, - or _ (not add, list or off).
promo-bad-percent = “{ $value }” is not a discount: write a percent from 0.01% to 100%, like 10% or 12.5%.
promo-bad-option = I do not understand “{ $option }”. Options: uses=N, per=N, until=YYYY-MM-DD, min=amount, product=&lt;id&gt;.
promo-min-currency = “{ $option }”: a percent code's minimum names its currency, like min=50000IDR; an amount code's minimum is in the code's own currency.
promo-exists = The code <code>{ $code }</code> exists already. Switch it off with /promo off { $code } and choose another name.
promo-added = ✅ Promo code <code>{ $code }</code> added.
promo-turned-off = Promo code <code>{ $code }</code> is off: it no longer applies to new orders.
promo-not-found = There is no promo code <code>{ $code }</code>. See /promo list.
promo-none = No promo codes yet. Add one: /promo add HEMAT10 10% uses=100 per=1
promo-title = <b>Promo codes</b>
promo-state-on = 🟢
promo-state-off = ⚪️ off
promo-money = { $amount }
promo-uses = used { $used } of { $max }
promo-per = { $per } per reseller
promo-until = until { $day }
promo-min = from { $amount }
promo-product = only { $product }
promo-given = Discount given: { $amounts }
promo-given-none = No discount given yet.
btn-promo = 🎟 Promo code
promo-ask = 🎟 Type your promo code:
promo-card-line = 🎟 Code <code>{ $code }</code>: { $full } → you save <b>{ $saving }</b>
promo-card-clamped = (The discount is smaller here: the price cannot go below our cost.)
promo-refused-at-confirm = ❌ Nothing was charged: { $reason } Open the product again to buy at the full price.
promo-no-unknown = There is no such promo code.
promo-no-off = This promo code has been switched off.
promo-no-expired = This promo code has expired.
promo-no-used_up = This promo code has been used up.
promo-no-per_reseller = You have already used this promo code as often as it allows.
promo-no-min = This order is below the promo code's minimum.
promo-no-product = This promo code is not for this product.
promo-no-currency = This promo code is not for orders in this currency.
promo-no-no_saving = This promo code gives no saving on this product.
promo-bulk-line = 🎟 Code <code>{ $code }</code> on every line: { $full } → you save <b>{ $saving }</b> each, while the code has uses left
promo-stats-discounts = Promo discounts: { $total } (already out of the sales and profit above)
