## General

sandbox-banner = 🧪 <b>SANDBOX</b>: test providers, no real money or orders.
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
blocked-maintenance = 🛠 The bot is under maintenance. Buying is paused; please try again later.
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
admin-provider-auth = 🔑 Provider { $provider } refused our credentials ({ $code }). Orders to it are refunded until this is fixed.
admin-webhook-unknown-order = ❓ { $provider } sent “{ $event }” for an order we don't know: <code>{ $providerOrderId }</code>.
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
cmd-broadcast = Message every reseller
cmd-stats = Business figures
cmd-providers = Provider health
cmd-sync = Refresh catalogues now
cmd-maintenance = Maintenance on or off
cmd-audit = Recent admin actions
