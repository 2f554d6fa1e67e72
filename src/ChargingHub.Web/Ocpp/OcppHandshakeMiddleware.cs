using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// Answers a charger's plain WebSocket upgrade below Kestrel's HTTP layer, on Kestrel's own connection. A request
/// kept open for a WebSocket holds its whole HTTP state (context, header tables, parser): about 5.6 KB of the
/// 12.4 KB a bare Kestrel WebSocket costs (docs/benchmarks.md, connections; ADR-007). Here the connection is left
/// with the socket and the WebSocket alone. Only the plain case is taken (<see cref="OcppUpgradeRequest"/>);
/// every other request, TLS (whose bytes arrive encrypted here) and compression offers are handed to the HTTP
/// layer untouched and reach <see cref="OcppEndpoint.HandleAsync"/> as before. Both ways share the admission.
/// </summary>
internal sealed class OcppHandshakeMiddleware(ConnectionDelegate next, OcppEndpoint endpoint, TimeProvider time)
{
    /// <summary>A longer head is not plain: the HTTP layer applies its own limits to it.</summary>
    public const int MaxHeadBytes = 8 * 1024;

    /// <summary>A head still incomplete after this goes to the HTTP layer, whose own timeouts then apply.</summary>
    public static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(10);

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    public async Task InvokeAsync(ConnectionContext connection)
    {
        var request = await ReadUpgradeAsync(connection);
        if (request is null)
        {
            await next(connection);
            return;
        }

        var ct = connection.ConnectionClosed;
        var output = connection.Transport.Output;
        var decision = await endpoint.AdmitAsync(request.ChargePointId, request.Subprotocol, request.Authorization, ct);
        if (decision.Admitted is not { } admitted)
        {
            // With a subprotocol chosen, an admission without a charger is always a refusal (unknown: 404).
            await output.WriteAsync(Refusal(decision.RefusedWith ?? StatusCodes.Status404NotFound), ct);
            return;
        }

        await output.WriteAsync(SwitchingProtocols(request), ct);
        using var socket = WebSocket.CreateFromStream(new DuplexPipeStream(connection.Transport), new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = request.Subprotocol,
            KeepAliveInterval = OcppEndpoint.KeepAlive,
            KeepAliveTimeout = OcppEndpoint.KeepAlive,
        });
        await endpoint.RunSessionAsync(socket, admitted, request.Version, ct);
    }

    /// <summary>The plain upgrade at the start of the connection, consumed; null (nothing consumed) for anything else.</summary>
    private async Task<OcppUpgradeRequest?> ReadUpgradeAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var timeout = new CancellationTokenSource(HeadTimeout, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, connection.ConnectionClosed);
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            var buffer = read.Buffer;
            if (FindHeadEnd(buffer) is { } end)
            {
                var head = buffer.Slice(0, end);
                OcppUpgradeRequest? request = null;
                var parsed = head.Length <= MaxHeadBytes && OcppUpgradeRequest.TryParse(head.ToArray(), out request);
                input.AdvanceTo(parsed ? end : buffer.Start, parsed ? end : buffer.Start);
                return request;
            }

            if (read.IsCompleted || read.IsCanceled || buffer.Length > MaxHeadBytes || !OcppUpgradeRequest.MayStartWith(First(buffer, 16)))
            {
                input.AdvanceTo(buffer.Start, buffer.Start);
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static SequencePosition? FindHeadEnd(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, HeadEnd, advancePastDelimiter: true) ? reader.Position : null;
    }

    private static byte[] First(ReadOnlySequence<byte> buffer, int count) => buffer.Slice(0, Math.Min(count, buffer.Length)).ToArray();

    private static byte[] SwitchingProtocols(OcppUpgradeRequest request)
    {
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(request.WebSocketKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        return Encoding.ASCII.GetBytes(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
            $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {request.Subprotocol}\r\n\r\n");
    }

    private static byte[] Refusal(int status)
    {
        var challenge = status == StatusCodes.Status401Unauthorized ? $"WWW-Authenticate: {OcppEndpoint.BasicChallenge}\r\n" : "";
        return Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\nContent-Length: 0\r\nConnection: close\r\n{challenge}\r\n");
    }
}

public static class OcppHandshakeExtensions
{
    /// <summary>Lets <see cref="OcppHandshakeMiddleware"/> see each new connection of the endpoint before HTTP does.</summary>
    public static void UseOcppHandshake(this ListenOptions listen) =>
        listen.Use(next => new OcppHandshakeMiddleware(
            next,
            listen.ApplicationServices.GetRequiredService<OcppEndpoint>(),
            listen.ApplicationServices.GetRequiredService<TimeProvider>()).InvokeAsync);
}
