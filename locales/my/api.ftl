# --- ပြန်လည်ရောင်းချသူ API (SPEC §8) ---
cmd-api = သင့်ဆိုင် သို့မဟုတ် ဘော့အတွက် API ကီးများ
help-api = /api: HTTP ဖြင့် သင့်ကိုယ်ပိုင်ဆိုင် သို့မဟုတ် ဘော့မှ မှာယူရန် API ကီး
api-title = <b>ပြန်လည်ရောင်းချသူ API</b>
api-no-key = API ကီး မရှိသေးပါ။ ဤပိုက်ဆံအိတ်နှင့် ဤဈေးနှုန်းများဖြင့် သင့်ကိုယ်ပိုင်ဆိုင် သို့မဟုတ် ဘော့မှ HTTP ဖြင့် မှာယူရန် တစ်ခု ဖန်တီးပါ။
api-key-line = ကီး: <code>{ $hint }</code> ({ $date } တွင် ဖန်တီးသည်)
api-url-line = Callback URL: { $url }
api-url-none = Callback URL: မသတ်မှတ်ရသေးပါ
api-ips-line = ခွင့်ပြုထားသော IP များ: { $ips }
api-ips-any = ခွင့်ပြုထားသော IP များ: လိပ်စာအားလုံး
api-notify-on = ဤချက်တွင် API မှာယူမှုများ: ဖွင့်ထားသည်
api-notify-off = ဤချက်တွင် API မှာယူမှုများ: ပိတ်ထားသည်
api-last-none = နောက်ဆုံး callback: မရှိသေးပါ
api-last-ok = နောက်ဆုံး callback: ✅ HTTP { $status }, { $date }
api-last-failed = နောက်ဆုံး callback: ❌ { $why }, { $date }
api-docs = API ဖော်ပြချက်ကို ဤဘော့၏ ဆာဗာပေါ်ရှိ <code>/api/v1/openapi.json</code> တွင် ကြည့်နိုင်သည်။
btn-api-create = 🔑 ကီး ဖန်တီးရန်
btn-api-rotate = 🔄 ကီး အသစ်လဲရန်
btn-api-revoke = 🗑 ကီး ရုပ်သိမ်းရန်
btn-api-url = 🔗 Callback URL
btn-api-ips = 🌐 ခွင့်ပြုထားသော IP များ
btn-api-notify-on = 🔔 API မှာယူမှုများကို ဤနေရာတွင် ပြရန်
btn-api-notify-off = 🔕 API မှာယူမှုများကို ဤနေရာတွင် မပြတော့ရန်
btn-api-confirm-rotate = ဟုတ်ကဲ့၊ အသစ်လဲပါ
btn-api-confirm-revoke = ဟုတ်ကဲ့၊ ရုပ်သိမ်းပါ
btn-api-forget = 🗑 ဤမက်ဆေ့ချ်ကို ဖျက်ရန်
api-key-shown =
    🔑 <b>သင့် API ကီး</b> (ယခုတစ်ကြိမ်သာ ပြသည်)
    <code>{ $key }</code>

    Callback လျှို့ဝှက်ချက် (ကျွန်ုပ်တို့၏ callback လက်မှတ်များကို စစ်ရန်):
    <code>{ $secret }</code>

    နှစ်ခုလုံးကို ယခု ကူးယူပြီး ဤမက်ဆေ့ချ်ကို ဖျက်ပါ။ ကျွန်ုပ်တို့သည် ကီး၏ hash ကိုသာ သိမ်းထားသဖြင့် မည်သူမျှ ထပ်မပြနိုင်ပါ။ ကီးအသစ်သည် ဤကီးကို ရပ်စေသည်။
api-forget-failed = ထိုမက်ဆေ့ချ်ကို Telegram က ဖျက်ခွင့်မပြုတော့ပါ: ကိုယ်တိုင် ဖျက်ပေးပါ။
api-rotate-confirm = ကီးကို အသစ်လဲမလား။ လက်ရှိကီးနှင့် callback လျှို့ဝှက်ချက်သည် ချက်ချင်း အလုပ်မလုပ်တော့ပါ။
api-revoke-confirm = ကီးကို ရုပ်သိမ်းမလား။ ယခုမှစ၍ ၎င်းဖြင့် ခေါ်ဆိုမှုအားလုံး ငြင်းပယ်ခံရမည်။
api-revoked = ကီးကို ရုပ်သိမ်းပြီး: ၎င်းဖြင့် ခေါ်ဆိုမှုများကို ငြင်းပယ်သည်။
api-nothing-to-revoke = ရုပ်သိမ်းရန် ကီး မရှိပါ။
api-url-ask = Callback URL ကို ဤသို့ ပို့ပါ: <code>/api url https://your-shop.example/hooks</code> (https သာ)။ <code>/api url off</code> ဖြင့် ဖယ်ရှားနိုင်သည်။
api-ips-ask = သင့်ကီးဖြင့် ခေါ်ဆိုခွင့်ရှိသော လိပ်စာများကို ပို့ပါ: <code>/api ips 203.0.113.7, 198.51.100.0/24, 2001:db8::/32</code>။ <code>/api ips off</code> ဖြင့် လိပ်စာအားလုံးကို ခွင့်ပြုသည်။
api-url-set =
    Callback URL သတ်မှတ်ပြီး: { $url }
    စမ်းသပ် ping: { $ping }
api-ping-ok = ✅ HTTP { $status } ဖြင့် ဖြေသည်
api-ping-failed = ❌ { $why }
api-url-removed = Callback URL ကို ဖယ်ရှားပြီး: callback များ မပို့တော့ပါ။
api-url-refused-bad_url = ၎င်းသည် ကျွန်ုပ် ခေါ်ဆိုနိုင်သော URL မဟုတ်ပါ။
api-url-refused-not_https = Callback URL သည် https:// ဖြင့် စရမည်။
api-url-refused-unresolvable = ထို host အမည်ကို ရှာမတွေ့ပါ။
api-url-refused-blocked_address = ထိုလိပ်စာသည် ပုဂ္ဂလိက သို့မဟုတ် local ဖြစ်သည်: callback များကို အများသုံးလိပ်စာများသို့သာ ပို့သည်။
api-ips-set = ခွင့်ပြုထားသော IP များ: { $ips }
api-ips-cleared = ယခု မည်သည့်လိပ်စာမဆို သင့်ကီးဖြင့် ခေါ်ဆိုနိုင်သည်။
api-ips-bad = “{ $entry }” သည် IP လိပ်စာ သို့မဟုတ် CIDR အပိုင်းအခြား မဟုတ်ပါ (ဥပမာ 203.0.113.7 သို့မဟုတ် 198.51.100.0/24)။
api-notify-set-on = API မှာယူမှုများကို ဤချက်တွင်လည်း ပြပါမည်။
api-notify-set-off = API မှာယူမှုများကို ဤချက်တွင် မပြတော့ပါ။
api-usage = အသုံးပြုပုံ: <code>/api</code>, <code>/api url https://…</code> သို့မဟုတ် <code>off</code>, <code>/api ips 203.0.113.7, 198.51.100.0/24</code> သို့မဟုတ် <code>off</code>
api-why-timeout = ၁၀ စက္ကန့်အတွင်း အဖြေမရှိပါ
api-why-unreachable = ချိတ်ဆက်၍ မရပါ
api-why-blocked_address = လိပ်စာသည် အများသုံး မဟုတ်ပါ
api-why-status = HTTP { $status } ဖြင့် ဖြေသည်
