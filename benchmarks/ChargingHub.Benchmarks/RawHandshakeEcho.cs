using System.Buffers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using ChargingHub.Web.Ocpp;
using Microsoft.AspNetCore.Connections;

namespace ChargingHub.Benchmarks;

/// <summary>
/// A floor below the bare Kestrel server: Kestrel's socket transport with the HTTP layer left out. A connection
/// middleware reads the upgrade request itself, answers 101 and runs the WebSocket straight over the connection's
/// pipes, so no HttpContext, header dictionaries or request state stay alive for the connection's lifetime.
/// Measurement only: it checks nothing a real server must check.
/// </summary>
internal static class RawHandshakeEcho
{
    public static ConnectionDelegate Middleware(ConnectionDelegate next, Func<WebSocket, Task> run) => async connection =>
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var read = await input.ReadAsync();
            var buffer = read.Buffer;
            var head = FindHeadEnd(buffer);
            if (head is null)
            {
                if (read.IsCompleted || buffer.Length > 8192)
                {
                    return;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            var text = Encoding.ASCII.GetString(buffer.Slice(0, head.Value));
            if (!text.StartsWith("GET /ocpp/", StringComparison.Ordinal))
            {
                input.AdvanceTo(buffer.Start, buffer.Start);
                await next(connection);
                return;
            }

            input.AdvanceTo(head.Value);
            string? key = null, protocol = null;
            foreach (var line in text.Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))
                {
                    key = value;
                }
                else if (name.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase))
                {
                    protocol = value.Split(',')[0].Trim();
                }
            }

            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            var response = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
                $"Sec-WebSocket-Accept: {accept}\r\n" + (protocol is null ? "" : $"Sec-WebSocket-Protocol: {protocol}\r\n") + "\r\n";
            await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(response));
            using var socket = WebSocket.CreateFromStream(new DuplexPipeStream(connection.Transport), new WebSocketCreationOptions
            {
                IsServer = true,
                SubProtocol = protocol,
                KeepAliveInterval = TimeSpan.FromSeconds(30),
                KeepAliveTimeout = TimeSpan.FromSeconds(30),
            });
            await run(socket);
            return;
        }
    };

    private static SequencePosition? FindHeadEnd(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, "\r\n\r\n"u8, advancePastDelimiter: true) ? reader.Position : null;
    }
}
