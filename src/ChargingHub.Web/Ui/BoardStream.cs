using System.Text;
using ChargingHub.Domain.Events;
using ChargingHub.Web.Components.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace ChargingHub.Web.Ui;

/// <summary>
/// The live board: a <c>text/event-stream</c> that listens on the <see cref="HubEventBus"/> and, for every charger that
/// changed, sends its tile re-rendered for this user (event <c>charger-{id}</c>); htmx's SSE extension swaps it in.
/// When chargers come or go it sends the whole grid (event <c>board</c>).
/// </summary>
public static class BoardStream
{
    public const string BoardEvent = "board";

    /// <summary>A quiet stream still sends a comment now and then, so proxies keep it open and dead peers are noticed.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    /// <summary>A reservation and the charger's status report arrive together; one render covers both.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(40);

    public static string EventName(string chargerId) => "charger-" + Uri.EscapeDataString(chargerId);

    internal static async Task StreamAsync(HttpContext context, HubEventBus bus, BoardQueries board, IAntiforgery antiforgery,
        TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        if (HubUser.From(context.User) is not { } user)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The tiles carry Cancel forms, so they need this user's antiforgery token, like the page.
        var tokens = antiforgery.GetAndStoreTokens(context);
        using var subscription = bus.Subscribe(capacity: 1000);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        await using var html = new ComponentHtml(context.RequestServices, loggers);
        var writer = new EventWriter(context.Response, html, board, user, time, tokens.FormFieldName, tokens.RequestToken);
        try
        {
            await context.Response.WriteAsync("retry: 3000\n\n", ct);
            await context.Response.Body.FlushAsync(ct);

            // Whatever changed between the page's render and this connection is sent now.
            var known = await writer.SendBoardAsync(ct, asTiles: true);
            await PumpAsync(subscription.Reader, writer, known, time, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away or the hub is stopping.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
    }

    private static async Task PumpAsync(System.Threading.Channels.ChannelReader<HubEvent> reader, EventWriter writer,
        HashSet<string> known, TimeProvider time, CancellationToken ct)
    {
        Task<bool>? waiting = null;
        while (!ct.IsCancellationRequested)
        {
            waiting ??= reader.WaitToReadAsync(ct).AsTask();
            using (var beat = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var first = await Task.WhenAny(waiting, Task.Delay(Heartbeat, time, beat.Token));
                await beat.CancelAsync();
                if (first != waiting)
                {
                    await writer.CommentAsync("keep-alive", ct);
                    continue;
                }
            }

            if (!await waiting)
            {
                return;
            }

            waiting = null;
            await Task.Delay(Settle, time, ct);
            var changed = new HashSet<string>(StringComparer.Ordinal);
            while (reader.TryRead(out var hubEvent))
            {
                changed.Add(ChargerOf(hubEvent));
            }

            if (changed.Any(id => !known.Contains(id)))
            {
                known = await writer.SendBoardAsync(ct, asTiles: false);
                continue;
            }

            foreach (var chargerId in changed)
            {
                if (!await writer.SendChargerAsync(chargerId, ct))
                {
                    known = await writer.SendBoardAsync(ct, asTiles: false);
                    break;
                }
            }
        }
    }

    private static string ChargerOf(HubEvent hubEvent) => hubEvent switch
    {
        ReservationChanged r => r.Reservation.ChargerId,
        ConnectorStatusChanged s => s.ChargerId,
        ChargerConnectionChanged c => c.ChargerId,
        ChargerChanged c => c.ChargerId,
        _ => "",
    };

    private sealed class EventWriter(HttpResponse response, ComponentHtml html, BoardQueries board, HubUser user, TimeProvider time,
        string antiforgeryField, string? antiforgeryToken)
    {
        private CardContext Context() => new(time.GetUtcNow(), antiforgeryField, antiforgeryToken);

        /// <summary>Sends every tile (one event each) or the whole grid (one event); returns the chargers now shown.</summary>
        public async Task<HashSet<string>> SendBoardAsync(CancellationToken ct, bool asTiles)
        {
            var cards = await board.ListAsync(user, ct);
            var context = Context();
            if (asTiles)
            {
                foreach (var card in cards)
                {
                    await SendCardAsync(card, context, ct);
                }
            }
            else
            {
                var grid = await html.RenderAsync<BoardGrid>(new Dictionary<string, object?>
                {
                    [nameof(BoardGrid.Cards)] = cards,
                    [nameof(BoardGrid.Context)] = context,
                });
                await SendAsync(BoardEvent, grid, ct);
            }

            return cards.Select(c => c.ChargerId).ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>False when the charger is gone.</summary>
        public async Task<bool> SendChargerAsync(string chargerId, CancellationToken ct)
        {
            var card = await board.GetAsync(chargerId, user, ct);
            if (card is null)
            {
                return false;
            }

            await SendCardAsync(card, Context(), ct);
            return true;
        }

        public async Task CommentAsync(string text, CancellationToken ct)
        {
            await response.WriteAsync($": {text}\n\n", ct);
            await response.Body.FlushAsync(ct);
        }

        private async Task SendCardAsync(ChargerCard card, CardContext context, CancellationToken ct)
        {
            var fragment = await html.RenderAsync<ChargerCardBody>(new Dictionary<string, object?>
            {
                [nameof(ChargerCardBody.Card)] = card,
                [nameof(ChargerCardBody.Context)] = context,
            });
            await SendAsync(EventName(card.ChargerId), fragment, ct);
        }

        private async Task SendAsync(string eventName, string data, CancellationToken ct)
        {
            var message = new StringBuilder(data.Length + 64).Append("event: ").Append(eventName).Append('\n');
            foreach (var line in data.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                message.Append("data: ").Append(line).Append('\n');
            }

            await response.WriteAsync(message.Append('\n').ToString(), ct);
            await response.Body.FlushAsync(ct);
        }
    }
}
