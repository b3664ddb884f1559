# --- ညွှန်းပေးမှုနှင့် ရောင်းအားအဆင့်များ (SPEC §7) ---
cmd-referral = သင့်ညွှန်းလင့်ခ်နှင့် ကော်မရှင်
cmd-tiers = ရောင်းအားအဆင့်များနှင့် ညွှန်းပေးမှု ဆက်တင်များ (admin)
help-referral = /referral: အခြား reseller များကို ဖိတ်ခေါ်ရန် သင့်လင့်ခ်နှင့် ၎င်းတို့၏ အော်ဒါများမှ သင်ရရှိသော ကော်မရှင်
admin-help-growth =
    /referral percent &lt;n&gt;, /referral months &lt;n&gt;: ညွှန်းကော်မရှင် (အမြတ်၏ ရာခိုင်နှုန်း; 0 = ပိတ်) နှင့် ဝင်ရောက်ပြီးနောက် လအရေအတွက်
    /tiers: ဆက်တင်များ · /tiers auto &lt;အဆင့်&gt;=&lt;ပမာဏ&gt; … &lt;ငွေကြေး&gt; (သို့မဟုတ် /tiers auto off &lt;ငွေကြေး&gt;): ရက် ၃၀ ရောင်းအားဖြင့် အဆင့်တိုး
admin-usage-referral = အသုံးပြုပုံ: /referral percent &lt;n&gt; (0 မှ 100၊ ဥပမာ 2.5; 0 = ပိတ်) · /referral months &lt;n&gt; (1 မှ 120)
admin-usage-tiers = အသုံးပြုပုံ: /tiers · /tiers auto reseller=5000000 vip=20000000 IDR · /tiers auto off IDR
referral-card =
    🤝 <b>Reseller များကို ဖိတ်ခေါ်ပါ</b>
    သင့်လင့်ခ်: { $link }
    ၎င်းဖြင့် ဝင်ရောက်သူ: { $joined }
    ဤလတွင် ရရှိငွေ: { $month }
    စုစုပေါင်း ရရှိငွေ: { $all }
referral-amount = { $amount }
referral-nothing = မရှိသေးပါ
referral-earned = 🤝 သင်ဖိတ်ခေါ်ထားသော reseller ၏ အော်ဒါ <code>{ $orderId }</code> မှ ညွှန်းကော်မရှင် { $amount } ရရှိပါသည်။
referral-admin-off = ညွှန်းကော်မရှင် ပိတ်ထားသည် (ဝင်ရောက်ပြီးနောက် { $months } လ ပေးမည်)။
referral-admin-on = ညွှန်းကော်မရှင်: ပြီးစီးသော အော်ဒါတိုင်း၏ အမြတ် { $percent } %၊ ဝင်ရောက်ပြီးနောက် { $months } လအထိ။
tiers-title = <b>ရောင်းအားအဆင့်များ</b> (နောက်ဆုံးရက် ၃၀ ပြီးစီးသော ရောင်းအား)
tiers-none = အလိုအလျောက်အဆင့် မရှိပါ: အဆင့်တိုင်းကို /tier ဖြင့် ကိုယ်တိုင်သတ်မှတ်သည်။
tiers-part = { $tier } - { $amount } မှစ၍
tiers-line = { $currency }: { $parts }
tiers-bad-currency = “{ $token }” ငွေကြေးကို မသိပါ။
tiers-bad-tier = “{ $token }” သည် ရောင်းအားဖြင့် ရောက်နိုင်သော အဆင့်မဟုတ်ပါ။ အဆင့်များ: { $tiers }။
tiers-bad-amount = “{ $token }” သည် ပမာဏ မဟုတ်ပါ။
tiers-bad-order = အဆင့်မြင့်လေ ပမာဏ ပိုများရမည်။
tier-promoted = 🎉 ဂုဏ်ယူပါသည်! နောက်ဆုံးရက် ၃၀ ရောင်းအားကြောင့် သင် <b>{ $tier }</b> အဆင့်သို့ တက်ပါပြီ။ နောက်တစ်ကြိမ် ကတ်တလောက်ကြည့်ချိန်မှစ၍ ဈေးနှုန်းအသစ် သက်ရောက်ပါမည်။
tier-progress = 📈 { $tier } အတွက် ရက် ၃၀ အတွင်း { $amount } ထပ်ရောင်းရန်
admin-user-referral-shortfall = ⚠️ Refund ပြီးနောက် ပြန်မယူနိုင်ခဲ့သော ညွှန်းကော်မရှင် (လက်ကျန်ငွေ မလုံလောက်): { $amount }
growth-report-profit = အမြတ် (ရောင်းရငွေ − provider ကုန်ကျစရိတ် − ညွှန်းကော်မရှင် { $commissions }): { $profit }
growth-chart-profit = ရက် ၃၀ အမြတ် (ရောင်းရငွေ − provider ကုန်ကျစရိတ် − ညွှန်းကော်မရှင်): { $profit }
