## General

sandbox-banner = 🧪 <b>SANDBOX</b>: စမ်းသပ် provider များသာ ဖြစ်ပြီး ငွေအစစ်နဲ့ အော်ဒါအစစ် မဟုတ်ပါ။
error-records-unavailable = ကျွန်ုပ်တို့၏ မှတ်တမ်းများကို ခဏတာ ချိတ်ဆက်၍ မရပါ၊ ထို့ကြောင့် ဘာမှ မလုပ်ဆောင်ရသေးဘဲ ငွေလည်း မဖြတ်ရသေးပါ။ တစ်မိနစ်အကြာတွင် ထပ်စမ်းကြည့်ပါ။
error-generic = စိတ်မရှိပါနဲ့၊ ကျွန်ုပ်တို့ဘက်မှာ အမှားတစ်ခု ဖြစ်သွားပါတယ်။ ခဏနေမှ ထပ်စမ်းကြည့်ပါ။
flood-warning = မက်ဆေ့ချ်တွေကို အရမ်းမြန်မြန် ပို့နေပါတယ်။ ဖြည်းဖြည်း ပို့ပေးပါ။
unknown-command = ဒီ command ကို နားမလည်ပါ။ လုပ်ဆောင်ပေးနိုင်တာတွေကို ကြည့်ရန် /help ကို ပို့ပါ။
unhandled-message = လုပ်ဆောင်ပေးနိုင်တာတွေကို ကြည့်ရန် /help ကို ပို့ပါ။
callback-stale = ဒီခလုတ်က သက်တမ်းကုန်သွားပါပြီ။ အစကနေ ပြန်စပါ။
cancel-done = ပယ်ဖျက်လိုက်ပါပြီ။ လုပ်ဆောင်ပေးနိုင်တာတွေကို ကြည့်ရန် /help ကို ပို့ပါ။
cancel-nothing = ပယ်ဖျက်စရာ ဘာမှ မရှိပါ။
flow-text-expected = စာသားနဲ့ ပြန်ဖြေပေးပါ၊ ဒါမှမဟုတ် ရပ်လိုရင် /cancel ကို ပို့ပါ။
btn-cancel = ✖️ ပယ်ဖျက်ရန်
btn-back = ⬅️ နောက်သို့
btn-prev = ◀️
btn-next = ▶️
btn-skip = ကျော်ရန် ⏭

## Start and registration

start-welcome = ကြိုဆိုပါတယ်၊ <b>{ $name }</b>! ဒီမှာ သင့်ဖောက်သည်တွေအတွက် ဂိမ်း Top-up နဲ့ subscription တွေကို ဝယ်ယူပြီး သင့်ပိုက်ဆံအိတ်ထဲက ငွေနဲ့ ပေးချေနိုင်ပါတယ်။
start-welcome-back = ပြန်လည်ကြိုဆိုပါတယ်၊ <b>{ $name }</b>!
start-pending = သင့် Reseller အကောင့်က အတည်ပြုချက်ကို စောင့်နေဆဲပါ။ Admin က အတည်ပြုပြီးတာနဲ့ ချက်ချင်း အကြောင်းကြားပေးပါမယ်။
start-rejected = သင့် Reseller လျှောက်လွှာကို အတည်မပြုခဲ့ပါ။ မှားနေတယ်လို့ ထင်ရင် တာဝန်ခံကို ဆက်သွယ်ပါ။
start-banned = သင့်အကောင့်ကို ဆိုင်းငံ့ထားပါတယ်။ တာဝန်ခံကို ဆက်သွယ်ပါ။
start-admin = သင်က <b>admin</b> ဖြစ်ပါတယ်။ Admin command များအတွက် /admin ကို ပို့ပါ။
start-next = ပစ္စည်းစာရင်း ကြည့်ရန် /products၊ ဂိမ်း Top-up အတွက် /topup၊ ပိုက်ဆံအိတ်အတွက် /balance ကို ပို့ပါ။

help-reseller =
    <b>Command များ</b>
    /products: ပစ္စည်းစာရင်း ကြည့်ပြီး ဝယ်ယူရန်
    /topup: ဂိမ်း Top-up (Player ID နဲ့ Zone)
    /status &lt;အော်ဒါ ID&gt;: အော်ဒါ စစ်ဆေးရန်
    /balance: သင့်ပိုက်ဆံအိတ်နဲ့ နောက်ဆုံး ငွေစာရင်းများ
    /orders: သင့်အော်ဒါများနဲ့ ငွေစာရင်းရှင်းတမ်း
    /language: ဘာသာစကား ပြောင်းရန်
    /cancel: လက်ရှိအဆင့်မှ ထွက်ရန်
    /help: ဒီစာရင်း
help-pending = သင့်အကောင့်က အတည်ပြုချက် စောင့်နေဆဲပါ။ အဲဒီအထိ /language နဲ့ /help ကိုသာ သုံးနိုင်ပါတယ်။
help-admin-hint = Admin command များ: /admin

language-name = မြန်မာ
language-choose = ဘာသာစကား ရွေးချယ်ပါ:
language-set = ဘာသာစကားကို မြန်မာဘာသာသို့ ပြောင်းလိုက်ပါပြီ။

## Blocks

blocked-pending = သင့်အကောင့်က အတည်ပြုချက် စောင့်နေဆဲဖြစ်လို့ ဝယ်ယူလို့ မရသေးပါ။
blocked-banned = သင့်အကောင့်ကို ဆိုင်းငံ့ထားလို့ ဝယ်ယူလို့ မရပါ။
blocked-rejected = သင့် Reseller လျှောက်လွှာကို အတည်မပြုခဲ့လို့ ဝယ်ယူလို့ မရပါ။
blocked-paused = ဒီပစ္စည်းကို ခေတ္တရပ်ထားလို့ အခု ဝယ်လို့ မရပါ။
blocked-provider-off = ဒီပစ္စည်းရဲ့ provider ကို အခု အသုံးပြုလို့ မရပါ။

## Catalogue

catalog-empty = ပစ္စည်းစာရင်းမှာ အခု ဘာမှ မရှိသေးပါ။ နောက်မှ ထပ်စမ်းကြည့်ပါ။
catalog-categories = <b>ပစ္စည်းစာရင်း</b>: အမျိုးအစား ရွေးပါ။
catalog-topup-categories = <b>ဂိမ်း Top-up</b>: ဂိမ်း ရွေးပါ။
catalog-products = <b>{ $category }</b> (စာမျက်နှာ { $page }/{ $pages }): ပစ္စည်း ရွေးပါ။
catalog-item = { $name } · { $price }
catalog-item-out = { $name } · ပစ္စည်းပြတ်
catalog-product =
    <b>{ $name }</b>
    အမျိုးအစား: { $category }
    စျေးနှုန်း: <b>{ $price }</b>
catalog-product-note = မှတ်ချက်: { $note }
catalog-product-out = ❌ ပစ္စည်းပြတ်နေပါတယ်
catalog-product-paused = ⏸ ခေတ္တရပ်ထားပါတယ်
catalog-gone = ဒီပစ္စည်းက ပစ္စည်းစာရင်းထဲမှာ မရှိတော့ပါ။
btn-buy = 🛒 ဝယ်မည်

## Purchase flow

ask-player-id = { $product } အတွက် <b>Player ID</b> ကို ပို့ပါ။
bad-player-id = ဒီ Player ID က မှန်ပုံမရပါ: စာလုံး ဒါမှမဟုတ် ဂဏန်း 3 လုံးမှ 24 လုံးအထိ သုံးပါ။
ask-zone = ဒီကစားသမားရဲ့ <b>Zone</b> (ဆာဗာ) ကို ပို့ပါ၊ ဂိမ်းမှာ Zone မရှိရင် “ကျော်ရန်” ကို နှိပ်ပါ။
ask-zone-required = ဒီကစားသမားရဲ့ <b>Zone</b> (ဆာဗာ) ကို ပို့ပါ။
bad-zone = ဒီ Zone က မှန်ပုံမရပါ: စာလုံး၊ ဂဏန်း၊ _ ဒါမှမဟုတ် - ကို 1 လုံးမှ 12 လုံးအထိ သုံးပါ။
ask-email = { $product } အတွက် <b>ဖောက်သည်ရဲ့ အီးမေးလ်</b> ကို ပို့ပါ။
bad-email = ဒီအီးမေးလ်လိပ်စာက မှန်ပုံမရပါ။ ထပ်ပို့ပေးပါ။
ask-quantity = ဘယ်နှစ်ခု လိုချင်ပါသလဲ။ ဂဏန်းတစ်ခုကို နှိပ်ပါ ဒါမှမဟုတ် ရိုက်ပို့ပါ (1–{ $max })။
bad-quantity = 1 မှ { $max } အထိ ကိန်းပြည့်တစ်ခု ပို့ပေးပါ။

confirm-title = <b>သင့်အော်ဒါကို အတည်ပြုပါ</b>
confirm-product = ပစ္စည်း: { $product }
confirm-player = Player ID: <code>{ $player }</code>
confirm-zone = Zone: <code>{ $zone }</code>
confirm-email = ဖောက်သည် အီးမေးလ်: { $email }
confirm-quantity = အရေအတွက်: { $quantity }
confirm-price = စျေးနှုန်း: <b>{ $price }</b>
confirm-balance = သင့်လက်ကျန်ငွေ: { $balance } → ဝယ်ပြီးနောက်: { $after }
confirm-short = ⚠️ ဒီအော်ဒါအတွက် သင့်လက်ကျန်ငွေ မလုံလောက်ပါ။ ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ပေးဖို့ Admin ကို ပြောပါ။
btn-confirm = ✅ အတည်ပြုပြီး ငွေချေမည်

order-placing = ⏳ သင့်အော်ဒါကို တင်နေပါတယ်…
order-accepted = 🛒 အော်ဒါ <code>{ $orderId }</code> လက်ခံရရှိပါပြီ: { $product }၊ သင့်ပိုက်ဆံအိတ်မှ { $amount } နုတ်ယူပြီးပါပြီ။ ပံ့ပိုးသူထံ ပို့နေပါသည်; ရလဒ်ကို သတင်းပို့ပါမည်။
order-queued = ⏳ အော်ဒါ <code>{ $orderId }</code> လက်ခံရရှိပါပြီ: { $product }၊ သင့်ပိုက်ဆံအိတ်မှ { $amount } နုတ်ယူပြီးပါပြီ။ ပံ့ပိုးသူ အလုပ်များနေသဖြင့် သင့်အော်ဒါသည် တန်းစီစောင့်ပြီး အမြန်ဆုံး ဆောင်ရွက်ပါမည်; ရလဒ်ကို သတင်းပို့ပါမည်။
order-processing = ✅ အော်ဒါ <code>{ $orderId }</code> တင်ပြီးပါပြီ: { $product }။ ပြီးဆုံးတာနဲ့ အကြောင်းကြားပေးပါမယ်။
order-done = ✅ အော်ဒါ <code>{ $orderId }</code> ပြီးဆုံးပါပြီ: { $product }။
order-refused = ❌ အော်ဒါ <code>{ $orderId }</code> ကို provider က ငြင်းပယ်လိုက်ပါတယ်: { $reason } သင့်ငွေ { $amount } ကို ပြန်အမ်းပြီးပါပြီ။
order-unknown = ⚠️ အော်ဒါ <code>{ $orderId }</code>: provider က အချိန်မီ ပြန်မဖြေပါ။ သင့်ငွေကို ထိန်းထားတာဖြစ်ပြီး ဆုံးရှုံးသွားတာ မဟုတ်ပါ: provider နဲ့ စစ်ဆေးနေပြီး ရလဒ်ကို အကြောင်းကြားပေးပါမယ်။
order-insufficient = ❌ လက်ကျန်ငွေ မလုံလောက်ပါ: စျေးနှုန်းက { $price } ဖြစ်ပြီး သင့်လက်ကျန်ငွေက { $balance } ပါ။ ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ပေးဖို့ Admin ကို ပြောပါ။
order-existing = ဒီအော်ဒါကို တင်ပြီးသားပါ: <code>{ $orderId }</code> ({ $state })။
order-dropped = အော်ဒါကို ပယ်ဖျက်လိုက်ပါပြီ။ ငွေ တစ်ပြားမှ မနှုတ်ရပါ။
draft-expired = ဒီအတည်ပြုချက်က သက်တမ်းကုန်သွားပါပြီ။ အော်ဒါကို အစကနေ ပြန်တင်ပါ။

reason-insufficient_balance = provider ဘက်မှာ ဒီပစ္စည်း ယာယီ ပြတ်နေပါတယ်။
reason-product_unavailable = ဒီပစ္စည်းကို အခု မရနိုင်ပါ။
reason-product_not_found = ဒီပစ္စည်း မရှိတော့ပါ။
reason-request_expired = တောင်းဆိုချက် သက်တမ်းကုန်သွားပါပြီ။
reason-invalid_request = အော်ဒါ အသေးစိတ်ကို လက်မခံပါ။
reason-rate_limited = provider က အလုပ်များနေပါတယ်။
reason-unreachable = provider ကို ၁၀ မိနစ်ကြာ ဆက်သွယ်၍ မရပါ။
reason-price_changed = သင့်အော်ဒါကို ဈေးနှုန်းတွက်ပြီးနောက် ပံ့ပိုးသူ၏ ဈေးနှုန်း ပြောင်းသွားပါသည်။ ဈေးနှုန်းအသစ်ကို ကြည့်ရန် ထပ်မံ မှာယူပါ။
reason-other = provider က လုပ်ဆောင်ပေးလို့ မရခဲ့ပါ။

## Order states

state-pending = စောင့်ဆိုင်းဆဲ
state-processing = လုပ်ဆောင်နေဆဲ
state-completed = ပြီးဆုံး
state-failed = မအောင်မြင်
state-refunded = ငွေပြန်အမ်းပြီး
state-unknown = စစ်ဆေးနေဆဲ
state-shipped = ပို့ပြီး
state-cancelled = ပယ်ဖျက်ပြီး
state-delivery_failed = ပို့ဆောင်မှု မအောင်မြင်

## Status

status-usage = /status နောက်မှာ အော်ဒါ ID ကို ထည့်ပို့ပါ၊ ဥပမာ: /status R7KQ2M9XD4T
status-not-found = သင့်အော်ဒါတွေထဲမှာ ဒီ ID နဲ့ အော်ဒါကို ရှာမတွေ့ပါ။
status-card =
    <b>အော်ဒါ</b> <code>{ $orderId }</code>
    ပစ္စည်း: { $product }
    အခြေအနေ: <b>{ $state }</b>
    စျေးနှုန်း: { $price }
    တင်ခဲ့သည့်ရက်: { $date }
status-provider-id = Provider ရည်ညွှန်းနံပါတ်: <code>{ $providerOrderId }</code>
status-player = ကစားသမား: <code>{ $player }</code>
status-zone = Zone: <code>{ $zone }</code>
status-nickname = ဂိမ်းအမည်: { $nickname }
status-email = ဖောက်သည် အီးမေးလ်: { $email }
status-tracking = ခြေရာခံနံပါတ်: <code>{ $tracking }</code> ({ $shippingStatus })
status-note = မှတ်ချက်: { $note }
status-live-failed = (နောက်ဆုံးအခြေအနေ သိဖို့ provider ကို ဆက်သွယ်လို့ မရပါ၊ ကျွန်ုပ်တို့ သိထားသလောက်ကို ပြထားပါတယ်။)

## Wallet and history

balance-title = <b>သင့်ပိုက်ဆံအိတ်</b>
balance-empty = သင့်ပိုက်ဆံအိတ်ထဲ ငွေမရှိပါ။ ငွေဖြည့်ပေးဖို့ Admin ကို ပြောပါ။
balance-line = { $amount }
ledger-title = <b>နောက်ဆုံး ငွေစာရင်းများ</b>
ledger-none = ငွေစာရင်း မရှိသေးပါ။
ledger-line = { $date } · { $amount } · { $type }{ $order }
ledger-type-credit = ငွေဖြည့်
ledger-type-debit = ဝယ်ယူမှု
ledger-type-refund = ငွေပြန်အမ်း
ledger-type-adjustment = ချိန်ညှိမှု

orders-empty = အော်ဒါ မရှိသေးပါ။ ဝယ်ယူရန် /products ကို ပို့ပါ။
orders-title = <b>သင့်အော်ဒါများ</b> (စာမျက်နှာ { $page }/{ $pages })
orders-line = { $product } · { $price } · { $state }
btn-csv = 📄 ငွေစာရင်းရှင်းတမ်း (CSV)
csv-caption = သင့်ငွေစာရင်းရှင်းတမ်း: ပိုက်ဆံအိတ် ငွေစာရင်း အားလုံး။
csv-caption-newest = သင့်ငွေစာရင်းရှင်းတမ်း: နောက်ဆုံး ပိုက်ဆံအိတ် ငွေစာရင်း { $count } ခု။ အဟောင်းများကို သိမ်းထားဆဲ ဖြစ်ပြီး admin ထံ တောင်းနိုင်ပါသည်။
csv-header = date,type,amount,currency,balance_after,order,reason

## Notifications

order-completed = ✅ အော်ဒါ <code>{ $orderId }</code> ပြီးဆုံးပါပြီ: ကစားသမား <code>{ $player }</code> ({ $nickname }) အတွက် { $product }။
order-refunded = ↩️ အော်ဒါ <code>{ $orderId }</code> ({ $product }) က provider ဘက်မှာ မအောင်မြင်ခဲ့လို့ { $amount } ကို သင့်ပိုက်ဆံအိတ်ထဲ ပြန်အမ်းပြီးပါပြီ။ Provider မှတ်ချက်: { $reason }
order-shipped = 📦 အော်ဒါ <code>{ $orderId }</code> ({ $product }) ကို { $email } သို့ ပို့ပြီးပါပြီ။ ခြေရာခံနံပါတ်: <code>{ $tracking }</code> · { $shippingStatus }
order-cancelled = ↩️ အော်ဒါ <code>{ $orderId }</code> ({ $product }) ကို provider က ပယ်ဖျက်လိုက်လို့ { $amount } ကို သင့်ပိုက်ဆံအိတ်ထဲ ပြန်အမ်းပြီးပါပြီ။
order-delivery-failed = ⚠️ အော်ဒါ <code>{ $orderId }</code> ({ $product }) ပို့ဆောင်မှု မအောင်မြင်ပါ။ ကျွန်ုပ်တို့အဖွဲ့ကို အသိပေးထားပြီး ဆက်လက် ဖြေရှင်းပေးပါမယ်။
broadcast-message = 📢 { $text }
wallet-credited = 💰 သင့်ပိုက်ဆံအိတ်ထဲ { $amount } ဖြည့်သွင်းပြီးပါပြီ။ လက်ကျန်ငွေအသစ်: { $balance }။{ $note }
wallet-debited = 💸 သင့်ပိုက်ဆံအိတ်မှ { $amount } နှုတ်ယူလိုက်ပါတယ်။ လက်ကျန်ငွေအသစ်: { $balance }။{ $note }
wallet-note = {" "}မှတ်ချက်: { $note }
registration-approved = 🎉 သင့် Reseller အကောင့်ကို အတည်ပြုပြီးပါပြီ။ စတင်ရန် /products ကို ပို့ပါ။
registration-rejected = သင့် Reseller လျှောက်လွှာကို အတည်မပြုခဲ့ပါ။
account-banned = သင့်အကောင့်ကို ဆိုင်းငံ့လိုက်ပါပြီ။
account-unbanned = သင့်အကောင့်ကို ပြန်လည် အသုံးပြုနိုင်ပါပြီ။

## Admin alerts

admin-new-registration = 🆕 အတည်ပြုချက် စောင့်နေသော Reseller အသစ်: { $name } ({ $username }, id <code>{ $userId }</code>)။
admin-order-unknown = ⚠️ { $provider } ရှိ အော်ဒါ <code>{ $orderId }</code> ရဲ့ ရလဒ်ကို မသိရသေးပါ ({ $reason })။ ငွေကို ထိန်းထားပြီး စာရင်းတိုက်ဆိုင်စစ်ဆေးမှု လုပ်နေပါတယ်။ /order { $orderId } ဖြင့် စစ်ဆေးပါ။
admin-cost-above = 💸 { $provider } ရှိ အော်ဒါ <code>{ $orderId }</code> ({ $product }): ပံ့ပိုးသူက { $charged } ကောက်ခံခဲ့ပြီး ရောင်းဈေးအတွက် အခြေခံခဲ့သော ကုန်ကျစရိတ် { $cost } ထက် ပိုများပါသည်။ အမြတ်တွက်ရန် အမှန်တကယ် ကုန်ကျစရိတ်ကို မှတ်တမ်းတင်ထားပါသည်; /price ဖြင့် ဈေးနှုန်းကို စစ်ဆေးပါ။
admin-late-answer = ⚠️ { $provider } သည် အော်ဒါ <code>{ $orderId }</code> ကို ဤနေရာတွင် { $state } ဖြစ်ပြီးမှ လက်ခံခဲ့သည်။ ပံ့ပိုးသူက ပို့ဆောင်နိုင်ပါသည်: /order { $orderId } ဖြင့် ဖြေရှင်းပါ။
admin-refunded-delivered = ⚠️ { $provider } က အော်ဒါ <code>{ $orderId }</code> ကို ပို့ဆောင်လိုက်ပါပြီ၊ ၎င်းကို မပြီးဆုံးမီ ဤနေရာတွင် ပြန်အမ်းခဲ့ပြီးဖြစ်သည် (reseller ထံ { $amount } ပြန်ပေးပြီး)။ ကုန်ကျစရိတ်ကို operator က ကျခံရပါသည်- reseller နှင့် ဖြေရှင်းပါ၊ /order { $orderId } ကို ကြည့်ပါ။
admin-reconcile-gave-up = 🔎 { $provider } ရှိ အော်ဒါ <code>{ $orderId }</code> သည် ညှိနှိုင်းစစ်ဆေးမှု { $attempts } ကြိမ်အပြီးတွင်လည်း မသိရသေးပါ။ ငွေကို ဆက်လက် ထိန်းထားပြီး နေ့စဉ် ဆက်စစ်ပါမည်။ /order { $orderId } သို့မဟုတ် /refund { $orderId } ဖြင့် ဖြေရှင်းပါ။
admin-provider-auth = 🔑 Provider { $provider } က ကျွန်ုပ်တို့ရဲ့ ဝင်ရောက်ခွင့် အချက်အလက် (credentials) ကို ငြင်းပယ်လိုက်ပါတယ် ({ $code })။ ဒါကို ပြင်ပြီးသည်အထိ ၎င်းထံ တင်သော အော်ဒါများကို ငွေပြန်အမ်းပါမယ်။
admin-webhook-unknown-order = ❓ { $provider } က ကျွန်ုပ်တို့ မသိသော အော်ဒါအတွက် “{ $event }” ပို့လာပါတယ်: <code>{ $providerOrderId }</code>။ အဖြေပျောက်သွားသော ကျွန်ုပ်တို့၏ အော်ဒါဖြစ်ပါက ချိတ်ပါ: /link &lt;အော်ဒါ id&gt; { $providerOrderId }
admin-delivery-failed = ⚠️ { $provider } ရှိ အော်ဒါ <code>{ $orderId }</code> ({ $product }) ပို့ဆောင်မှု မအောင်မြင်ပါ။
admin-broadcast-done = 📢 Broadcast ပြီးဆုံးပါပြီ: စုစုပေါင်း { $total } ဦးအနက် { $delivered } ဦး ရောက်ရှိ၊ { $blocked } ဦး bot ကို block ထား၊ { $failed } ဦး မအောင်မြင်။
btn-approve = ✅ အတည်ပြုမည်
btn-reject = ❌ ငြင်းပယ်မည်

## Command menu

cmd-products = ပစ္စည်းစာရင်း ကြည့်ပြီး ဝယ်ယူရန်
cmd-topup = ဂိမ်း Top-up
cmd-status = အော်ဒါ စစ်ဆေးရန်
cmd-balance = ပိုက်ဆံအိတ်နဲ့ နောက်ဆုံး ငွေစာရင်းများ
cmd-orders = သင့်အော်ဒါများနဲ့ ငွေစာရင်းရှင်းတမ်း
cmd-language = ဘာသာစကား ပြောင်းရန်
cmd-cancel = လက်ရှိအဆင့်မှ ထွက်ရန်
cmd-help = လုပ်ဆောင်ပေးနိုင်သည်များ
cmd-start = စတင်ရန်
cmd-admin = Admin command များ
cmd-approve = Reseller ကို အတည်ပြုရန်
cmd-ban = အသုံးပြုသူကို ဆိုင်းငံ့ရန်
cmd-unban = အသုံးပြုသူကို ပြန်ဖွင့်ပေးရန်
cmd-user = အသုံးပြုသူ၏ ပရိုဖိုင်
cmd-credit = ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ရန်
cmd-debit = ပိုက်ဆံအိတ်မှ ငွေနှုတ်ရန်
cmd-tier = Reseller ၏ အဆင့် (tier) သတ်မှတ်ရန်
cmd-markup = အဆင့်တစ်ခု၏ အမြတ်ထည့်နှုန်း (markup) သတ်မှတ်ရန်
cmd-price = ပစ္စည်းစျေးနှုန်းကို ပုံသေသတ်မှတ်ရန် ဒါမှမဟုတ် ပြန်ဖြုတ်ရန်
cmd-order = အော်ဒါတစ်ခု၏ အသေးစိတ် အားလုံး
cmd-refund = အော်ဒါကို ငွေပြန်အမ်းရန်
cmd-link = ပံ့ပိုးသူ၏ အော်ဒါ id ကို အော်ဒါနှင့် ချိတ်ရန်
cmd-broadcast = Reseller အားလုံးထံ စာပို့ရန်
cmd-stats = လုပ်ငန်း ကိန်းဂဏန်းများ
cmd-providers = Provider များ၏ အခြေအနေ
cmd-sync = ပစ္စည်းစာရင်းများကို ယခု ပြန်လည်ရယူရန်
cmd-maintenance = ပြုပြင်ထိန်းသိမ်းမှု မုဒ် ဖွင့်/ပိတ်
cmd-audit = မကြာသေးမီက Admin လုပ်ဆောင်ချက်များ

## Reconciliation

admin-reconcile-manual = 🔎 { $provider } ရှိ အော်ဒါ <code>{ $orderId }</code> ၏ ရလဒ်ကို မသိရသေးပါ၊ ကျွန်ုပ်တို့၏ ရည်ညွှန်းနံပါတ်ဖြင့် { $provider } ကို မေးမြန်း၍ မရပါ။ ကျွန်ုပ်တို့ အော်ဒါများနှင့် မကိုက်ညီသော ၎င်း၏ မကြာသေးမီ အော်ဒါများ- { $candidates }။ provider ၏ panel တွင် စစ်ဆေးပြီး /order { $orderId } သို့မဟုတ် /refund { $orderId } ဖြင့် ဖြေရှင်းပါ။

## Admin console

admin-help =
    <b>Admin command များ</b>
    &lt;user&gt; ဆိုသည်မှာ Telegram id သို့မဟုတ် bot နဲ့ စကားပြောဖူးသူ၏ @username ဖြစ်ပါတယ်။
    /approve &lt;user&gt;: စောင့်နေသော Reseller ကို အတည်ပြုရန်
    /ban &lt;user&gt;, /unban &lt;user&gt;: အသုံးပြုသူကို ဆိုင်းငံ့ရန် သို့မဟုတ် ပြန်ဖွင့်ပေးရန်
    /user &lt;user&gt;: ပရိုဖိုင်၊ အဆင့်၊ ပိုက်ဆံအိတ်များနဲ့ နောက်ဆုံး အော်ဒါများ
    /credit &lt;user&gt; &lt;ပမာဏ&gt; &lt;ငွေကြေး&gt; [မှတ်ချက်]: ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ရန်
    /debit &lt;user&gt; &lt;ပမာဏ&gt; &lt;ငွေကြေး&gt; [မှတ်ချက်]: ပိုက်ဆံအိတ်မှ ငွေနှုတ်ရန်
    /tier &lt;user&gt; &lt;member|reseller|vip&gt;: Reseller ၏ အဆင့် (tier) သတ်မှတ်ရန်
    /markup &lt;tier&gt; &lt;ရာခိုင်နှုန်း&gt;: အရင်းစျေးအပေါ် အဆင့်တစ်ခု၏ အမြတ်ထည့်နှုန်း (markup) သတ်မှတ်ရန်
    /price &lt;ပစ္စည်း id&gt; &lt;ပမာဏ|auto&gt;: စျေးနှုန်းကို ပုံသေသတ်မှတ်ရန် သို့မဟုတ် အရင်းစျေး ပေါင်း markup သို့ ပြန်ထားရန်
    /sync: ပစ္စည်းစာရင်းများကို ယခု ပြန်လည်ရယူရန်
    /order &lt;အော်ဒါ id&gt;: အရင်းစျေးနဲ့ အမြတ် အပါအဝင် အော်ဒါတစ်ခု၏ အသေးစိတ် အားလုံး
    /refund &lt;အော်ဒါ id&gt;: အော်ဒါကို ငွေပြန်အမ်းရန် (တစ်ကြိမ်သာ)
    /link &lt;အော်ဒါ id&gt; &lt;ပံ့ပိုးသူ အော်ဒါ id&gt;: ပံ့ပိုးသူ၏ အဖြေ ပျောက်သွားသော အော်ဒါကို ချိတ်ရန် (သိမ်းထားသော webhook များကို အသုံးချသည်)
    /broadcast &lt;စာသား&gt;: အသုံးပြုနိုင်သော Reseller အားလုံးထံ စာပို့ရန် (သို့မဟုတ် မက်ဆေ့ချ်တစ်ခုကို /broadcast ဖြင့် reply ပြန်ပါ)၊ /broadcast တစ်ခုတည်းဆိုရင် ပို့ဆောင်မှု အခြေအနေကို ပြပါမယ်
    /stats: Reseller များ၊ အရောင်းနဲ့ အမြတ်၊ ဖွင့်ထားဆဲ အော်ဒါများ
    /report: မနေ့က နေ့စဉ် အစီရင်ခံစာ (အရောင်း၊ ငွေပြန်အမ်း၊ ငွေသွင်း၊ Provider များ)
    /providers: Provider များ၏ အခြေအနေနဲ့ ကျွန်ုပ်တို့ရဲ့ လက်ကျန်ငွေ
    /maintenance [&lt;provider&gt; | &lt;provider:product&gt;] on|off [မှတ်ချက်]: Bot တစ်ခုလုံး၊ provider တစ်ခု သို့မဟုတ် ထုတ်ကုန်တစ်ခုကို ပြုပြင်ထိန်းသိမ်းမှုမုဒ်ထားရန်; တစ်ခုတည်းဆိုရင်: ပြုပြင်ထိန်းသိမ်းနေသည်များ
    /audit [n]: နောက်ဆုံး Admin လုပ်ဆောင်ချက် n ခု
    /role [&lt;user&gt; admin|finance|support|none]: အဖွဲ့နှင့် ရာထူးများ (ပိုင်ရှင်သာ)

admin-usage-approve = အသုံးပြုပုံ: /approve &lt;user id သို့မဟုတ် @username&gt;
admin-usage-ban = အသုံးပြုပုံ: /ban &lt;user id သို့မဟုတ် @username&gt;
admin-usage-unban = အသုံးပြုပုံ: /unban &lt;user id သို့မဟုတ် @username&gt;
admin-usage-user = အသုံးပြုပုံ: /user &lt;user id သို့မဟုတ် @username&gt;
admin-usage-credit = အသုံးပြုပုံ: /credit &lt;user&gt; &lt;ပမာဏ&gt; &lt;ငွေကြေး&gt; [မှတ်ချက်]၊ ဥပမာ /credit 123456 50000 MMK ပထမအကြိမ် ငွေဖြည့်
admin-usage-debit = အသုံးပြုပုံ: /debit &lt;user&gt; &lt;ပမာဏ&gt; &lt;ငွေကြေး&gt; [မှတ်ချက်]၊ ဥပမာ /debit @budi 10000 MMK ပြင်ဆင်ချက်
admin-usage-tier = အသုံးပြုပုံ: /tier &lt;user&gt; &lt;member|reseller|vip&gt;
admin-usage-markup = အသုံးပြုပုံ: /markup &lt;member|reseller|vip&gt; &lt;ရာခိုင်နှုန်း&gt;၊ ဥပမာ /markup vip 2.5
admin-usage-price = အသုံးပြုပုံ: /price &lt;ပစ္စည်း id&gt; &lt;ပမာဏ|auto&gt;၊ ဥပမာ /price 1 21000 သို့မဟုတ် /price gametopup:1 auto
admin-usage-order = အသုံးပြုပုံ: /order &lt;အော်ဒါ id&gt; (ကျွန်ုပ်တို့၏ id သို့မဟုတ် provider ၏ ငွေပေးချေမှု id)
admin-usage-refund = အသုံးပြုပုံ: /refund &lt;အော်ဒါ id&gt;
admin-usage-link = အသုံးပြုပုံ: /link &lt;အော်ဒါ id&gt; &lt;ပံ့ပိုးသူ အော်ဒါ id&gt;
admin-usage-broadcast = အသုံးပြုပုံ: /broadcast &lt;စာသား&gt; သို့မဟုတ် ပို့လိုသော မက်ဆေ့ချ်ကို /broadcast ဖြင့် reply ပြန်ပါ။ Broadcast တစ်ခုမှ မပို့ရသေးပါ။
admin-usage-audit = အသုံးပြုပုံ: /audit [n]၊ n သည် 1 မှ 50 အထိ (မူလ 10)
admin-no-arguments = /{ $command } တွင် argument မထည့်ရပါ။

admin-bad-currency = “{ $currency }” ငွေကြေးကို မသိပါ။ သိသော ငွေကြေးများ: { $known }။
admin-bad-amount = “{ $amount }” သည် မှန်ကန်သော { $currency } ပမာဏ မဟုတ်ပါ: ပုံမှန်ရေးသလို အပေါင်းကိန်းဖြင့် ရေးပါ (50000 သို့မဟုတ် 50.000၊ cent များကို ထိုငွေကြေးတွင် ရှိမှသာ သုံးပါ)။
admin-amount-too-large = Admin တစ်ကြိမ် လုပ်ဆောင်ချက်အတွက် ခွင့်ပြုထားသည်ထက် များနေပါတယ် (အများဆုံး { $max })။ သုည အရေအတွက်ကို စစ်ကြည့်ပါ။
admin-note-too-long = မှတ်ချက် ရှည်လွန်းပါတယ်: အများဆုံး စာလုံး { $max } လုံးသာ။
admin-bad-tier = “{ $tier }” ဆိုသော အဆင့် မရှိပါ။ အဆင့်များ: { $tiers }။
admin-bad-percent = “{ $percent }” သည် မှန်ကန်သော markup မဟုတ်ပါ: ဒသမ နှစ်နေရာအထိ 0 မှ 1000 အတွင်း ရာခိုင်နှုန်းကို သုံးပါ။
admin-bad-audit-count = 1 မှ { $max } ခုအထိသာ တောင်းပါ။
admin-user-not-found = “{ $ref }” ဆိုသော အသုံးပြုသူကို မသိပါ။ ၎င်း၏ Telegram id သို့မဟုတ် bot နဲ့ စကားပြောဖူးသူ၏ @username ကို သုံးပါ။
admin-busy = အခြား Admin တစ်ဦးက ဒီအသုံးပြုသူကို ယခု ပြောင်းလဲနေပါတယ်။ ခဏနေမှ ထပ်စမ်းပါ။

admin-status-pending = အတည်ပြုချက် စောင့်နေဆဲ
admin-status-active = အသုံးပြုနိုင်
admin-status-rejected = ငြင်းပယ်ထား
admin-status-banned = ဆိုင်းငံ့ထား
admin-approved = ✅ { $name } (<code>{ $userId }</code>) ကို အတည်ပြုပြီး အကြောင်းကြားပြီးပါပြီ။
admin-rejected = ❌ { $name } (<code>{ $userId }</code>) ကို ငြင်းပယ်ပြီး အကြောင်းကြားပြီးပါပြီ။
admin-banned = ⛔ { $name } (<code>{ $userId }</code>) ကို ဆိုင်းငံ့ပြီး အကြောင်းကြားပြီးပါပြီ။
admin-unbanned = ✅ { $name } (<code>{ $userId }</code>) ကို ပြန်ဖွင့်ပေးပြီး အကြောင်းကြားပြီးပါပြီ။
admin-status-unchanged = ဘာမှ မပြောင်းလဲပါ: { $name } (<code>{ $userId }</code>) ၏ အခြေအနေမှာ { $status } ဖြစ်ပါတယ်။
admin-ban-admin = Admin များကို chat မှ ဆိုင်းငံ့၍ မရပါ: ADMIN_IDS မှ ဖယ်ရှားပါ။

admin-user-card =
    <b>{ $name }</b> { $username } · id <code>{ $userId }</code>
    အခြေအနေ: { $status } · အဆင့်: { $tier } · ဘာသာစကား: { $locale }
    စတင်သည့်ရက်: { $date }
admin-user-is-admin = 👑 Admin
admin-user-blocked = ⚠️ Bot ကို block ထားပါတယ် ({ $date } မှစ၍)။
admin-user-wallets = <b>ပိုက်ဆံအိတ်များ</b>
admin-user-no-wallet = ပိုက်ဆံအိတ် မရှိသေးပါ။
admin-user-orders = <b>နောက်ဆုံး အော်ဒါများ</b> (စုစုပေါင်း { $count })
admin-user-no-orders = အော်ဒါ မရှိသေးပါ။
admin-user-order-line = <code>{ $orderId }</code> · { $product } · { $price } · { $state }

admin-credited = 💰 { $name } (<code>{ $userId }</code>) ထံ { $amount } ဖြည့်ပြီးပါပြီ။ လက်ကျန်ငွေ: { $balance }။
admin-debited = 💸 { $name } (<code>{ $userId }</code>) ထံမှ { $amount } နှုတ်ပြီးပါပြီ။ လက်ကျန်ငွေ: { $balance }။
admin-wallet-duplicate = ဒီ command ကို လုပ်ဆောင်ပြီးသားပါ ({ $date })၊ ဘာမှ မပြောင်းလဲပါ။
admin-debit-insufficient = ❌ ငြင်းပယ်လိုက်ပါတယ်: { $name } (<code>{ $userId }</code>) ၏ လက်ကျန်ငွေ { $balance } သည် { $amount } ထက် နည်းပါတယ်။ ပိုက်ဆံအိတ် လက်ကျန်ငွေ သုညအောက် ဘယ်တော့မှ မရောက်ပါ။

admin-tier-set = { $name } (<code>{ $userId }</code>) သည် ယခု { $tier } အဆင့်တွင် ရှိပါတယ် (ယခင် { $before })။ ၎င်း၏ စျေးနှုန်းများသည် နောက်တစ်ကြိမ် ပစ္စည်းစာရင်း ကြည့်ချိန်မှစ၍ ပြောင်းပါမယ်။
admin-tier-unchanged = { $name } (<code>{ $userId }</code>) သည် { $tier } အဆင့်တွင် ရှိပြီးသားပါ။
admin-markup-set = { $tier } အဆင့်၏ markup သည် ယခု { $percent } % ဖြစ်ပါပြီ (ယခင် { $before } %)။ နောက်တစ်ကြိမ် ပစ္စည်းစာရင်း ကြည့်ချိန်မှစ၍ သက်ရောက်ပါမယ်။
admin-product-not-found = ပစ္စည်းစာရင်းထဲတွင် “{ $ref }” ပစ္စည်း မရှိပါ။ Provider ၏ ပစ္စည်း id သို့မဟုတ် provider:id ကို သုံးပါ။
admin-product-ambiguous = Provider အများအပြားတွင် “{ $ref }” ပစ္စည်း ရှိပါတယ်: { $keys }။ provider:id ပုံစံဖြင့် ပြန်ပို့ပါ။
admin-price-below-cost = ❌ ငြင်းပယ်လိုက်ပါတယ်: { $price } သည် { $product } ၏ လက်ရှိ အရင်းစျေး ({ $cost }) ထက် နည်းပါတယ်။ ကျွန်ုပ်တို့ အရှုံးနဲ့ ဘယ်တော့မှ မရောင်းပါ။
admin-price-set = { $product } (<code>{ $key }</code>) ကို ယခု { $price } ဖြင့် ရောင်းပါမယ် (ယနေ့ အရင်းစျေး { $cost })။ နောက်တစ်ကြိမ် ပစ္စည်းစာရင်း ကြည့်ချိန်မှစ၍ သက်ရောက်ပါမယ်။
admin-price-auto = { $product } (<code>{ $key }</code>) ကို အရင်းစျေး ပေါင်း အဆင့်၏ markup ဖြင့် ပြန်ရောင်းပါမယ် (ယနေ့ အရင်းစျေး { $cost })။
admin-price-unpaused = ခေတ္တရပ်ထားခဲ့ပြီး ယခု ပြန်ရောင်းနေပါပြီ။
admin-sync-title = 🔄 <b>ပစ္စည်းစာရင်းများကို ပြန်လည်ရယူပြီးပါပြီ</b>
admin-sync-none = ပစ္စည်းစာရင်း ရှိသော provider တစ်ခုမှ ဖွင့်မထားပါ။
admin-sync-ok = { $provider }: ပစ္စည်း { $count } ခု
admin-sync-failed = { $provider }: မအောင်မြင်ပါ ({ $error })
admin-sync-paused = ⏸ ခေတ္တရပ်ထားသည်များ: { $keys }
admin-price-paused-alert = ⏸ { $product } (<code>{ $key }</code>) ကို ခေတ္တရပ်လိုက်ပါတယ်: provider ၏ အရင်းစျေး { $cost } သည် ပုံသေစျေး { $price } ထက် များနေပါတယ်။ /price { $key } &lt;ပမာဏ&gt; သို့မဟုတ် /price { $key } auto ဖြင့် စျေးနှုန်းအသစ် သတ်မှတ်ပါ။
admin-price-resumed-alert = ▶️ { $product } (<code>{ $key }</code>) ကို ပြန်ရောင်းနေပါပြီ: provider ၏ အရင်းစျေး { $cost } သည် ၎င်း၏ စျေးနှုန်းထက် မကျော်တော့ပါ။

admin-order-not-found = “{ $ref }” အော်ဒါ မရှိပါ။
admin-order-owner = Reseller: { $name } (<code>{ $userId }</code>)
admin-order-provider = Provider: { $provider } · ပစ္စည်း <code>{ $sku }</code> · အရေအတွက် { $quantity }
admin-order-money = အရင်းစျေး: { $cost } · အမြတ်: { $margin }
admin-order-failure = မအောင်မြင်မှု: <code>{ $failure }</code>
admin-order-refunded = ငွေပြန်အမ်းခဲ့သည့်ရက်: { $date }
admin-order-live = Provider ထံရှိ လက်ရှိအခြေအနေ: <b>{ $state }</b>
admin-order-live-note = Provider မှတ်ချက်: { $note }
admin-order-live-failed = Provider ၏ လက်ရှိအခြေအနေကို မရနိုင်ပါ ({ $error })။
admin-order-live-none = လက်ရှိအခြေအနေ မရှိပါ: ဒီ provider တွင် status endpoint မရှိပါ သို့မဟုတ် အော်ဒါသည် provider ထံ မရောက်ခဲ့ပါ။
admin-order-history = <b>မှတ်တမ်း</b>
admin-order-event = { $date } · { $state }
admin-order-event-note = { $date } · { $state } · { $note }
admin-refund-done = ↩️ အော်ဒါ <code>{ $orderId }</code> ကို ငွေပြန်အမ်းပြီးပါပြီ: { $amount } ကို { $name } (<code>{ $userId }</code>) ထံ ပြန်ပေးပြီး အကြောင်းကြားပြီးပါပြီ။
admin-refund-already = ငြင်းပယ်လိုက်ပါတယ်: အော်ဒါ <code>{ $orderId }</code> ကို ငွေပြန်အမ်းပြီးသားပါ ({ $date })။ အော်ဒါတစ်ခုကို တစ်ကြိမ်သာ ငွေပြန်အမ်းပါတယ်။
admin-refund-not-charged = ငြင်းပယ်လိုက်ပါတယ်: အော်ဒါ <code>{ $orderId }</code> အတွက် ငွေ မနှုတ်ခဲ့ရလို့ ပြန်အမ်းစရာ မရှိပါ။

admin-broadcast-queued = 📢 Broadcast <code>{ $id }</code> ကို လက်ခံသူ { $total } ဦးအတွက် တန်းစီထားပါပြီ။ Telegram ၏ နှုန်းအတိုင်း ပို့ပြီး ပြီးဆုံးတာနဲ့ အစီရင်ခံပါမယ်။ ပို့ဆောင်မှု အခြေအနေ ကြည့်ရန် /broadcast တစ်ခုတည်း ပို့ပါ။
admin-broadcast-empty = ပို့ရန် အသုံးပြုနိုင်သော Reseller မရှိပါ။
admin-broadcast-progress = 📢 Broadcast <code>{ $id }</code>: စုစုပေါင်း { $total } ဦးအနက် { $delivered } ဦး ရောက်ရှိ၊ { $blocked } ဦး bot ကို block ထား၊ { $failed } ဦး မအောင်မြင်၊ { $waiting } ဦး စောင့်ဆိုင်းဆဲ။
admin-broadcast-duplicate = ဒီ Broadcast ကို တန်းစီထားပြီးသားပါ။
admin-broadcast-too-long = မက်ဆေ့ချ်သည် Telegram အတွက် ရှည်လွန်းပါတယ်: အများဆုံး စာလုံး { $max } လုံးသာ။

admin-stats-title = 📊 <b>စာရင်းအင်း</b>
admin-stats-resellers = Reseller များ: { $active } ဦး အသုံးပြုနိုင်၊ { $pending } ဦး စောင့်ဆိုင်းဆဲ၊ { $banned } ဦး ဆိုင်းငံ့ထား၊ { $rejected } ဦး ငြင်းပယ်ထား။
admin-stats-window-today = <b>ယနေ့ (UTC)</b>
admin-stats-window-7d = <b>နောက်ဆုံး 7 ရက်</b>
admin-stats-window-30d = <b>နောက်ဆုံး 30 ရက်</b>
admin-stats-no-sales = အရောင်း မရှိပါ။
admin-stats-row = { $provider } · အော်ဒါ: { $orders } · ဝင်ငွေ: { $revenue } · အမြတ်: { $margin }
admin-stats-open = ဖွင့်ထားဆဲ အော်ဒါများ: { $pending } ခု စောင့်ဆိုင်းဆဲ၊ { $unknown } ခု ရလဒ် မသိရသေး။
admin-stats-unknown-ids = ရလဒ် မသိရသေးသည်များ: { $ids }

admin-providers-title = 🔌 <b>Provider များ</b>
admin-providers-none = ဖွင့်ထားသော provider မရှိပါ။
admin-provider-idle = ⚪ <b>{ $provider }</b>: ခေါ်ဆိုမှု မရှိသေးပါ
admin-provider-ok = ✅ <b>{ $provider }</b>: နောက်ဆုံး ခေါ်ဆိုမှု အောင်မြင် ({ $endpoint }, { $latency } ms, { $at })
admin-provider-failing = ⚠️ <b>{ $provider }</b>: နောက်ဆုံး ခေါ်ဆိုမှု မအောင်မြင်၊ { $outcome } <code>{ $code }</code> ({ $endpoint }, { $latency } ms, { $at })
admin-provider-counts = စတင်ကတည်းက ခေါ်ဆိုမှု { $calls } ကြိမ်၊ { $failures } ကြိမ် မအောင်မြင်
admin-provider-balance = ကျွန်ုပ်တို့ရဲ့ လက်ကျန်ငွေ: <b>{ $balance }</b>
admin-provider-balance-failed = ကျွန်ုပ်တို့ရဲ့ လက်ကျန်ငွေကို မရနိုင်ပါ ({ $error })။


admin-audit-title = 🧾 <b>နောက်ဆုံး Admin လုပ်ဆောင်ချက် { $count } ခု</b>
admin-audit-empty = မှတ်တမ်းတင်ထားသော Admin လုပ်ဆောင်ချက် မရှိသေးပါ။
admin-audit-line = { $date } · admin <code>{ $actor }</code> · <b>{ $action }</b> · { $target }
admin-audit-change = { $before } → { $after }
admin-audit-note = မှတ်ချက်: { $note }
admin-refund-confirm-open = ⚠️ အော်ဒါ <code>{ $orderId }</code> သည် { $provider } တွင် { $state } ဖြစ်နေဆဲပါ- ပံ့ပိုးသူက ပို့ဆောင်နိုင်သေးပါသည်။ ယခု { $amount } ပြန်အမ်းပြီး ပို့ဆောင်သွားပါက ကုန်ကျစရိတ်ကို operator က ကျခံရပါမည်။ ဘော့က { $provider } ကို ဆက်မေးနေပြီး ပို့ဆောင်ပါက သင့်ကို အသိပေးပါမည်။ ပြန်အမ်းမလား?
admin-refund-button-confirm = ↩️ ပြန်အမ်းမည်
admin-refund-button-keep = အော်ဒါကို ထားမည်
admin-refund-kept = အော်ဒါ <code>{ $orderId }</code> ကို ထားလိုက်ပါပြီ- ဘာမှ ပြန်မအမ်းပါ။
admin-link-done = 🔗 အော်ဒါ <code>{ $orderId }</code> ကို { $provider } အော်ဒါ <code>{ $providerOrderId }</code> နှင့် ချိတ်ပြီးပါပြီ- သိမ်းထားသော webhook { $applied } ခု အသုံးချပြီး၊ ယခု { $state }။
admin-link-already = အော်ဒါ <code>{ $orderId }</code> ကို <code>{ $providerOrderId }</code> နှင့် ချိတ်ပြီးသားပါ။
admin-link-has-other = ငြင်းပယ်လိုက်ပါတယ်: အော်ဒါ <code>{ $orderId }</code> တွင် { $provider } အော်ဒါ <code>{ $current }</code> ရှိပြီးသားပါ။
admin-link-taken = ငြင်းပယ်လိုက်ပါတယ်: { $provider } အော်ဒါ <code>{ $providerOrderId }</code> သည် အော်ဒါ <code>{ $other }</code> ၏ ဖြစ်ပါသည်။

# --- xen ---
cmd-license = လိုင်စင် ကီး စစ်ဆေးရန်
licence-usage = /license နောက်မှာ လိုင်စင် ကီးကို ထည့်ပို့ပါ၊ ဥပမာ: <code>/license XS-ABC-DEF-GHI</code>
licence-off = လိုင်စင် စစ်ဆေးခြင်း မရနိုင်ပါ- လိုင်စင် provider ကို ဖွင့်မထားပါ။
licence-malformed = ဒါက လိုင်စင် ကီးနဲ့ မတူပါ။ ကီးဆိုတာ စာလုံးနဲ့ ဂဏန်း အုပ်စုတွေကို တုံးတိုနဲ့ ဆက်ထားတာပါ၊ ဥပမာ <code>XS-ABC-DEF-GHI</code>။
licence-unavailable = လိုင်စင် provider က အခု ပြန်မဖြေနိုင်သေးပါ။ မိနစ်အနည်းငယ်အကြာမှာ ထပ်စမ်းကြည့်ပါ။
licence-rate-limited = လိုင်စင် provider ထံ စစ်ဆေးမှုတွေ များလွန်းနေပါတယ်။ { $seconds } စက္ကန့်အကြာမှာ ထပ်စမ်းကြည့်ပါ။
licence-not-found = ❓ <code>{ $key }</code> ကီးနဲ့ လိုင်စင် မရှိပါ။
licence-title = 🔑 လိုင်စင် <code>{ $key }</code>
licence-state-valid = ✅ အသုံးပြုနိုင်သည်
licence-state-revoked = ⛔ ရုပ်သိမ်းထားသည်
licence-state-expired = ⌛ သက်တမ်းကုန်သွားပြီ
licence-state-invalid = ⚠️ အသုံးမပြုနိုင်ပါ (provider က အကြောင်းရင်း မပြောပါ)
licence-domain = ဒိုမိန်း: { $domain }
licence-domain-none = ဒိုမိန်း: ဖိုရမ်တစ်ခုနဲ့ မချိတ်ရသေးပါ
licence-expires = သက်တမ်းကုန်ရက်: { $date }
licence-expires-never = သက်တမ်းကုန်ရက်: မရှိပါ
licence-extension = Extension: { $name } { $version }
licence-extension-none = Extension: မဖော်ပြထားပါ
xen-admin-license-activated = 🔑 xen: လိုင်စင် <code>{ $key }</code> ကို { $domain } တွင် အသက်သွင်းပြီး · { $extension }
xen-admin-license-revoked = ⛔ xen: လိုင်စင် <code>{ $key }</code> ကို ရုပ်သိမ်းလိုက်ပြီ · ဒိုမိန်း { $domain } · { $extension }
xen-admin-license-domain-changed = 🔁 xen: လိုင်စင် <code>{ $key }</code> ကို ဒိုမိန်း { $domain } သို့ ပြောင်းလိုက်ပြီ · { $extension }
xen-admin-order-paid = 💶 xen: အော်ဒါ <code>{ $orderId }</code> ငွေပေးချေပြီး · { $amount } · { $extension } · လိုင်စင် <code>{ $key }</code> · { $email }
xen-admin-order-refunded = ↩️ xen: အော်ဒါ <code>{ $orderId }</code> ငွေပြန်အမ်းပြီး · { $amount } · { $extension } · လိုင်စင် <code>{ $key }</code> · { $email }
xen-admin-subscription-created = 🔄 xen: subscription စတင်ပြီး · အော်ဒါ <code>{ $orderId }</code> · { $extension } · လိုင်စင် <code>{ $key }</code> · { $email }
xen-admin-subscription-canceled = ✖️ xen: subscription ပယ်ဖျက်ပြီး · အော်ဒါ <code>{ $orderId }</code> · { $extension } · လိုင်စင် <code>{ $key }</code> · { $email }
xen-reseller-license-activated = 🔑 လိုင်စင် <code>{ $key }</code> ({ $extension }) က အခု { $domain } မှာ အသက်ဝင်နေပါပြီ။
xen-reseller-license-revoked = ⛔ လိုင်စင် <code>{ $key }</code> ({ $extension }) ကို ရုပ်သိမ်းလိုက်ပါပြီ- { $domain } မှာ အလုပ်မလုပ်တော့ပါ။
xen-reseller-license-domain-changed = 🔁 လိုင်စင် <code>{ $key }</code> ({ $extension }) က အခု ဒိုမိန်း { $domain } နဲ့ ချိတ်ထားပါပြီ။
xen-reseller-order-paid = 💶 လိုင်စင် <code>{ $key }</code> ({ $extension }) အတွက် အော်ဒါကို ငွေပေးချေပြီးပါပြီ။
xen-reseller-order-refunded = ↩️ လိုင်စင် <code>{ $key }</code> ({ $extension }) အတွက် အော်ဒါကို ငွေပြန်အမ်းပြီးပါပြီ။
xen-reseller-subscription-created = 🔄 လိုင်စင် <code>{ $key }</code> ({ $extension }) အတွက် subscription စတင်ပါပြီ။
xen-reseller-subscription-canceled = ✖️ လိုင်စင် <code>{ $key }</code> ({ $extension }) အတွက် subscription ကို ပယ်ဖျက်လိုက်ပါပြီ။
admin-provider-licence-account = အကောင့်: <b>{ $name }</b> ({ $email })
admin-provider-licence-orders = မကြာသေးမီ အော်ဒါများ:
admin-provider-licence-order = #{ $id } · { $status } · { $amount } · { $extension } · { $date }
admin-provider-licence-no-orders = အော်ဒါ မရှိသေးပါ။
admin-provider-licence-failed = အကောင့်ကို မရနိုင်ပါ ({ $error })။
# --- vifox ---
cmd-points = သင့်ရဲ့ loyalty point များ
points-off = Loyalty point များကို ယခု မရနိုင်သေးပါ။
points-ask-email-first = 🎁 ပြီးဆုံးသွားတဲ့ အော်ဒါတိုင်းအတွက် vifox မှာ <b>loyalty point</b> ရပါတယ်။ ၎င်းတို့ကို စုဆောင်းရန် <b>သင့်ကိုယ်ပိုင် အီးမေးလ်လိပ်စာ</b> ကို ပို့ပါ။
points-ask-new-email = Loyalty point အတွက် သင့်အီးမေးလ်မှာ <b>{ $email }</b> ဖြစ်ပါတယ်။ လိပ်စာအသစ်ကို ပို့ပါ။
points-bad-email = ဒါက အီးမေးလ်လိပ်စာနဲ့ မတူပါ။ <code>name@example.com</code> ကဲ့သို့ လိပ်စာကို ပို့ပါ၊ ဒါမှမဟုတ် /cancel ကို ပို့ပါ။
points-email-saved = ✅ သိမ်းဆည်းပြီးပါပြီ: <b>{ $email }</b>။ vifox မှာ မှတ်ပုံတင်နေပြီး ပြီးဆုံးတဲ့အခါ သင့်ထံ စာပို့ပေးပါမယ်။
points-email-unchanged = <b>{ $email }</b> သည် loyalty point အတွက် သင့်အီးမေးလ် ဖြစ်ပြီးသားပါ။
points-registered = ✅ <b>{ $email }</b> ကို loyalty point အတွက် မှတ်ပုံတင်ပြီးပါပြီ။ ကြည့်ရန် /points ကို ပို့ပါ။
points-email-refused = ⚠️ vifox က အီးမေးလ် <b>{ $email }</b> ကို လက်မခံပါ။ သင့် point များကို စုဆောင်းရန် အခြားအီးမေးလ်တစ်ခု သတ်မှတ်ပါ။
points-ask-email = 🎁 သင့်အော်ဒါအတွက် loyalty point ရပါပြီ! ၎င်းတို့ကို စုဆောင်းရန် သင့်အီးမေးလ်လိပ်စာကို သတ်မှတ်ပါ။
points-btn-set-email = ✉️ ကျွန်ုပ်၏ အီးမေးလ် သတ်မှတ်ရန်
points-btn-change-email = ✉️ အီးမေးလ် ပြောင်းရန်
points-registering = ⏳ သင့်အီးမေးလ် <b>{ $email }</b> ကို loyalty point အတွက် မှတ်ပုံတင်နေဆဲပါ။ ခဏအကြာတွင် ပြန်စစ်ကြည့်ပါ။
points-unreachable = vifox ကို ယခု ဆက်သွယ်၍ မရသောကြောင့် သင့် point များကို မပြနိုင်ပါ (အီးမေးလ်: { $email })။ နောက်မှ ထပ်ကြိုးစားပါ။
points-title = 🎁 <b>Loyalty point</b>: { $points }
points-email-line = အီးမေးလ်: { $email }
points-pending-line = ထည့်ပေးရန် စောင့်ဆိုင်းဆဲ: အော်ဒါ { $count } ခုမှ point { $points }။
points-history-title = <b>မကြာသေးမီက မှတ်တမ်း</b>
points-history-none = Point မရှိသေးပါ။
points-history-line = { $date } · <b>{ $points }</b> · { $what }
points-awarded = 🎁 အော်ဒါ <code>{ $orderId }</code> အတွက် loyalty point <b>+{ $points }</b> ရပါပြီ။
points-limit-reached = အော်ဒါ <code>{ $orderId }</code> အတွက် loyalty point မရပါ: သင့် vifox အကောင့်သည် point ကန့်သတ်ချက်သို့ ရောက်သွားပါပြီ။
admin-points-pool-dry = ⚠️ vifox ၏ liquidity pool သည် point ပေးရန် မလုံလောက်ပါ (အော်ဒါ <code>{ $orderId }</code>၊ point { $points })။ Point ပေးခြင်းများကို စောင့်ဆိုင်းပြီး ထပ်ကြိုးစားပါမယ်၊ pool ကို ဖြည့်ပေးပါ။ Point ပေးခြင်း ထပ်မံအောင်မြင်သည်အထိ ဒီစာကို တစ်ကြိမ်သာ ပို့ပါမယ်။
admin-points-auth = 🔑 vifox က ကျွန်ုပ်တို့ရဲ့ ဝင်ရောက်ခွင့် အချက်အလက် (credentials) ကို ငြင်းပယ်ပါတယ် (<code>{ $code }</code>)။ Point ပေးခြင်းများကို စောင့်ဆိုင်းပြီး ထပ်ကြိုးစားပါမယ်၊ VIFOX_API_KEY၊ VIFOX_API_SECRET နဲ့ VIFOX_PARTNER_NAME ကို စစ်ဆေးပါ။
admin-points-award-failed = ⚠️ အော်ဒါ <code>{ $orderId }</code> (အသုံးပြုသူ <code>{ $userId }</code>) ၏ point ပေးခြင်း မအောင်မြင်ပါ၊ ထပ်မကြိုးစားပါ: { $reason }
admin-provider-pool = Liquidity pool: point <b>{ $points }</b> · နှုန်း { $rate }
admin-provider-pool-failed = Liquidity pool ကို မရနိုင်ပါ ({ $error })။
# --- xpay ---
cmd-deposit = ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ရန်
deposit-title = 💳 xpay မှတစ်ဆင့် <b>သင့် { $currency } ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ရန်</b>
deposit-limits = ပမာဏတစ်ခု ရွေးပါ၊ ဒါမှမဟုတ် { $min } မှ { $max } အတွင်း ပမာဏကို ရိုက်ထည့်ပါ။
btn-deposit-other = ✏️ ပမာဏ ရိုက်ထည့်ရန်
deposit-open-title = <b>ငွေပေးချေမှု စောင့်နေဆဲ</b>
deposit-open-line = • <code>{ $depositId }</code>: { $amount }၊ { $expires } မတိုင်မီ ပေးချေပါ
btn-deposit-pay = 💳 ယခု ပေးချေရန်
btn-deposit-cancel = ✖️ ဒီငွေဖြည့်မှုကို ပယ်ဖျက်ရန်
btn-deposit-pay-id = 💳 { $depositId } ကို ပေးချေရန်
btn-deposit-cancel-id = ✖️ { $depositId } ကို ပယ်ဖျက်ရန်
deposit-unavailable = ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ခြင်းကို ယခု မရနိုင်သေးပါ။
deposit-not-allowed = အတည်ပြုပြီးသား Reseller များသာ ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်နိုင်ပါတယ်။
deposit-ask-amount = ဘယ်လောက် ငွေဖြည့်ချင်ပါသလဲ။ { $min } မှ { $max } အတွင်း { $currency } ကိန်းပြည့်ပမာဏကို ရိုက်ထည့်ပါ။
deposit-amount-format = ဒါက ကိန်းပြည့်ပမာဏ မဟုတ်ပါ။ ဂဏန်းသက်သက်သာ ရိုက်ပါ၊ ဥပမာ 75000။
deposit-amount-low = ပမာဏ နည်းလွန်းပါတယ်: အနည်းဆုံး ငွေဖြည့်ပမာဏက { $min } ဖြစ်ပါတယ်။
deposit-amount-high = ပမာဏ များလွန်းပါတယ်: အများဆုံး ငွေဖြည့်ပမာဏက { $max } ဖြစ်ပါတယ်။
deposit-too-many = ငွေပေးချေမှု စောင့်နေတဲ့ ငွေဖြည့်မှု { $max } ခု ရှိနေပါပြီ။ အရင်ဆုံး တစ်ခုခုကို ပေးချေပါ ဒါမှမဟုတ် ပယ်ဖျက်ပါ (/deposit)။
deposit-creating = ⏳ { $amount } အတွက် xpay ငွေတောင်းခံလွှာကို ဖန်တီးနေပါတယ် (ငွေဖြည့်မှု <code>{ $depositId }</code>)။ ငွေပေးချေရန် လင့်ခ်ကို မကြာမီ ပို့ပေးပါမယ်။
deposit-bill =
    🧾 <b>ငွေဖြည့်မှု { $depositId }</b>
    { $expires } မတိုင်မီ xpay မှတစ်ဆင့် <b>{ $amount }</b> ကို ပေးချေပါ။
    { $hasInstructions ->
        [yes] { $instructions }
       *[no] ပေးချေရန် အောက်ပါခလုတ်ကို နှိပ်ပါ။
    }
deposit-delayed = ⏳ ငွေဖြည့်မှု <code>{ $depositId }</code> ({ $amount }) အတွက် ငွေတောင်းခံလွှာကို xpay က မအတည်ပြုရသေးပါ။ အတည်ပြုတာနဲ့ ငွေပေးချေရန် လင့်ခ်ကို ပို့ပေးပါမယ်၊ ငွေတောင်းခံလွှာ မဖန်တီးနိုင်ခဲ့ရင်လည်း အသိပေးပါမယ်။ ဘာငွေမှ မနှုတ်ရသေးပါ။
deposit-paid = ✅ ငွေဖြည့်မှု <code>{ $depositId }</code> ကို ပေးချေပြီးပါပြီ: သင့်ပိုက်ဆံအိတ်ထဲ { $amount } ထည့်ပြီးပါပြီ။ လက်ကျန်ငွေ: <b>{ $balance }</b>။
deposit-expired = ⌛ ငွေဖြည့်မှု <code>{ $depositId }</code> ({ $amount }) ၏ ငွေတောင်းခံလွှာက မပေးချေဘဲ သက်တမ်းကုန်သွားပါပြီ။ သင့်ပိုက်ဆံအိတ်ထဲ ဘာမှ မထည့်ရပါ၊ ပြန်စရန် /deposit ကို ပို့ပါ။
deposit-cancelled = ✖️ ငွေဖြည့်မှု <code>{ $depositId }</code> ({ $amount }) ကို ပယ်ဖျက်လိုက်ပါပြီ။ သင့်ပိုက်ဆံအိတ်ထဲ ဘာမှ မထည့်ရပါ။
deposit-failed = ⚠️ ငွေဖြည့်မှု <code>{ $depositId }</code> ({ $amount }) အတွက် xpay က ငွေတောင်းခံလွှာ မဖန်တီးနိုင်ခဲ့ပါ။ ဘာငွေမှ မနှုတ်ရပါ၊ နောက်မှ /deposit ကို ထပ်စမ်းကြည့်ပါ။
deposit-cancel-failed = ⚠️ xpay က မဖြေကြားလို့ ငွေဖြည့်မှု <code>{ $depositId }</code> ကို ယခု ပယ်ဖျက်လို့ မရသေးပါ။ မိနစ်အနည်းငယ်အကြာမှာ ထပ်စမ်းကြည့်ပါ။
deposit-cancelling = ငွေဖြည့်မှုကို ပယ်ဖျက်နေပါတယ်…
deposit-not-found = ဒီငွေဖြည့်မှုကို ရှာမတွေ့ပါ။
deposit-state-open = ငွေဖြည့်မှု { $depositId } က ငွေပေးချေမှု စောင့်နေဆဲပါ။
deposit-state-paid = ငွေဖြည့်မှု { $depositId } ကို ပေးချေပြီးသားပါ။
deposit-state-expired = ငွေဖြည့်မှု { $depositId } က သက်တမ်းကုန်ပြီးသားပါ။
deposit-state-cancelled = ငွေဖြည့်မှု { $depositId } ကို ပယ်ဖျက်ပြီးသားပါ။
admin-deposit-mismatch = ⚠️ xpay ငွေတောင်းခံလွှာ <code>{ $billId }</code> က ငွေဖြည့်မှု <code>{ $depositId }</code> နဲ့ မကိုက်ညီပါ (reference၊ ပမာဏ သို့မဟုတ် ငွေကြေး)။ ဘာမှ မဖြည့်ရပါ၊ xpay မှာ စစ်ဆေးပါ။
admin-deposit-paid-closed = ⚠️ xpay ငွေတောင်းခံလွှာ <code>{ $billId }</code> ကို ပေးချေပြီးပါပြီ၊ ဒါပေမဲ့ ငွေဖြည့်မှု <code>{ $depositId }</code> ကို ငွေမဖြည့်ဘဲ ပိတ်ပြီးသားပါ။ xpay မှာ စစ်ဆေးပြီးနောက် Reseller ထံ ကိုယ်တိုင် ငွေဖြည့်ပေးပါ (/credit)။
# --- i11-reseller ---
btn-receipt = 🧾 ပြေစာ
btn-buy-again = 🔁 ထပ်ဝယ်မယ်
again-gone = ဒီပစ္စည်းကို မရောင်းတော့လို့ ထပ်ဝယ်လို့ မရပါ။ ရောင်းနေတာတွေ ကြည့်ဖို့ /products ကို ပို့ပါ။
again-out-of-stock = ဒီပစ္စည်း အခု ပြတ်နေပါတယ်။ နောက်မှ ထပ်ကြိုးစားပါ။
receipt-not-ready = အော်ဒါ ပြီးဆုံးမှသာ ပြေစာ ရနိုင်ပါတယ်။
receipt-title = 🧾 <b>ပြေစာ</b>
receipt-product = ပစ္စည်း: { $product }
receipt-player = Player ID: <code>{ $player }</code>
receipt-zone = Zone: <code>{ $zone }</code>
receipt-nickname = ဂိမ်းအမည်: { $nickname }
receipt-email = ဖောက်သည် အီးမေးလ်: { $email }
receipt-quantity = အရေအတွက်: { $quantity }
receipt-tracking = ခြေရာခံနံပါတ်: <code>{ $tracking }</code>
receipt-time = ပေးပို့ပြီးချိန်: { $date }
receipt-order = အော်ဒါ: <code>{ $orderId }</code>
receipt-transaction = ငွေလွှဲ ID: <code>{ $transactionId }</code>
saved-pick-hint = ဒါမှမဟုတ် အောက်က မကြာသေးမီ ဖောက်သည်ကို နှိပ်ပါ (စီမံရန် /customers)။
cmd-customers = သိမ်းထားသော ဖောက်သည်များ
customers-title = <b>သိမ်းထားသော ဖောက်သည်များ</b>: သင် နောက်ဆုံး ဝယ်ပေးခဲ့တဲ့ Player ID နဲ့ အီးမေးလ်များ၊ ဝယ်တဲ့အခါ ခလုတ်အဖြစ် ပြပေးပါတယ်။ ဖျက်ချင်တာကို နှိပ်ပါ။
customers-players = <b>Player ID များ</b>
customers-emails = <b>အီးမေးလ်များ</b>
customers-player-line = • <code>{ $player }</code> · zone { $zone } · { $nickname }
customers-email-line = • { $email }
customers-empty = သိမ်းထားသော ဖောက်သည် မရှိသေးပါ။ သင် ဝယ်ပေးတဲ့ Player ID နဲ့ အီးမေးလ်တွေကို ဝယ်တိုင်း ဒီမှာ သိမ်းပေးပါမယ်။
customers-forgotten = ဖျက်လိုက်ပါပြီ။
customers-forget-gone = အဲဒီ ဖောက်သည်ကို ဖျက်ပြီးသားပါ။
cmd-pricelist = သင့်စျေးနှုန်းစာရင်း
pricelist-title = <b>သင့်စျေးနှုန်းများ</b> (စာမျက်နှာ { $page }/{ $pages })
pricelist-category = <b>{ $category }</b>
pricelist-item = { $name } · { $price }
pricelist-item-out = { $name } · { $price } · ပစ္စည်းပြတ်
pricelist-empty = အခု ဘာမှ မရောင်းသေးပါ။ နောက်မှ ထပ်ကြိုးစားပါ။
pricelist-csv-header = အမျိုးအစား,ပစ္စည်း,ပစ္စည်း_ID,စျေးနှုန်း,ငွေကြေး,ရနိုင်
pricelist-csv-caption = { $date } အချိန်က သင့်စျေးနှုန်းစာရင်း: အခု ဝယ်ရင် ကောက်မယ့် သင့်ကိုယ်ပိုင် စျေးနှုန်းများ။
btn-pricelist-csv = 📄 စျေးနှုန်းစာရင်း (CSV)
cmd-lowbalance = လက်ကျန်ငွေ နည်းကြောင်း သတိပေးချက်
lowbal-alert = ⚠️ သင့်လက်ကျန်ငွေ နည်းနေပါပြီ: { $balance }၊ သင်သတ်မှတ်ထားတဲ့ { $level } အောက် ရောက်သွားပါပြီ။ ပိုက်ဆံအိတ်ထဲ ငွေဖြည့်ပေးဖို့ Admin ကို ပြောပါ။
lowbal-title = 🔔 <b>လက်ကျန်ငွေ နည်းကြောင်း သတိပေးချက်များ</b>
lowbal-line = { $currency }: လက်ကျန်ငွေ { $level } အောက် ကျသွားတဲ့အခါ
lowbal-none = သတိပေးချက် မသတ်မှတ်ရသေးပါ။
lowbal-usage = /lowbalance &lt;ပမာဏ&gt; &lt;ငွေကြေး&gt; နဲ့ သတ်မှတ်ပါ၊ ဥပမာ <code>/lowbalance 50000 IDR</code>။ <code>/lowbalance off</code> နဲ့ ဖျက်ပါ။
lowbal-set = 🔔 သတ်မှတ်ပြီးပါပြီ: သင့် { $currency } လက်ကျန်ငွေ { $level } အောက် ကျသွားတဲ့အခါ စာတစ်စောင် ပို့ပေးပါမယ်။
lowbal-already-below = သင့်လက်ကျန်ငွေ ({ $balance }) က အဲဒီအောက်မှာ ရှိနေပြီးသားပါ: လက်ကျန်ငွေ အဲဒီပမာဏအထိ ပြန်တက်ပြီး ထပ်ကျမှ သတိပေးပါမယ်။
lowbal-cleared-one = 🔕 { $currency } အတွက် လက်ကျန်ငွေ သတိပေးချက်ကို ဖျက်လိုက်ပါပြီ။
lowbal-cleared-all = 🔕 သင့်ရဲ့ လက်ကျန်ငွေ သတိပေးချက် အားလုံးကို ဖျက်လိုက်ပါပြီ။
lowbal-nothing = ဖျက်စရာ လက်ကျန်ငွေ သတိပေးချက် မရှိပါ။
lowbal-bad-currency = “{ $currency }” ဆိုတဲ့ ငွေကြေးကို မသိပါ။ ကုဒ်နဲ့ ရေးပါ၊ ဥပမာ IDR။
lowbal-bad-amount = “{ $amount }” က မှန်ကန်တဲ့ { $currency } ပမာဏ မဟုတ်ပါ: ပုံမှန်ရေးသလို ရေးပါ၊ ဥပမာ 50000 သို့မဟုတ် 50.000။
lowbal-which-currency = ဘယ်ငွေကြေးလဲ? ဥပမာ <code>/lowbalance { $amount } IDR</code>။
btn-lowbal = 🔔 လက်ကျန်ငွေ သတိပေးချက်
btn-lowbal-clear = 🔕 { $currency } သတိပေးချက်ကို ဖျက်မယ်
help-reseller-tools =
    /pricelist: သင့်စျေးနှုန်းများနဲ့ မျှဝေဖို့ CSV
    /customers: သိမ်းထားသော Player ID နဲ့ အီးမေးလ်များ
    /lowbalance: လက်ကျန်ငွေ နည်းလာရင် သတိပေးစာ

# --- i11-ops ---
cmd-report = မနေ့က နေ့စဉ် အစီရင်ခံစာ
ops-report =
    📋 <b>{ $day } နေ့စဉ် အစီရင်ခံစာ</b> ({ $zone })

    <b>အရောင်း</b>
    { $sales }

    <b>ငွေပြန်အမ်းမှုများ</b>: { $refunds }
    <b>ဝင်ရောက်ပြီး ငွေသွင်းမှုများ</b>: { $deposits }
    <b>ရလဒ် မသိရသေးဘဲ ဖွင့်ထားဆဲ အော်ဒါများ</b>: { $unknown }

    <b>Provider များ</b>
    { $providers }
ops-report-sale = { $provider }: အော်ဒါ { $orders } ခု · ဝင်ငွေ { $revenue } · အမြတ် { $margin }
ops-report-no-sales = အရောင်း မရှိပါ။
ops-report-none = မရှိပါ
ops-report-total = { $count } ကြိမ်၊ စုစုပေါင်း { $sum }
ops-report-provider-ok = { $provider }: ကောင်းမွန် (နောက်ဆုံး ခေါ်ဆိုမှု { $endpoint }၊ { $at })
ops-report-provider-failing = { $provider }: ချို့ယွင်းနေ၊ { $outcome } { $code } (နောက်ဆုံး ခေါ်ဆိုမှု { $endpoint }၊ { $at })
ops-report-provider-idle = { $provider }: Bot စတင်ပြီးကတည်းက ခေါ်ဆိုမှု မရှိသေးပါ
ops-report-balance = လက်ကျန်ငွေ { $balance }
ops-report-pool = liquidity pool point { $points }
ops-report-check-failed = စစ်ဆေးမှု မအောင်မြင်ပါ ({ $error })
ops-balance-low = ⚠️ <b>{ $provider }</b> ရှိ ကျွန်ုပ်တို့ရဲ့ လက်ကျန်ငွေ <b>{ $value }</b> သာ ကျန်ပြီး သတိပေးအဆင့် { $threshold } အောက် ရောက်နေပါပြီ။ ငွေကုန်သွားရင် ဒီ Provider ထံ အော်ဒါများ မအောင်မြင်တော့ပါ၊ ငွေဖြည့်ပေးပါ။
ops-balance-recovered = ✅ <b>{ $provider }</b> ရှိ ကျွန်ုပ်တို့ရဲ့ လက်ကျန်ငွေ <b>{ $value }</b> သို့ ပြန်ရောက်ပါပြီ (သတိပေးအဆင့် { $threshold })။
ops-pool-low = ⚠️ <b>{ $provider }</b> ၏ liquidity pool သည် point <b>{ $value }</b> သာ ကျန်ပြီး သတိပေးအဆင့် { $threshold } အောက် ရောက်နေပါပြီ။ Pool ကုန်သွားရင် point ပေးခြင်းများ စောင့်ဆိုင်းရပါမယ်၊ ဖြည့်ပေးပါ။
ops-pool-recovered = ✅ <b>{ $provider }</b> ၏ liquidity pool သည် point <b>{ $value }</b> သို့ ပြန်ရောက်ပါပြီ (သတိပေးအဆင့် { $threshold })။
admin-stats-chart = 📈 { $currency }: တစ်ရက်ချင်း ဝင်ငွေ (အပေါ်၊ { $currency } ဖြင့်) နဲ့ တစ်ရက်ချင်း အော်ဒါ (အောက်)၊ { $from } မှ { $to } ထိ ({ $zone })

# --- bulk ---
btn-bulk = 📋 အစုလိုက်: ကစားသူ အများအပြား တစ်ပြိုင်နက်
bulk-ask =
    📋 { $product } <b>အစုလိုက် ငွေဖြည့်ခြင်း</b>: မက်ဆေ့ချ် တစ်ခုတည်းတွင် လိုင်း { $max } ကြောင်းအထိ ပို့ပါ၊ တစ်ကြောင်းလျှင် ကစားသူ တစ်ဦး၊
    <code>playerId zone</code>၊ <code>playerId(zone)</code> သို့မဟုတ် <code>playerId</code> ပုံစံဖြင့်။ လိုင်းတစ်ကြောင်းစီသည် သီးခြား အော်ဒါတစ်ခု ဖြစ်မည်။
bulk-ask-no-zone = 📋 { $product } <b>အစုလိုက် ငွေဖြည့်ခြင်း</b>: မက်ဆေ့ချ် တစ်ခုတည်းတွင် ကစားသူ ID { $max } ခုအထိ တစ်ကြောင်းလျှင် တစ်ခုစီ ပို့ပါ။ လိုင်းတစ်ကြောင်းစီသည် သီးခြား အော်ဒါတစ်ခု ဖြစ်မည်။
bulk-too-many = လိုင်း { $count } ကြောင်း ဖြစ်နေသည်၊ အစုလိုက် ငွေဖြည့်ခြင်း တစ်ခုတွင် အများဆုံး { $max } ကြောင်းသာ ရသည်။ လိုင်း နည်းနည်း ပို့ပါ။
bulk-bad-title = ⚠️ ချန်ထားခဲ့သော လိုင်းများ: { $count }
bulk-bad-line = လိုင်း { $line }: <code>{ $text }</code> — { $reason }
bulk-bad-more = …နောက်ထပ် { $count } ကြောင်း။
bulk-reason-format = "playerId zone"၊ "playerId(zone)" သို့မဟုတ် "playerId" ပုံစံဖြင့် ရေးပါ။
bulk-reason-player = ကစားသူ ID သည် စာလုံး သို့မဟုတ် ဂဏန်း 3 လုံးမှ 24 လုံး ဖြစ်ရမည်။
bulk-reason-zone = zone သည် စာလုံး၊ ဂဏန်း၊ _ သို့မဟုတ် - 1 လုံးမှ 12 လုံး ဖြစ်ရမည်။
bulk-reason-zone-missing = ဤဂိမ်းအတွက် zone လိုအပ်သည်။
bulk-reason-zone-none = ဤဂိမ်းတွင် zone မသုံးပါ။
bulk-none-valid = သုံးနိုင်သည့် လိုင်း မရှိပါ။ ပြင်ပြီး လိုင်းများကို ထပ်ပို့ပါ။
bulk-card-title = <b>သင့် အစုလိုက် ငွေဖြည့်ခြင်းကို အတည်ပြုပါ</b>
bulk-card-count = အော်ဒါ: <b>{ $count }</b> (လိုင်းတစ်ကြောင်းလျှင် တစ်ခု)
bulk-card-price = ဈေးနှုန်း: တစ်ခုလျှင် { $price }၊ စုစုပေါင်း <b>{ $total }</b>
bulk-card-short = ⚠️ သင့်လက်ကျန်ငွေသည် အော်ဒါ { $count } ခုအနက် { $covered } ခုအတွက်သာ လုံလောက်သည်: အတည်ပြုလျှင် လိုင်းအစဉ်အတိုင်း ပထမ { $covered } ခုကို တင်ပြီး ကျန်သည်များကို ချန်ထားမည်။
bulk-placing = ⏳ သင့်အော်ဒါများကို တင်နေသည်…
bulk-already = ဤအစုလိုက် ငွေဖြည့်ခြင်းကို အတည်ပြုပြီး သို့မဟုတ် ပယ်ဖျက်ပြီး ဖြစ်သည်။
bulk-placed = 🛒 အော်ဒါ { $count } ခုအနက် { $placed } ခု လက်ခံပြီး: { $product }၊ သင့်ပိုက်ဆံအိတ်မှ { $amount } နုတ်ယူပြီး။ ယခု ပံ့ပိုးသူထံ ပို့နေပြီ၊ အားလုံး အဖြေရသောအခါ အနှစ်ချုပ် တစ်ခု ပို့ပေးမည်။
bulk-queued = ⏳ အချို့ အော်ဒါများသည် ပံ့ပိုးသူထံ တန်းစီစောင့်နေပြီး လက်ခံနိုင်သည်နှင့် တစ်ပြိုင်နက် တင်ပေးမည်။
bulk-nothing-placed = ❌ မည်သည့် အော်ဒါမျှ မတင်ရပါ။ ငွေ တစ်ပြားမှ မနုတ်ရပါ။
bulk-not-placed = မတင်ရသည်များ ({ $count }): { $reason }
bulk-not-placed-balance = သင့်လက်ကျန်ငွေ ကုန်သွားသည် (ယခု { $balance })။
bulk-summary =
    📦 <b>အစုလိုက် ငွေဖြည့်ခြင်း ပြီးဆုံး</b>: { $product }၊ လိုင်း { $lines } ကြောင်း
    ✅ တင်ပြီး: { $placed }
    ❌ ငြင်းပယ်ခံရ၍ ငွေပြန်အမ်းပြီး: { $refused }{ $refusedLines }
    ⚠️ စစ်ဆေးနေဆဲ၊ ငွေကို ထိန်းထားသည်: { $unknown }{ $unknownLines }
    ⏸ မတင်ရ၊ ငွေမနုတ်: { $notPlaced }{ $notPlacedLines }
