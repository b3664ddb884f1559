# --- support tickets (SPEC §5) ---
cmd-support = Ask the team for help
help-support = /support &lt;question&gt;: ask the team for help (or tap Support below)
btn-support = 💬 Support
support-ask = Write your question now: text, a photo or a file. It goes to the team as a support ticket.
support-opened = 🎫 Ticket #{ $ticketId } is open: the team will answer here. What you send next (text, photos, files) joins it until it is closed.
support-limit = You already have { $max } open tickets. Add to one of them (reply to one of its messages), or wait until the team closes one.
support-list-title = <b>Your open tickets</b>
support-list-line = #{ $ticketId } · opened { $date }
support-list-hint = Reply to a ticket's message to add to that ticket; anything else you send joins the newest.
support-none = You have no open tickets. To open one, send /support followed by your question (or a photo or file with the caption /support).
support-unsupported = A ticket carries text, photos and files only: please send your message as one of those.
support-slow-down = That is a lot at once: your latest messages were not passed on to the team. Please wait a minute, then send the rest.
support-closed-reseller = ✅ Ticket #{ $ticketId } was closed by the team. If you need more help, send /support to open a new one.
support-card =
    🎫 <b>Ticket #{ $ticketId }</b> · { $date }
    From <b>{ $name }</b> { $username } · id <code>{ $userId }</code>
    Status: { $status } · Balance: { $balance }
    Reply to any message of this ticket to answer the reseller.
support-card-closed = ✅ Closed by { $by } · { $date }
btn-support-close = ✅ Close ticket
support-closed-done = Ticket #{ $ticketId } closed.
support-already-closed = Ticket #{ $ticketId } was already closed.
support-reply-closed = Ticket #{ $ticketId } is closed: your reply was not sent to the reseller.
support-reply-failed = Your reply to ticket #{ $ticketId } could not be delivered: the reseller may have blocked the bot.
support-answered = 💬 { $by } answered ticket #{ $ticketId }: { $preview }
