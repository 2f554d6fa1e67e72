using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Client;

/// <summary>
/// One network connection to the broker: framing in, serialized writes out, and the timestamps
/// keep-alive needs. Reads happen on one loop; writes come from several (publishing, PUBACKs,
/// pings, subscribing), hence the write lock.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly MqttPacketReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closed;
    private long _lastSent;
    private long _lastReceived;
    private volatile bool _pingOutstanding;
    private int _disposed;

    private MqttConnection(Socket socket, Stream stream, int maxPacketSize, TimeProvider time, CancellationToken lifetime)
    {
        _socket = socket;
        _stream = stream;
        _reader = new MqttPacketReader(stream, maxPacketSize);
        _time = time;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        _lastSent = _lastReceived = time.GetTimestamp();
    }

    /// <summary>Cancelled when the connection is closed (or the client aborts).</summary>
    public CancellationToken Closed => _closed.Token;

    public PendingRequests Pending { get; } = new();

    public TimeSpan SinceLastSent => _time.GetElapsedTime(Interlocked.Read(ref _lastSent));

    public TimeSpan SinceLastReceived => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    /// <summary>A PINGREQ went out and nothing has come back since.</summary>
    public bool PingOutstanding
    {
        get => _pingOutstanding;
        set => _pingOutstanding = value;
    }

    public static async Task<MqttConnection> OpenAsync(MqttClientOptions options, TimeProvider time, CancellationToken lifetime, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.UseTls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = options.TlsTargetHost ?? options.Host,
                        RemoteCertificateValidationCallback = options.AllowUntrustedCertificates ? AcceptAnyCertificate : null,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return new MqttConnection(socket, stream, options.MaxPacketSize, time, lifetime);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>The next packet, or null when the broker closed the connection between packets.</summary>
    public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
    {
        var packet = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (packet is not null)
        {
            Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
            _pingOutstanding = false;
        }

        return packet;
    }

    public async Task SendAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        var bytes = MqttPacketEncoder.Encode(packet);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _lastSent, _time.GetTimestamp());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the connection with a TCP reset and no DISCONNECT, as a crash or a cut cable would.</summary>
    public void Abort()
    {
        try
        {
            _socket.LingerState = new LingerOption(enable: true, seconds: 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        Close();
    }

    /// <summary>Closes the connection; pending reads and writes end with an exception.</summary>
    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already.
        }

        _stream.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Close();
            _closed.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // Only used when the operator opted in with AllowUntrustedCertificates.
    private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
}
