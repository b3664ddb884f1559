# --- အော်ပရေတာအဖွဲ့၏ ဖိုရမ်ခေါင်းစဉ်များ (SPEC §5) ---
topic-orders = အော်ဒါများ
topic-deposits = ငွေသွင်းမှုများ
topic-resellers = ပြန်လည်ရောင်းချသူများ
topic-providers = ဝန်ဆောင်မှုပေးသူများ
topic-support = အကူအညီ
topic-reports = အစီရင်ခံစာများ
