using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace ChargingHub.Benchmarks;

/// <summary>
/// The baseline of the throughput benchmark: a bare Kestrel WebSocket server on the same <c>/ocpp/{id}</c> path
/// that answers every CALL with a CALLRESULT without parsing it. It finds the message id with a byte scan and
/// writes <c>[3,"id",{"currentTime":"…"}]</c>: what any OCPP server must at least do for a Heartbeat.
/// </summary>
internal static class EchoServer
{
    public const string CommandName = "echo-server";

    private static readonly byte[] Prefix = "[3,\""u8.ToArray();
    private static readonly byte[] Middle = "\",{\"currentTime\":\""u8.ToArray();
    private static readonly byte[] Suffix = "\"}]"u8.ToArray();

    private static int _connections;

    /// <summary>Runs the server until the process is stopped.</summary>
    /// <param name="port">The loopback port.</param>
    /// <param name="zeroByteReads">
    /// Wait for each message with a zero-byte read and rent the receive buffer only then, as the hub does, so
    /// that an idle connection holds no buffer (the memory baseline); otherwise one buffer per connection for
    /// its whole life, the fastest way (the throughput baseline).
    /// </param>
    /// <param name="rawHandshake">Answer the WebSocket upgrade below Kestrel's HTTP layer (<see cref="RawHandshakeEcho"/>).</param>
    public static async Task RunAsync(int port, bool zeroByteReads, bool rawHandshake = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (rawHandshake)
            {
                listen.Use(next => RawHandshakeEcho.Middleware(next, socket => EchoAsync(socket, zeroByteReads)));
            }
        }));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/healthz", () => "ready");
        app.MapGet("/api/diagnostics", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new
            {
                data = new
                {
                    connectedChargers = Volatile.Read(ref _connections),
                    managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                    workingSetBytes = Environment.WorkingSet,
                },
            });
        });
        app.Map("/ocpp/{chargePointId}", (HttpContext context) => HandleAsync(context, zeroByteReads));
        await app.RunAsync();
    }

    private static async Task HandleAsync(HttpContext context, bool zeroByteReads)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The same accept options as the hub's endpoint. No cancellation tokens below: a token that can be
        // cancelled sends ManagedWebSocket down a slower path, and the baseline should be the fastest server.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault(),
            DangerousEnableCompression = true,
            KeepAliveInterval = TimeSpan.FromSeconds(30),
            KeepAliveTimeout = TimeSpan.FromSeconds(30),
        });
        await EchoAsync(socket, zeroByteReads);
    }

    private static async Task EchoAsync(WebSocket socket, bool zeroByteReads)
    {
        Interlocked.Increment(ref _connections);
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                if (zeroByteReads)
                {
                    if (buffer is not null)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = null;
                    }

                    var peek = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                    if (peek.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                        return;
                    }
                }

                buffer ??= ArrayPool<byte>.Shared.Rent(4096);
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && count < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                    return;
                }

                // The answer is written at the end of the receive buffer: no second buffer per connection.
                var answer = buffer.AsMemory(count);
                var length = WriteAnswer(buffer.AsSpan(0, count), answer.Span);
                if (length > 0)
                {
                    await socket.SendAsync(answer[..length], WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException)
        {
            // The client went away.
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Writes the CALLRESULT for a CALL <c>[2,"id",…</c>; 0 for anything else (answers are not answered).</summary>
    private static int WriteAnswer(ReadOnlySpan<byte> frame, Span<byte> answer)
    {
        if (frame.Length < 6 || frame[1] != '2')
        {
            return 0;
        }

        var idLength = frame[4..].IndexOf((byte)'"');
        if (idLength < 0 || idLength > 36 || answer.Length < 128)
        {
            return 0;
        }

        var written = 0;
        Prefix.CopyTo(answer);
        written += Prefix.Length;
        frame.Slice(4, idLength).CopyTo(answer[written..]);
        written += idLength;
        Middle.CopyTo(answer[written..]);
        written += Middle.Length;
        TimeProvider.System.GetUtcNow().UtcDateTime.TryFormat(answer[written..], out var timeLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        written += timeLength;
        Suffix.CopyTo(answer[written..]);
        return written + Suffix.Length;
    }
}
