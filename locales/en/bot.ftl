## General

sandbox-banner = 🧪 <b>SANDBOX</b>: test providers, no real money or orders.
error-records-unavailable = Our records are unreachable for a moment, so nothing was done and nothing was charged. Please try again in a minute.
error-generic = Sorry, something went wrong on our side. Please try again in a moment.
flood-warning = You are sending messages too fast. Please slow down.
unknown-command = I don't know that command. Send /help to see what I can do.
unhandled-message = Send /help to see what I can do.
callback-stale = This button has expired. Please start again.
cancel-done = Cancelled. Send /help to see what I can do.
cancel-nothing = There is nothing to cancel.
flow-text-expected = Please answer with a text message, or send /cancel to stop.
btn-cancel = ✖️ Cancel
btn-back = ⬅️ Back
btn-prev = ◀️
btn-next = ▶️
btn-skip = Skip ⏭

## Start and registration

start-welcome = Welcome, <b>{ $name }</b>! You can buy game top-ups and subscriptions for your customers and pay from your wallet here.
start-welcome-back = Welcome back, <b>{ $name }</b>!
start-pending = Your reseller account is waiting for approval. We will message you as soon as an admin approves it.
start-rejected = Your reseller application was not approved. Contact the operator if you think this is a mistake.
start-banned = Your account is suspended. Contact the operator.
start-admin = You are an <b>admin</b>. Send /admin for the admin commands.
start-next = Send /products to browse the catalogue, /topup for game top-ups, /balance for your wallet.

help-reseller =
    <b>Commands</b>
    /products: browse the catalogue and buy
    /topup: game top-up (player ID and zone)
    /status &lt;order id&gt;: check an order
    /balance: your wallet and recent entries
    /orders: your orders and statement
    /language: change the language
    /cancel: leave the current step
    /help: this list
help-pending = Your account is waiting for approval. Until then you can use /language and /help.
help-admin-hint = Admin commands: /admin

language-name = English
language-choose = Choose your language:
language-set = Language set to English.

## Blocks

blocked-pending = Your account is waiting for approval, so you cannot buy yet.
blocked-banned = Your account is suspended, so you cannot buy.
blocked-rejected = Your reseller application was not approved, so you cannot buy.
blocked-paused = This product is paused and cannot be bought right now.
blocked-provider-off = This product's provider is not available right now.

## Catalogue

catalog-empty = The catalogue is empty right now. Please try again later.
catalog-categories = <b>Catalogue</b>: choose a category.
catalog-topup-categories = <b>Game top-up</b>: choose a game.
catalog-products = <b>{ $category }</b> (page { $page }/{ $pages }): choose a product.
catalog-item = { $name } · { $price }
catalog-item-out = { $name } · out of stock
catalog-product =
    <b>{ $name }</b>
    Category: { $category }
    Price: <b>{ $price }</b>
catalog-product-note = Note: { $note }
catalog-product-out = ❌ Out of stock
catalog-product-paused = ⏸ Paused
catalog-gone = This product is no longer in the catalogue.
btn-buy = 🛒 Buy

## Purchase flow

ask-player-id = Send the <b>player ID</b> for { $product }.
bad-player-id = That player ID doesn't look right: use 3 to 24 letters or digits.
ask-zone = Send the <b>zone</b> (server) for this player, or tap Skip if the game has none.
ask-zone-required = Send the <b>zone</b> (server) for this player.
bad-zone = That zone doesn't look right: use 1 to 12 letters, digits, _ or -.
ask-email = Send the <b>customer's e-mail</b> for { $product }.
bad-email = That e-mail address doesn't look right. Please send it again.
ask-quantity = How many? Tap a number or send one (1–{ $max }).
bad-quantity = Please send a whole number from 1 to { $max }.

confirm-title = <b>Confirm your order</b>
confirm-product = Product: { $product }
confirm-player = Player ID: <code>{ $player }</code>
confirm-zone = Zone: <code>{ $zone }</code>
confirm-email = Customer e-mail: { $email }
confirm-quantity = Quantity: { $quantity }
confirm-price = Price: <b>{ $price }</b>
confirm-balance = Your balance: { $balance } → after: { $after }
confirm-short = ⚠️ Your balance is not enough for this order. Ask an admin to top up your wallet.
btn-confirm = ✅ Confirm and pay

order-placing = ⏳ Placing your order…
order-accepted = 🛒 Order <code>{ $orderId }</code> received: { $product }, { $amount } taken from your wallet. Sending it to the provider now; we'll message you with the result.
order-queued = ⏳ Order <code>{ $orderId }</code> received: { $product }, { $amount } taken from your wallet. The provider is busy right now, so your order waits in line and goes through as soon as it can; we'll message you with the result.
order-processing = ✅ Order <code>{ $orderId }</code> placed: { $product }. We'll message you when it completes.
order-done = ✅ Order <code>{ $orderId }</code> completed: { $product }.
order-refused = ❌ Order <code>{ $orderId }</code> was refused by the provider: { $reason } Your { $amount } has been refunded.
order-unknown = ⚠️ Order <code>{ $orderId }</code>: the provider did not answer in time. Your payment is held, not lost: we are checking with the provider and will message you with the result.
order-insufficient = ❌ Not enough balance: the price is { $price } and your balance is { $balance }. Ask an admin to top up your wallet.
order-existing = This order was already placed: <code>{ $orderId }</code> ({ $state }).
order-dropped = Order cancelled. Nothing was charged.
draft-expired = This confirmation has expired. Please start the order again.

reason-insufficient_balance = the provider is temporarily out of stock for this item.
reason-product_unavailable = the product is not available right now.
reason-product_not_found = the product no longer exists.
reason-request_expired = the request expired.
reason-invalid_request = the order details were not accepted.
reason-rate_limited = the provider is busy.
reason-unreachable = the provider could not be reached for 10 minutes.
reason-price_changed = the provider's price changed since your order was priced. Please order again to see the new price.
reason-other = the provider could not process it.

## Order states

state-pending = pending
state-processing = processing
state-completed = completed
state-failed = failed
state-refunded = refunded
state-unknown = being checked
state-shipped = shipped
state-cancelled = cancelled
state-delivery_failed = delivery failed

## Status

status-usage = Send /status followed by an order id, for example: /status R7KQ2M9XD4T
status-not-found = I can't find an order with that id among yours.
status-card =
    <b>Order</b> <code>{ $orderId }</code>
    Product: { $product }
    Status: <b>{ $state }</b>
    Price: { $price }
    Placed: { $date }
status-provider-id = Provider ref: <code>{ $providerOrderId }</code>
status-player = Player: <code>{ $player }</code>
status-zone = Zone: <code>{ $zone }</code>
status-nickname = Nickname: { $nickname }
status-email = Customer e-mail: { $email }
status-tracking = Tracking: <code>{ $tracking }</code> ({ $shippingStatus })
status-note = Note: { $note }
status-live-failed = (The provider could not be reached for a live status; showing what we know.)

## Wallet and history

balance-title = <b>Your wallet</b>
balance-empty = Your wallet is empty. Ask an admin to top it up.
balance-line = { $amount }
ledger-title = <b>Last entries</b>
ledger-none = No entries yet.
ledger-line = { $date } · { $amount } · { $type }{ $order }
ledger-type-credit = credit
ledger-type-debit = purchase
ledger-type-refund = refund
ledger-type-adjustment = adjustment

orders-empty = You have no orders yet. Send /products to buy.
orders-title = <b>Your orders</b> (page { $page }/{ $pages })
orders-line = { $product } · { $price } · { $state }
btn-csv = 📄 Statement (CSV)
csv-caption = Your statement: every wallet entry.
csv-caption-newest = Your statement: your newest { $count } wallet entries. Older ones are kept; ask an admin for them.
csv-header = date,type,amount,currency,balance_after,order,reason

## Notifications

order-completed = ✅ Order <code>{ $orderId }</code> completed: { $product } for player <code>{ $player }</code> ({ $nickname }).
order-refunded = ↩️ Order <code>{ $orderId }</code> ({ $product }) failed at the provider and { $amount } was refunded to your wallet. Provider note: { $reason }
order-shipped = 📦 Order <code>{ $orderId }</code> ({ $product }) shipped to { $email }. Tracking: <code>{ $tracking }</code> · { $shippingStatus }
order-cancelled = ↩️ Order <code>{ $orderId }</code> ({ $product }) was cancelled by the provider; { $amount } was refunded to your wallet.
order-delivery-failed = ⚠️ Delivery of order <code>{ $orderId }</code> ({ $product }) failed. Our team has been alerted and will follow up.
broadcast-message = 📢 { $text }
wallet-credited = 💰 Your wallet was credited { $amount }. New balance: { $balance }.{ $note }
wallet-debited = 💸 Your wallet was debited { $amount }. New balance: { $balance }.{ $note }
wallet-note = {" "}Note: { $note }
registration-approved = 🎉 Your reseller account is approved. Send /products to start.
registration-rejected = Your reseller application was not approved.
account-banned = Your account has been suspended.
account-unbanned = Your account is active again.

## Admin alerts

admin-new-registration = 🆕 New reseller waiting for approval: { $name } ({ $username }, id <code>{ $userId }</code>).
admin-order-unknown = ⚠️ Order <code>{ $orderId }</code> at { $provider } has an unknown outcome ({ $reason }). Funds are held; reconciliation is running. Check with /order { $orderId }.
admin-cost-above = 💸 Order <code>{ $orderId }</code> ({ $product }) at { $provider }: the provider charged { $charged }, more than the cost { $cost } it was sold on. The real cost is recorded for margins; check the price with /price.
admin-late-answer = ⚠️ { $provider } accepted order <code>{ $orderId }</code> after it was already { $state } here. The provider may deliver it: settle it with /order { $orderId }.
admin-refunded-delivered = ⚠️ { $provider } delivered order <code>{ $orderId }</code>, which was refunded here while open ({ $amount } back to the reseller). The operator has paid for it: settle it with the reseller; see /order { $orderId }.
admin-reconcile-gave-up = 🔎 Order <code>{ $orderId }</code> at { $provider } is still unknown after { $attempts } reconciliation attempts. Funds stay held; checking continues daily. Settle it with /order { $orderId } or /refund { $orderId }.
admin-provider-auth = 🔑 Provider { $provider } refused our credentials ({ $code }). Orders to it are refunded until this is fixed.
admin-webhook-unknown-order = ❓ { $provider } sent “{ $event }” for an order we don't know: <code>{ $providerOrderId }</code>. If it is one of ours whose answer was lost, link it: /link &lt;order id&gt; { $providerOrderId }
admin-delivery-failed = ⚠️ Delivery failed for order <code>{ $orderId }</code> ({ $product }) at { $provider }.
admin-broadcast-done = 📢 Broadcast finished: { $delivered } delivered, { $blocked } blocked the bot, { $failed } failed (of { $total }).
btn-approve = ✅ Approve
btn-reject = ❌ Reject

## Command menu

cmd-products = Browse the catalogue and buy
cmd-topup = Game top-up
cmd-status = Check an order
cmd-balance = Wallet and recent entries
cmd-orders = Your orders and statement
cmd-language = Change the language
cmd-cancel = Leave the current step
cmd-help = What I can do
cmd-start = Start
cmd-admin = Admin commands
cmd-approve = Approve a reseller
cmd-ban = Suspend a user
cmd-unban = Reactivate a user
cmd-user = A user's profile
cmd-credit = Credit a wallet
cmd-debit = Debit a wallet
cmd-tier = Set a reseller's tier
cmd-markup = Set a tier's markup
cmd-price = Fix or free a product price
cmd-order = Everything about an order
cmd-refund = Refund an order
cmd-link = Link a provider order id to an order
cmd-broadcast = Message every reseller
cmd-stats = Business figures
cmd-providers = Provider health
cmd-sync = Refresh catalogues now
cmd-maintenance = Maintenance on or off
cmd-audit = Recent admin actions

## Reconciliation

admin-reconcile-manual = 🔎 Order <code>{ $orderId }</code> at { $provider } is still unknown and { $provider } cannot be asked about it by our reference. Its recent orders that match none of ours: { $candidates }. Check them in the provider's panel, then settle with /order { $orderId } or /refund { $orderId }.

## Admin console

admin-help =
    <b>Admin commands</b>
    &lt;user&gt; is a Telegram id or an @username the bot has seen.
    /approve &lt;user&gt;: approve a waiting reseller
    /ban &lt;user&gt;, /unban &lt;user&gt;: suspend or reactivate a user
    /user &lt;user&gt;: profile, tier, wallets and last orders
    /credit &lt;user&gt; &lt;amount&gt; &lt;currency&gt; [note]: add to a wallet
    /debit &lt;user&gt; &lt;amount&gt; &lt;currency&gt; [note]: take from a wallet
    /tier &lt;user&gt; &lt;member|reseller|vip&gt;: set a reseller's tier
    /markup &lt;tier&gt; &lt;percent&gt;: set a tier's markup over cost
    /price &lt;product id&gt; &lt;amount|auto&gt;: fix a price, or back to cost plus markup
    /sync: refresh the catalogues now
    /order &lt;order id&gt;: everything about an order, cost and margin included
    /refund &lt;order id&gt;: refund an order (once)
    /link &lt;order id&gt; &lt;provider order id&gt;: link an order whose provider answer was lost (applies the webhooks kept for it)
    /broadcast &lt;text&gt;: message every active reseller (or reply /broadcast to a message); /broadcast alone shows progress
    /stats: resellers, sales and margin, open orders
    /report: yesterday's daily report (sales, refunds, deposits, providers)
    /providers: provider health and our balances
    /maintenance [&lt;provider&gt; | &lt;provider:product&gt;] on|off [note]: maintenance for the whole bot, a provider or a product; alone: what is in maintenance
    /audit [n]: the last n admin actions
    /role [&lt;user&gt; admin|finance|support|none]: the team and its roles (owners only)

admin-usage-approve = Usage: /approve &lt;user id or @username&gt;
admin-usage-ban = Usage: /ban &lt;user id or @username&gt;
admin-usage-unban = Usage: /unban &lt;user id or @username&gt;
admin-usage-user = Usage: /user &lt;user id or @username&gt;
admin-usage-credit = Usage: /credit &lt;user&gt; &lt;amount&gt; &lt;currency&gt; [note], for example /credit 123456 50000 IDR first top-up
admin-usage-debit = Usage: /debit &lt;user&gt; &lt;amount&gt; &lt;currency&gt; [note], for example /debit @budi 10000 IDR correction
admin-usage-tier = Usage: /tier &lt;user&gt; &lt;member|reseller|vip&gt;
admin-usage-markup = Usage: /markup &lt;member|reseller|vip&gt; &lt;percent&gt;, for example /markup vip 2.5
admin-usage-price = Usage: /price &lt;product id&gt; &lt;amount|auto&gt;, for example /price 1 21000 or /price gametopup:1 auto
admin-usage-order = Usage: /order &lt;order id&gt; (ours, or the provider's transaction id)
admin-usage-refund = Usage: /refund &lt;order id&gt;
admin-usage-link = Usage: /link &lt;order id&gt; &lt;provider order id&gt;
admin-usage-broadcast = Usage: /broadcast &lt;text&gt;, or reply /broadcast to the message to send. No broadcast has been sent yet.
admin-usage-audit = Usage: /audit [n], n from 1 to 50 (default 10)
admin-no-arguments = /{ $command } takes no arguments.

admin-bad-currency = I don't know the currency “{ $currency }”. Known: { $known }.
admin-bad-amount = “{ $amount }” is not a valid amount of { $currency }: use a positive number as you would write it (50000 or 50.000; cents only where the currency has them).
admin-amount-too-large = That is more than one admin step may move (at most { $max }). Check the number of zeros.
admin-note-too-long = The note is too long: at most { $max } characters.
admin-bad-tier = There is no tier “{ $tier }”. Tiers: { $tiers }.
admin-bad-percent = “{ $percent }” is not a valid markup: use a percent from 0 to 1000 with at most two decimals.
admin-bad-audit-count = Ask for 1 to { $max } entries.
admin-user-not-found = I don't know a user “{ $ref }”. Use their Telegram id, or the @username of someone who has talked to the bot.
admin-busy = Another admin is changing this user right now. Please try again in a moment.

admin-status-pending = waiting for approval
admin-status-active = active
admin-status-rejected = rejected
admin-status-banned = suspended
admin-approved = ✅ { $name } (<code>{ $userId }</code>) is approved and has been told.
admin-rejected = ❌ { $name } (<code>{ $userId }</code>) is rejected and has been told.
admin-banned = ⛔ { $name } (<code>{ $userId }</code>) is suspended and has been told.
admin-unbanned = ✅ { $name } (<code>{ $userId }</code>) is active again and has been told.
admin-status-unchanged = Nothing changed: { $name } (<code>{ $userId }</code>) is { $status }.
admin-ban-admin = Admins can't be suspended from chat: remove them from ADMIN_IDS instead.

admin-user-card =
    <b>{ $name }</b> { $username } · id <code>{ $userId }</code>
    Status: { $status } · Tier: { $tier } · Language: { $locale }
    Since: { $date }
admin-user-is-admin = 👑 Admin
admin-user-blocked = ⚠️ Has blocked the bot (since { $date }).
admin-user-wallets = <b>Wallets</b>
admin-user-no-wallet = No wallet yet.
admin-user-orders = <b>Last orders</b> ({ $count } in all)
admin-user-no-orders = No orders yet.
admin-user-order-line = <code>{ $orderId }</code> · { $product } · { $price } · { $state }

admin-credited = 💰 Credited { $amount } to { $name } (<code>{ $userId }</code>). Balance: { $balance }.
admin-debited = 💸 Debited { $amount } from { $name } (<code>{ $userId }</code>). Balance: { $balance }.
admin-wallet-duplicate = This command was already applied ({ $date }); nothing changed.
admin-debit-insufficient = ❌ Refused: { $name } (<code>{ $userId }</code>) has { $balance }, less than { $amount }. A wallet never goes below zero.

admin-tier-set = { $name } (<code>{ $userId }</code>) is now on tier { $tier } (was { $before }). Their prices change from their next catalogue view.
admin-tier-unchanged = { $name } (<code>{ $userId }</code>) is already on tier { $tier }.
admin-markup-set = Markup for tier { $tier } is now { $percent } % (was { $before } %). It applies from the next catalogue view.
admin-product-not-found = No product “{ $ref }” in the catalogue. Use the provider's product id, or provider:id.
admin-product-ambiguous = Several providers have a product “{ $ref }”: { $keys }. Send it again as provider:id.
admin-price-below-cost = ❌ Refused: { $price } is below the current cost of { $product } ({ $cost }). We never sell at a loss.
admin-price-set = { $product } (<code>{ $key }</code>) now sells at { $price } (cost today { $cost }). It applies from the next catalogue view.
admin-price-auto = { $product } (<code>{ $key }</code>) sells at cost plus the tier's markup again (cost today { $cost }).
admin-price-unpaused = It was paused; it is on sale again.
admin-sync-title = 🔄 <b>Catalogues refreshed</b>
admin-sync-none = No enabled provider has a catalogue.
admin-sync-ok = { $provider }: { $count } products
admin-sync-failed = { $provider }: failed ({ $error })
admin-sync-paused = ⏸ Paused: { $keys }
admin-price-paused-alert = ⏸ { $product } (<code>{ $key }</code>) is paused: the provider's cost { $cost } is above its fixed price { $price }. Set a new price with /price { $key } &lt;amount&gt; or /price { $key } auto.
admin-price-resumed-alert = ▶️ { $product } (<code>{ $key }</code>) is on sale again: the provider's cost { $cost } is within its price.

admin-order-not-found = No order “{ $ref }”.
admin-order-owner = Reseller: { $name } (<code>{ $userId }</code>)
admin-order-provider = Provider: { $provider } · product <code>{ $sku }</code> · quantity { $quantity }
admin-order-money = Cost: { $cost } · Margin: { $margin }
admin-order-failure = Failure: <code>{ $failure }</code>
admin-order-refunded = Refunded: { $date }
admin-order-live = Live at the provider: <b>{ $state }</b>
admin-order-live-note = Provider note: { $note }
admin-order-live-failed = The provider's live status is unavailable ({ $error }).
admin-order-live-none = No live status: this provider has no status endpoint, or the order never reached it.
admin-order-history = <b>History</b>
admin-order-event = { $date } · { $state }
admin-order-event-note = { $date } · { $state } · { $note }
admin-refund-done = ↩️ Order <code>{ $orderId }</code> refunded: { $amount } back to { $name } (<code>{ $userId }</code>), who has been told.
admin-refund-already = Refused: order <code>{ $orderId }</code> was already refunded ({ $date }). An order is refunded only once.
admin-refund-not-charged = Refused: order <code>{ $orderId }</code> was never charged, so there is nothing to refund.

admin-broadcast-queued = 📢 Broadcast <code>{ $id }</code> queued for { $total } recipients. It goes out at Telegram's pace; I'll report when it is done. Send /broadcast alone to see its progress.
admin-broadcast-empty = There is no active reseller to send to.
admin-broadcast-progress = 📢 Broadcast <code>{ $id }</code>: { $delivered } delivered, { $blocked } blocked the bot, { $failed } failed, { $waiting } waiting (of { $total }).
admin-broadcast-duplicate = This broadcast was already queued.
admin-broadcast-too-long = The message is too long for Telegram: at most { $max } characters.

admin-stats-title = 📊 <b>Stats</b>
admin-stats-resellers = Resellers: { $active } active, { $pending } waiting, { $banned } suspended, { $rejected } rejected.
admin-stats-window-today = <b>Today (UTC)</b>
admin-stats-window-7d = <b>Last 7 days</b>
admin-stats-window-30d = <b>Last 30 days</b>
admin-stats-no-sales = No sales.
admin-stats-row = { $provider } · orders: { $orders } · revenue: { $revenue } · margin: { $margin }
admin-stats-open = Open orders: { $pending } pending, { $unknown } with an unknown outcome.
admin-stats-unknown-ids = Unknown outcome: { $ids }

admin-providers-title = 🔌 <b>Providers</b>
admin-providers-none = No provider is enabled.
admin-provider-idle = ⚪ <b>{ $provider }</b>: no call yet
admin-provider-ok = ✅ <b>{ $provider }</b>: last call ok ({ $endpoint }, { $latency } ms, { $at })
admin-provider-failing = ⚠️ <b>{ $provider }</b>: last call failed, { $outcome } <code>{ $code }</code> ({ $endpoint }, { $latency } ms, { $at })
admin-provider-counts = { $calls } calls since start, { $failures } failed
admin-provider-balance = Our balance: <b>{ $balance }</b>
admin-provider-balance-failed = Our balance is unavailable ({ $error }).


admin-audit-title = 🧾 <b>Last { $count } admin actions</b>
admin-audit-empty = No admin action recorded yet.
admin-audit-line = { $date } · admin <code>{ $actor }</code> · <b>{ $action }</b> · { $target }
admin-audit-change = { $before } → { $after }
admin-audit-note = Note: { $note }
admin-refund-confirm-open = ⚠️ Order <code>{ $orderId }</code> is still { $state } at { $provider }: the provider may yet deliver it. If you refund { $amount } now and it does, the operator has paid for it. The bot keeps asking { $provider } and tells you if it delivers. Refund anyway?
admin-refund-button-confirm = ↩️ Refund anyway
admin-refund-button-keep = Keep the order
admin-refund-kept = Order <code>{ $orderId }</code> kept: nothing was refunded.
admin-link-done = 🔗 Order <code>{ $orderId }</code> is linked to { $provider } order <code>{ $providerOrderId }</code>: { $applied } kept webhook event(s) applied; now { $state }.
admin-link-already = Order <code>{ $orderId }</code> is already linked to <code>{ $providerOrderId }</code>.
admin-link-has-other = Refused: order <code>{ $orderId }</code> already has { $provider } order <code>{ $current }</code>.
admin-link-taken = Refused: { $provider } order <code>{ $providerOrderId }</code> belongs to order <code>{ $other }</code>.

# --- xen ---
cmd-license = Check a licence key
licence-usage = Send /license followed by the licence key, for example: <code>/license XS-ABC-DEF-GHI</code>
licence-off = Licence checks are not available: the licence provider is not enabled.
licence-malformed = That does not look like a licence key. A key is groups of letters and digits joined by hyphens, for example <code>XS-ABC-DEF-GHI</code>.
licence-unavailable = The licence provider is not answering right now. Please try again in a few minutes.
licence-rate-limited = The licence provider is receiving too many checks. Please try again in { $seconds } seconds.
licence-not-found = ❓ No licence with the key <code>{ $key }</code> exists.
licence-title = 🔑 Licence <code>{ $key }</code>
licence-state-valid = ✅ Valid
licence-state-revoked = ⛔ Revoked
licence-state-expired = ⌛ Expired
licence-state-invalid = ⚠️ Not valid (the provider gives no reason)
licence-domain = Domain: { $domain }
licence-domain-none = Domain: not bound to a forum yet
licence-expires = Expiry date: { $date }
licence-expires-never = Expiry date: none
licence-extension = Extension: { $name } { $version }
licence-extension-none = Extension: not given
xen-admin-license-activated = 🔑 xen: licence <code>{ $key }</code> activated on { $domain } · { $extension }
xen-admin-license-revoked = ⛔ xen: licence <code>{ $key }</code> revoked · domain { $domain } · { $extension }
xen-admin-license-domain-changed = 🔁 xen: licence <code>{ $key }</code> moved to the domain { $domain } · { $extension }
xen-admin-order-paid = 💶 xen: order <code>{ $orderId }</code> paid · { $amount } · { $extension } · licence <code>{ $key }</code> · { $email }
xen-admin-order-refunded = ↩️ xen: order <code>{ $orderId }</code> refunded · { $amount } · { $extension } · licence <code>{ $key }</code> · { $email }
xen-admin-subscription-created = 🔄 xen: subscription created · order <code>{ $orderId }</code> · { $extension } · licence <code>{ $key }</code> · { $email }
xen-admin-subscription-canceled = ✖️ xen: subscription canceled · order <code>{ $orderId }</code> · { $extension } · licence <code>{ $key }</code> · { $email }
xen-reseller-license-activated = 🔑 The licence <code>{ $key }</code> ({ $extension }) is now active on { $domain }.
xen-reseller-license-revoked = ⛔ The licence <code>{ $key }</code> ({ $extension }) has been revoked: it no longer works on { $domain }.
xen-reseller-license-domain-changed = 🔁 The licence <code>{ $key }</code> ({ $extension }) is now bound to the domain { $domain }.
xen-reseller-order-paid = 💶 An order for the licence <code>{ $key }</code> ({ $extension }) has been paid.
xen-reseller-order-refunded = ↩️ The order for the licence <code>{ $key }</code> ({ $extension }) has been refunded.
xen-reseller-subscription-created = 🔄 A subscription for the licence <code>{ $key }</code> ({ $extension }) has started.
xen-reseller-subscription-canceled = ✖️ The subscription for the licence <code>{ $key }</code> ({ $extension }) has been canceled.
admin-provider-licence-account = Account: <b>{ $name }</b> ({ $email })
admin-provider-licence-orders = Recent orders:
admin-provider-licence-order = #{ $id } · { $status } · { $amount } · { $extension } · { $date }
admin-provider-licence-no-orders = No orders yet.
admin-provider-licence-failed = The account is unavailable ({ $error }).
# --- vifox ---
cmd-points = Your loyalty points
points-off = Loyalty points are not available right now.
points-ask-email-first = 🎁 Every order you complete earns you <b>loyalty points</b> at vifox. Send me <b>your own e-mail address</b> to collect them.
points-ask-new-email = Your e-mail for loyalty points is <b>{ $email }</b>. Send the new address.
points-bad-email = That does not look like an e-mail address. Please send one like <code>name@example.com</code>, or /cancel.
points-email-saved = ✅ Saved: <b>{ $email }</b>. We are registering it with vifox and will message you when it is done.
points-email-unchanged = <b>{ $email }</b> is already your e-mail for loyalty points.
points-registered = ✅ <b>{ $email }</b> is registered for loyalty points. Send /points to see them.
points-email-refused = ⚠️ vifox did not accept the e-mail <b>{ $email }</b>. Please set another one to collect your points.
points-ask-email = 🎁 Your order earned loyalty points! Set your e-mail address to collect them.
points-btn-set-email = ✉️ Set my e-mail
points-btn-change-email = ✉️ Change e-mail
points-registering = ⏳ Your e-mail <b>{ $email }</b> is being registered for loyalty points. Please check again in a minute.
points-unreachable = vifox cannot be reached right now, so your points cannot be shown (e-mail: { $email }). Please try again later.
points-title = 🎁 <b>Loyalty points</b>: { $points }
points-email-line = E-mail: { $email }
points-pending-line = Waiting to be added: { $points } points from { $count } orders.
points-history-title = <b>Recent history</b>
points-history-none = No points yet.
points-history-line = { $date } · <b>{ $points }</b> · { $what }
points-awarded = 🎁 <b>+{ $points }</b> loyalty points for order <code>{ $orderId }</code>.
points-limit-reached = Order <code>{ $orderId }</code> earned no loyalty points: your vifox account has reached its points limit.
admin-points-pool-dry = ⚠️ The vifox liquidity pool is too low for an award (order <code>{ $orderId }</code>, { $points } points). Awards wait and are retried; top up the pool. This is said once until an award goes through again.
admin-points-auth = 🔑 vifox refuses our credentials (<code>{ $code }</code>). Points awards wait and are retried; check VIFOX_API_KEY, VIFOX_API_SECRET and VIFOX_PARTNER_NAME.
admin-points-award-failed = ⚠️ The points award of order <code>{ $orderId }</code> (user <code>{ $userId }</code>) failed and is not retried: { $reason }
admin-provider-pool = Liquidity pool: <b>{ $points }</b> points · rate { $rate }
admin-provider-pool-failed = The liquidity pool is unavailable ({ $error }).
# --- xpay ---
cmd-deposit = Top up your wallet
deposit-title = 💳 <b>Top up your { $currency } wallet</b> through xpay
deposit-limits = Choose an amount, or type one between { $min } and { $max }.
btn-deposit-other = ✏️ Type an amount
deposit-open-title = <b>Waiting for payment</b>
deposit-open-line = • <code>{ $depositId }</code>: { $amount }, pay before { $expires }
btn-deposit-pay = 💳 Pay now
btn-deposit-cancel = ✖️ Cancel this deposit
btn-deposit-pay-id = 💳 Pay { $depositId }
btn-deposit-cancel-id = ✖️ Cancel { $depositId }
deposit-unavailable = Wallet top-ups are not available right now.
deposit-not-allowed = Only approved resellers can top up their wallet.
deposit-ask-amount = How much do you want to deposit? Type a whole amount in { $currency } between { $min } and { $max }.
deposit-amount-format = That is not a whole amount. Type digits only, for example 75000.
deposit-amount-low = That is too little: the smallest deposit is { $min }.
deposit-amount-high = That is too much: the largest deposit is { $max }.
deposit-too-many = You already have { $max } deposits waiting for payment. Pay or cancel one of them first (/deposit).
deposit-creating = ⏳ Creating your xpay bill for { $amount } (deposit <code>{ $depositId }</code>). The payment link follows in a moment.
deposit-bill =
    🧾 <b>Deposit { $depositId }</b>
    Pay <b>{ $amount }</b> through xpay before { $expires }.
    { $hasInstructions ->
        [yes] { $instructions }
       *[no] Use the button below to pay.
    }
deposit-delayed = ⏳ xpay has not confirmed the bill for deposit <code>{ $depositId }</code> ({ $amount }) yet. I will send the payment link as soon as it does, or tell you if no bill was made. Nothing has been charged.
deposit-paid = ✅ Deposit <code>{ $depositId }</code> is paid: { $amount } was added to your wallet. Balance: <b>{ $balance }</b>.
deposit-expired = ⌛ The bill for deposit <code>{ $depositId }</code> ({ $amount }) expired unpaid. Nothing was added to your wallet; send /deposit to start again.
deposit-cancelled = ✖️ Deposit <code>{ $depositId }</code> ({ $amount }) is cancelled. Nothing was added to your wallet.
deposit-failed = ⚠️ xpay could not create a bill for deposit <code>{ $depositId }</code> ({ $amount }). Nothing was charged; please try /deposit again later.
deposit-cancel-failed = ⚠️ Deposit <code>{ $depositId }</code> could not be cancelled right now: xpay did not answer. Please try again in a few minutes.
deposit-cancelling = Cancelling the deposit…
deposit-not-found = This deposit was not found.
deposit-state-open = Deposit { $depositId } is waiting for payment.
deposit-state-paid = Deposit { $depositId } is already paid.
deposit-state-expired = Deposit { $depositId } has already expired.
deposit-state-cancelled = Deposit { $depositId } is already cancelled.
admin-deposit-mismatch = ⚠️ xpay bill <code>{ $billId }</code> does not match deposit <code>{ $depositId }</code> (reference, amount or currency). Nothing was credited; check it at xpay.
admin-deposit-paid-closed = ⚠️ xpay bill <code>{ $billId }</code> is paid, but deposit <code>{ $depositId }</code> was already closed without a credit. Check it at xpay, then credit the reseller by hand (/credit).
# --- i11-reseller ---
btn-receipt = 🧾 Receipt
btn-buy-again = 🔁 Buy again
again-gone = This product is no longer on sale, so it cannot be bought again. Send /products to see what is on sale.
again-out-of-stock = This product is out of stock right now. Please try again later.
receipt-not-ready = A receipt is available once the order is completed.
receipt-title = 🧾 <b>Receipt</b>
receipt-product = Product: { $product }
receipt-player = Player ID: <code>{ $player }</code>
receipt-zone = Zone: <code>{ $zone }</code>
receipt-nickname = Nickname: { $nickname }
receipt-email = Customer e-mail: { $email }
receipt-quantity = Quantity: { $quantity }
receipt-tracking = Tracking: <code>{ $tracking }</code>
receipt-time = Delivered: { $date }
receipt-order = Order: <code>{ $orderId }</code>
receipt-transaction = Transaction ID: <code>{ $transactionId }</code>
saved-pick-hint = Or tap a recent customer below (/customers to manage them).
cmd-customers = Your saved customers
customers-title = <b>Saved customers</b>: the latest player IDs and e-mails you bought for, offered as buttons when you buy. Tap one to forget it.
customers-players = <b>Player IDs</b>
customers-emails = <b>E-mails</b>
customers-player-line = • <code>{ $player }</code> · zone { $zone } · { $nickname }
customers-email-line = • { $email }
customers-empty = You have no saved customers yet. The player IDs and e-mails you buy for are saved here as you buy.
customers-forgotten = Forgotten.
customers-forget-gone = That customer was already forgotten.
cmd-pricelist = Your price list
pricelist-title = <b>Your prices</b> (page { $page }/{ $pages })
pricelist-category = <b>{ $category }</b>
pricelist-item = { $name } · { $price }
pricelist-item-out = { $name } · { $price } · out of stock
pricelist-empty = Nothing is on sale right now. Please try again later.
pricelist-csv-header = category,product,product_id,price,currency,in_stock
pricelist-csv-caption = Your price list at { $date }: your own prices, as a purchase would charge them now.
btn-pricelist-csv = 📄 Price list (CSV)
cmd-lowbalance = Low-balance alert
lowbal-alert = ⚠️ Your balance is low: { $balance }, below your alert level of { $level }. Ask an admin to top up your wallet.
lowbal-title = 🔔 <b>Low-balance alerts</b>
lowbal-line = { $currency }: when the balance falls below { $level }
lowbal-none = No alert is set.
lowbal-usage = Set one with /lowbalance &lt;amount&gt; &lt;currency&gt;, for example <code>/lowbalance 50000 IDR</code>. Remove them with <code>/lowbalance off</code>.
lowbal-set = 🔔 Set: you will get one message when your { $currency } balance falls below { $level }.
lowbal-already-below = Your balance ({ $balance }) is already below it: the alert comes once the balance has gone back up to it and falls below again.
lowbal-cleared-one = 🔕 The { $currency } low-balance alert is removed.
lowbal-cleared-all = 🔕 Your low-balance alerts are removed.
lowbal-nothing = There was no low-balance alert to remove.
lowbal-bad-currency = I don't know the currency “{ $currency }”. Write it as a code, for example IDR.
lowbal-bad-amount = “{ $amount }” is not a valid amount of { $currency }: write it as you would, for example 50000 or 50.000.
lowbal-which-currency = Which currency? For example <code>/lowbalance { $amount } IDR</code>.
btn-lowbal = 🔔 Low-balance alert
btn-lowbal-clear = 🔕 Remove the { $currency } alert
help-reseller-tools =
    /pricelist: your prices, and a CSV to share
    /customers: your saved player IDs and e-mails
    /lowbalance: a message when your balance runs low

# --- i11-ops ---
cmd-report = Yesterday's daily report
ops-report =
    📋 <b>Daily report for { $day }</b> ({ $zone })

    <b>Sales</b>
    { $sales }

    <b>Refunds</b>: { $refunds }
    <b>Deposits credited</b>: { $deposits }
    <b>Orders with an unknown outcome, still open</b>: { $unknown }

    <b>Providers</b>
    { $providers }
ops-report-sale = { $provider }: { $orders } orders · revenue { $revenue } · margin { $margin }
ops-report-no-sales = No sales.
ops-report-none = none
ops-report-total = { $count }, total { $sum }
ops-report-provider-ok = { $provider }: ok (last call { $endpoint }, { $at })
ops-report-provider-failing = { $provider }: failing, { $outcome } { $code } (last call { $endpoint }, { $at })
ops-report-provider-idle = { $provider }: no call since the bot started
ops-report-balance = balance { $balance }
ops-report-pool = liquidity pool { $points } points
ops-report-check-failed = check failed ({ $error })
ops-balance-low = ⚠️ Our balance at <b>{ $provider }</b> is down to <b>{ $value }</b>, below the alert level of { $threshold }. Orders to it fail once it runs out: top it up.
ops-balance-recovered = ✅ Our balance at <b>{ $provider }</b> is back to <b>{ $value }</b> (alert level { $threshold }).
ops-pool-low = ⚠️ The <b>{ $provider }</b> liquidity pool is down to <b>{ $value }</b> points, below the alert level of { $threshold }. Points awards wait when it runs dry: top it up.
ops-pool-recovered = ✅ The <b>{ $provider }</b> liquidity pool is back to <b>{ $value }</b> points (alert level { $threshold }).
admin-stats-chart = 📈 { $currency }: revenue per day (top, in whole { $currency }) and orders per day (bottom), { $from } to { $to } ({ $zone })

# --- bulk ---
btn-bulk = 📋 Bulk: many players at once
bulk-ask =
    📋 <b>Bulk top-up</b> of { $product }: send up to { $max } lines in one message, one player per line, as
    <code>playerId zone</code>, <code>playerId(zone)</code> or <code>playerId</code>. Each line becomes its own order.
bulk-ask-no-zone = 📋 <b>Bulk top-up</b> of { $product }: send up to { $max } player IDs in one message, one per line. Each line becomes its own order.
bulk-too-many = That is { $count } lines; one bulk top-up takes at most { $max }. Please send fewer lines.
bulk-bad-title = ⚠️ Lines left out: { $count }
bulk-bad-line = Line { $line }: <code>{ $text }</code> — { $reason }
bulk-bad-more = …and { $count } more.
bulk-reason-format = write it as "playerId zone", "playerId(zone)" or "playerId".
bulk-reason-player = the player ID must be 3 to 24 letters or digits.
bulk-reason-zone = the zone must be 1 to 12 letters, digits, _ or -.
bulk-reason-zone-missing = this game needs a zone.
bulk-reason-zone-none = this game takes no zone.
bulk-none-valid = No line could be used. Please fix them and send the lines again.
bulk-card-title = <b>Confirm your bulk top-up</b>
bulk-card-count = Orders: <b>{ $count }</b> (one per line)
bulk-card-price = Price: { $price } each, total <b>{ $total }</b>
bulk-card-short = ⚠️ Your balance covers { $covered } of the { $count } orders: Confirm places the first { $covered }, in line order, and leaves the rest.
bulk-placing = ⏳ Placing your orders…
bulk-already = This bulk top-up was already confirmed or cancelled.
bulk-placed = 🛒 { $placed } of { $count } orders received: { $product }, { $amount } taken from your wallet. They go to the provider now; one summary follows when all have answered.
bulk-queued = ⏳ Some of them wait in line for the provider and go through as soon as it can take them.
bulk-nothing-placed = ❌ No order was placed. Nothing was charged.
bulk-not-placed = Not placed ({ $count }): { $reason }
bulk-not-placed-balance = your balance ran out (now { $balance }).
bulk-summary =
    📦 <b>Bulk top-up settled</b>: { $product }, { $lines } lines
    ✅ Placed: { $placed }
    ❌ Refused and refunded: { $refused }{ $refusedLines }
    ⚠️ Being checked, payment held: { $unknown }{ $unknownLines }
    ⏸ Not placed, nothing charged: { $notPlaced }{ $notPlacedLines }
