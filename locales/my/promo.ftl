# --- ပရိုမိုကုဒ်များ (SPEC §7) ---
cmd-promo = ပရိုမိုကုဒ်များ (admin)
admin-usage-promo = အသုံးပြုပုံ: /promo add &lt;CODE&gt; &lt;n%|ပမာဏ ငွေကြေး&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=ပမာဏ] [product=&lt;id&gt;] · /promo list · /promo off &lt;CODE&gt; · /promo &lt;CODE&gt;
admin-help-promo = /promo add &lt;CODE&gt; &lt;n%|ပမာဏ ငွေကြေး&gt; [uses=N] [per=N] [until=YYYY-MM-DD] [min=ပမာဏ] [product=&lt;id&gt;], /promo list, /promo off &lt;CODE&gt;, /promo &lt;CODE&gt;: ပရိုမိုကုဒ်များ
promo-bad-code = “{ $code }” သည် ပရိုမိုကုဒ် မဟုတ်ပါ: စာလုံး၊ ဂဏန်း၊ - သို့မဟုတ် _ ၂–၃၂ လုံး သုံးပါ (add၊ list၊ off မဟုတ်ရ)။
promo-bad-percent = “{ $value }” သည် လျှော့စျေး မဟုတ်ပါ: 0.01% မှ 100% အထိ ရာခိုင်နှုန်းဖြင့် ရေးပါ၊ ဥပမာ 10% သို့မဟုတ် 12.5%။
promo-bad-option = “{ $option }” ကို နားမလည်ပါ။ ရွေးချယ်စရာများ: uses=N, per=N, until=YYYY-MM-DD, min=ပမာဏ, product=&lt;id&gt;။
promo-min-currency = “{ $option }”: ရာခိုင်နှုန်းကုဒ်၏ အနည်းဆုံးပမာဏတွင် ငွေကြေးကို ဖော်ပြရမည်၊ ဥပမာ min=50000IDR; ပမာဏကုဒ်၏ အနည်းဆုံးသည် ကုဒ်၏ ငွေကြေးဖြင့် ဖြစ်သည်။
promo-exists = ကုဒ် <code>{ $code }</code> ရှိပြီးသား ဖြစ်သည်။ /promo off { $code } ဖြင့် ပိတ်ပြီး အခြားအမည်တစ်ခု ရွေးပါ။
promo-added = ✅ ပရိုမိုကုဒ် <code>{ $code }</code> ထည့်ပြီးပါပြီ။
promo-turned-off = ပရိုမိုကုဒ် <code>{ $code }</code> ကို ပိတ်လိုက်ပြီ: အော်ဒါအသစ်များတွင် မသုံးနိုင်တော့ပါ။
promo-not-found = ပရိုမိုကုဒ် <code>{ $code }</code> မရှိပါ။ /promo list ကို ကြည့်ပါ။
promo-none = ပရိုမိုကုဒ် မရှိသေးပါ။ ထည့်ရန်: /promo add HEMAT10 10% uses=100 per=1
promo-title = <b>ပရိုမိုကုဒ်များ</b>
promo-state-on = 🟢
promo-state-off = ⚪️ ပိတ်ထား
promo-money = { $amount }
promo-uses = { $max } ကြိမ်တွင် { $used } ကြိမ် သုံးပြီး
promo-per = reseller တစ်ဦးလျှင် { $per } ကြိမ်
promo-until = { $day } အထိ
promo-min = { $amount } မှစ၍
promo-product = { $product } အတွက်သာ
promo-given = ပေးခဲ့သော လျှော့စျေး: { $amounts }
promo-given-none = လျှော့စျေး မပေးရသေးပါ။
btn-promo = 🎟 ပရိုမိုကုဒ်
promo-ask = 🎟 သင့်ပရိုမိုကုဒ်ကို ရိုက်ထည့်ပါ:
promo-card-line = 🎟 ကုဒ် <code>{ $code }</code>: { $full } → <b>{ $saving }</b> သက်သာသည်
promo-card-clamped = (ဤနေရာတွင် လျှော့စျေး နည်းသည်: စျေးနှုန်းသည် ကျွန်ုပ်တို့၏ ကုန်ကျစရိတ်အောက် မရောက်နိုင်ပါ။)
promo-refused-at-confirm = ❌ ငွေမဖြတ်ပါ: { $reason } စျေးအပြည့်ဖြင့် ဝယ်ရန် ပစ္စည်းကို ပြန်ဖွင့်ပါ။
promo-no-unknown = ထိုပရိုမိုကုဒ် မရှိပါ။
promo-no-off = ဤပရိုမိုကုဒ်ကို ပိတ်ထားပါသည်။
promo-no-expired = ဤပရိုမိုကုဒ် သက်တမ်းကုန်သွားပါပြီ။
promo-no-used_up = ဤပရိုမိုကုဒ်ကို အသုံးပြုခွင့် ကုန်သွားပါပြီ။
promo-no-per_reseller = ဤပရိုမိုကုဒ်ကို ခွင့်ပြုသလောက် သုံးပြီးပါပြီ။
promo-no-min = ဤအော်ဒါသည် ပရိုမိုကုဒ်၏ အနည်းဆုံးပမာဏ မပြည့်ပါ။
promo-no-product = ဤပရိုမိုကုဒ်သည် ဤပစ္စည်းအတွက် မဟုတ်ပါ။
promo-no-currency = ဤပရိုမိုကုဒ်သည် ဤငွေကြေးဖြင့် အော်ဒါများအတွက် မဟုတ်ပါ။
promo-no-no_saving = ဤပရိုမိုကုဒ်သည် ဤပစ္စည်းတွင် လျှော့စျေး မပေးပါ။
promo-bulk-line = 🎟 ကုဒ် <code>{ $code }</code> ကို စာကြောင်းတိုင်းတွင်: { $full } → တစ်ကြောင်းလျှင် <b>{ $saving }</b> သက်သာသည်၊ ကုဒ်အသုံးပြုခွင့် ကျန်သရွေ့
promo-stats-discounts = ပရိုမို လျှော့စျေး: { $total } (အထက်ပါ ရောင်းအားနှင့် အမြတ်မှ နုတ်ပြီးသား)
