# --- အော်ပရေတာအဖွဲ့ (SPEC §5) ---
cmd-role = အဖွဲ့ရာထူးများ (ပိုင်ရှင်)
admin-usage-role = အသုံးပြုပုံ: /role &lt;အသုံးပြုသူ&gt; admin|finance|support|none (တစ်ခုတည်း: အဖွဲ့စာရင်း)
team-role-owner = ပိုင်ရှင်
team-role-admin = အက်ဒမင်
team-role-finance = ငွေစာရင်း
team-role-support = အကူအညီ
team-role-none = ရာထူးမရှိ
team-refused = { $what } အတွက် { $role } ရာထူး သို့မဟုတ် ထို့ထက်မြင့်သော ရာထူး လိုအပ်သည်။ ဘာမှ မပြောင်းလဲပါ။
team-role-unknown = “{ $role }” သည် ရာထူးမဟုတ်ပါ။ ရာထူးများ: admin, finance, support, none။
team-owner-fixed = { $name } ({ $userId }) သည် ပိုင်ရှင်ဖြစ်သည်: ပိုင်ရှင်များကို ADMIN_IDS တွင်သာ သတ်မှတ်ပြီး chat တွင် ရာထူးပြောင်း၍ မရပါ။
team-title = <b>အဖွဲ့</b>
team-member = { $name } (<code>{ $userId }</code>): { $role }
team-role-set = { $name } ({ $userId }) ၏ ရာထူး: { $role }။
registration-decided = ☑️ ယခု { $status }: { $by } က ဆုံးဖြတ်ခဲ့သည်။
registration-decided-earlier = ☑️ { $status } ဖြစ်ပြီးသားဖြစ်သည်။
