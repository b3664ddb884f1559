# --- the reseller API (SPEC §8) ---
cmd-api = API keys for your shop or bot
help-api = /api: an API key to order from your own shop or bot over HTTP
api-title = <b>Reseller API</b>
api-no-key = No API key yet. Create one to order from your own shop or bot over HTTP, with this wallet and these prices.
api-key-line = Key: <code>{ $hint }</code> (created { $date })
api-url-line = Callback URL: { $url }
api-url-none = Callback URL: not set
api-ips-line = Allowed IPs: { $ips }
api-ips-any = Allowed IPs: any address
api-notify-on = API orders in this chat: on
api-notify-off = API orders in this chat: off
api-last-none = Last callback: none yet
api-last-ok = Last callback: ✅ HTTP { $status }, { $date }
api-last-failed = Last callback: ❌ { $why }, { $date }
api-docs = The API is described at <code>/api/v1/openapi.json</code> on this bot's server.
btn-api-create = 🔑 Create key
btn-api-rotate = 🔄 Rotate key
btn-api-revoke = 🗑 Revoke key
btn-api-url = 🔗 Callback URL
btn-api-ips = 🌐 Allowed IPs
btn-api-notify-on = 🔔 Show API orders here
btn-api-notify-off = 🔕 Stop showing API orders here
btn-api-confirm-rotate = Yes, rotate
btn-api-confirm-revoke = Yes, revoke
btn-api-forget = 🗑 Delete this message
api-key-shown =
    🔑 <b>Your API key</b> (shown only now)
    <code>{ $key }</code>

    Callback secret (checks our callbacks' signatures):
    <code>{ $secret }</code>

    Copy both now, then delete this message. We keep only a hash of the key: nobody can show it to you again. A new key ends this one.
api-forget-failed = Telegram no longer lets me delete that message: please delete it yourself.
api-rotate-confirm = Rotate the key? The current key and callback secret stop working at once.
api-revoke-confirm = Revoke the key? Every call with it is refused from now on.
api-revoked = Key revoked: calls with it are refused.
api-nothing-to-revoke = There is no key to revoke.
api-url-ask = Send the callback URL like this: <code>/api url https://your-shop.example/hooks</code> (https only). <code>/api url off</code> removes it.
api-ips-ask = Send the addresses that may call with your key: <code>/api ips 203.0.113.7, 198.51.100.0/24, 2001:db8::/32</code>. <code>/api ips off</code> lets any address call.
api-url-set =
    Callback URL set: { $url }
    Test ping: { $ping }
api-ping-ok = ✅ answered HTTP { $status }
api-ping-failed = ❌ { $why }
api-url-removed = Callback URL removed: no more callbacks.
api-url-refused-bad_url = That is not a URL I can call.
api-url-refused-not_https = The callback URL must start with https://.
api-url-refused-unresolvable = I cannot find that host name.
api-url-refused-blocked_address = That address is private or local: callbacks go only to public addresses.
api-ips-set = Allowed IPs: { $ips }
api-ips-cleared = Any address may now call with your key.
api-ips-bad = “{ $entry }” is not an IP address or CIDR range (for example 203.0.113.7 or 198.51.100.0/24).
api-notify-set-on = API orders will be shown in this chat too.
api-notify-set-off = API orders will no longer be shown in this chat.
api-usage = Usage: <code>/api</code>, <code>/api url https://…</code> or <code>off</code>, <code>/api ips 203.0.113.7, 198.51.100.0/24</code> or <code>off</code>
api-why-timeout = no answer within 10 seconds
api-why-unreachable = could not connect
api-why-blocked_address = the address is not public
api-why-status = answered HTTP { $status }
