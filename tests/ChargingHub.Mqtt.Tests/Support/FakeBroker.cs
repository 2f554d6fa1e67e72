using System.Net;
using System.Net.Sockets;
using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Tests.Support;

/// <summary>
/// A scripted broker on a loopback port for what a real broker will not do on demand:
/// malformed packets, refusals, withheld acknowledgements, silence.
/// </summary>
public sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<FakeBrokerConnection> _connections = [];

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int AcceptedCount { get; private set; }

    public async Task<FakeBrokerConnection> AcceptAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        var socket = await _listener.AcceptSocketAsync(cts.Token);
        AcceptedCount++;
        var connection = new FakeBrokerConnection(socket);
        _connections.Add(connection);
        return connection;
    }

    /// <summary>Accepts a connection, reads its CONNECT and accepts it.</summary>
    internal async Task<(FakeBrokerConnection Connection, ConnectPacket Connect)> AcceptSessionAsync()
    {
        var connection = await AcceptAsync();
        var connect = Assert.IsType<ConnectPacket>(await connection.ReadAsync());
        await connection.SendAsync(new ConnAckPacket(false, MqttConnectReturnCode.Accepted));
        return (connection, connect);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}

public sealed class FakeBrokerConnection(Socket socket) : IDisposable
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly MqttPacketReader _reader = new(new NetworkStream(socket, ownsSocket: false), MqttClientOptions.DefaultMaxPacketSize);

    /// <summary>The next packet from the client (null when it closed the connection).</summary>
    internal async Task<MqttPacket?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        return await _reader.ReadAsync(cts.Token);
    }

    /// <summary>Reads until a packet of type <typeparamref name="T"/> arrives, skipping pings.</summary>
    internal async Task<T> ReadAsync<T>(TimeSpan? timeout = null)
        where T : MqttPacket
    {
        while (true)
        {
            var packet = await ReadAsync(timeout);
            if (packet is PingReqPacket)
            {
                continue;
            }

            return Assert.IsType<T>(packet);
        }
    }

    internal Task SendAsync(MqttPacket packet) => SendRawAsync(MqttPacketEncoder.Encode(packet));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>True when the client closed (or reset) the connection within <paramref name="timeout"/>.</summary>
    public async Task<bool> IsClosedByClientAsync(TimeSpan timeout)
    {
        try
        {
            while (true)
            {
                var packet = await ReadAsync(timeout);
                if (packet is null)
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or MqttProtocolException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _stream.Dispose();
}
