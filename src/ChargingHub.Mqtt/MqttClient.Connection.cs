using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using ChargingHub.Mqtt.Client;
using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt;

// The connection loop: connect, restore state, run reader / writer / keep-alive until one of
// them ends, back off, repeat. Nothing in here may throw out of RunAsync: a broker's trouble
// must never become the hub's crash.
public sealed partial class MqttClient
{
    private async Task RunAsync()
    {
        var backoff = new ReconnectBackoff(_options.ReconnectDelayMin, _options.ReconnectDelayMax);
        while (!_stopping.IsCancellationRequested)
        {
            long? establishedAt = null;
            try
            {
                await RunConnectionAsync(timestamp => establishedAt = timestamp).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested || _abort.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception ex)
            {
                LogConnectionFailure(ex);
            }

            if (_stopping.IsCancellationRequested)
            {
                break;
            }

            // Only a connection that held for a while resets the backoff: one the broker drops at
            // once (a duplicate client id, a packet we reject) would otherwise reconnect in a tight loop.
            if (establishedAt is { } since && _time.GetElapsedTime(since) >= _options.ReconnectDelayMax)
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            _logger.Reconnecting(delay);
            try
            {
                await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunConnectionAsync(Action<long> onEstablished)
    {
        var connection = await ConnectAsync().ConfigureAwait(false);
        onEstablished(_time.GetTimestamp());
        IReadOnlyList<KeyValuePair<string, MqttQos>> subscriptions;
        lock (_subscriptionGate)
        {
            _connection = connection;
            subscriptions = [.. _subscriptions];
        }

        SetConnected(true);
        try
        {
            List<Task> tasks = [ReadLoopAsync(connection), WriteLoopAsync(connection, subscriptions)];
            if (_options.KeepAlive > TimeSpan.Zero)
            {
                tasks.Add(KeepAliveLoopAsync(connection));
            }

            var first = await Task.WhenAny(tasks).ConfigureAwait(false);
            connection.Close();
            await Task.WhenAll(tasks).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);

            // The first task to end says why the connection ended; the others only followed.
            await first.ConfigureAwait(false);
        }
        finally
        {
            lock (_subscriptionGate)
            {
                _connection = null;
            }

            connection.Pending.FailAll(new IOException("The MQTT connection was closed."));
            await connection.DisposeAsync().ConfigureAwait(false);
            SetConnected(false);
        }
    }

    private async Task<MqttConnection> ConnectAsync()
    {
        _logger.Connecting(_options.Host, _options.Port);
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token, _abort.Token);
        MqttConnection? connection = null;
        try
        {
            connection = await MqttConnection.OpenAsync(_options, _time, _abort.Token, connecting.Token).ConfigureAwait(false);
            await connection.SendAsync(CreateConnectPacket(), connecting.Token).ConfigureAwait(false);
            var reply = await connection.ReadAsync(connecting.Token).ConfigureAwait(false);
            switch (reply)
            {
                case null:
                    throw new IOException("The broker closed the connection before answering CONNECT.");
                case ConnAckPacket { ReturnCode: MqttConnectReturnCode.Accepted } ack:
                    _logger.Connected(_options.Host, _options.Port, _options.ClientId, ack.SessionPresent);
                    var established = connection;
                    connection = null;
                    return established;
                case ConnAckPacket ack:
                    throw new MqttConnectionRefusedException(ack.ReturnCode);
                default:
                    throw new MqttProtocolException(MqttProtocolError.UnexpectedPacket, $"The broker answered CONNECT with {reply.Type} instead of CONNACK.");
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested && !_abort.IsCancellationRequested)
        {
            throw new TimeoutException($"No MQTT connection within {_options.OperationTimeout}.", ex);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private ConnectPacket CreateConnectPacket() => new(
        _options.ClientId,
        (ushort)Math.Ceiling(_options.KeepAlive.TotalSeconds),
        _options.CleanSession,
        _options.Will,
        _options.Username,
        _options.Password is null ? null : Encoding.UTF8.GetBytes(_options.Password));

    private async Task ReadLoopAsync(MqttConnection connection)
    {
        var cancellationToken = connection.Closed;
        while (true)
        {
            var packet = await connection.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("The broker closed the connection.");
            switch (packet)
            {
                case PublishPacket publish:
                    await ReceiveAsync(connection, publish, cancellationToken).ConfigureAwait(false);
                    break;
                case PubAckPacket pubAck:
                    if (!_inflight.Acknowledge(pubAck.PacketId))
                    {
                        _logger.UnknownPacketId(pubAck.PacketId, "PUBACK");
                    }

                    break;
                case SubAckPacket { PacketId: var id }:
                    CompleteRequest(connection, id, packet);
                    break;
                case UnsubAckPacket { PacketId: var id }:
                    CompleteRequest(connection, id, packet);
                    break;
                case PingRespPacket:
                    break;
                default:
                    throw new MqttProtocolException(MqttProtocolError.UnexpectedPacket, $"The broker sent {packet.Type}, which only a client may send.");
            }
        }
    }

    private void CompleteRequest(MqttConnection connection, ushort packetId, MqttPacket reply)
    {
        // An unknown id is a request that already timed out: harmless.
        if (!connection.Pending.TryComplete(packetId, reply))
        {
            _logger.UnknownPacketId(packetId, reply.Type.ToString());
        }
    }

    private async Task ReceiveAsync(MqttConnection connection, PublishPacket publish, CancellationToken cancellationToken)
    {
        if (publish.Qos == MqttQos.ExactlyOnce)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidQos, "The broker sent a QoS 2 message; the client never subscribes with QoS 2.");
        }

        // Never waits: the channel drops its oldest message rather than make the broker wait for a slow reader.
        _incoming.Writer.TryWrite(new MqttApplicationMessage(publish.Topic, publish.Payload, publish.Qos, publish.Retain));
        if (publish.Qos == MqttQos.AtLeastOnce)
        {
            await connection.SendAsync(new PubAckPacket(publish.PacketId), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(MqttConnection connection, IReadOnlyList<KeyValuePair<string, MqttQos>> subscriptions)
    {
        var cancellationToken = connection.Closed;
        await ResubscribeAsync(connection, subscriptions).ConfigureAwait(false);
        foreach (var (packetId, message) in _inflight.Snapshot())
        {
            await connection.SendAsync(ToPublish(message, packetId, dup: true), cancellationToken).ConfigureAwait(false);
        }

        // What the broker may have forgotten (a restart without persistence) comes first; queued
        // retained messages that the store has just re-published, or a newer version of, are not sent
        // again (an older one sent after the newest would leave the broker with a stale state).
        var republished = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var message in _retained.Snapshot())
        {
            await SendMessageAsync(connection, message, cancellationToken).ConfigureAwait(false);
            republished[message.Topic] = message.RetainedVersion;
        }

        while (true)
        {
            // Wait for room before taking a message: one taken out of the queue must not be lost
            // if the connection fails while it waits.
            await _inflight.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
            if (_outbound.TryDequeue(out var next))
            {
                if (!(next.Retain && republished.TryGetValue(next.Topic, out var version) && next.RetainedVersion <= version))
                {
                    await SendMessageAsync(connection, next, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (_stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await _outbound.WaitAsync(_stopping.Token).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Stop requested: loop once more to drain what is queued.
            }
        }

        await DisconnectGracefullyAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private async Task DisconnectGracefullyAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await _inflight.WaitUntilEmptyAsync().WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.StoppingWithUnacknowledged(_inflight.Count);
        }

        await connection.SendAsync(DisconnectPacket.Instance, cancellationToken).ConfigureAwait(false);
        _logger.Disconnected(_options.Host, _options.Port);
    }

    private async Task SendMessageAsync(MqttConnection connection, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ushort packetId = 0;
        if (message.Qos == MqttQos.AtLeastOnce)
        {
            await _inflight.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);

            // Tracked before sending, so a send that fails half-way is re-sent after reconnecting.
            packetId = _inflight.Add(message);
        }

        await connection.SendAsync(ToPublish(message, packetId, dup: false), cancellationToken).ConfigureAwait(false);
    }

    private static PublishPacket ToPublish(OutgoingMessage message, ushort packetId, bool dup) =>
        new(message.Topic, message.Payload, message.Qos, message.Retain, dup, packetId);

    private async Task ResubscribeAsync(MqttConnection connection, IReadOnlyList<KeyValuePair<string, MqttQos>> subscriptions)
    {
        var results = await Task.WhenAll(subscriptions.Select(s => SubscribeOnAsync(connection, s.Key, s.Value, CancellationToken.None))).ConfigureAwait(false);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] == false)
            {
                _logger.SubscriptionRefused(subscriptions[i].Key);
            }
        }
    }

    /// <returns>True if granted, false if refused, null if the connection failed first (the next one retries).</returns>
    private async Task<bool?> SubscribeOnAsync(MqttConnection connection, string topicFilter, MqttQos qos, CancellationToken cancellationToken)
    {
        var reply = await RequestAsync(
            connection,
            id => new SubscribePacket(id, [new MqttSubscription(topicFilter, qos)]),
            MqttPacketType.SubAck,
            topicFilter,
            cancellationToken).ConfigureAwait(false);
        switch (reply)
        {
            case null:
                return null;
            case SubAckPacket { ReturnCodes: [var code] }:
                return code != SubAckPacket.Failure;
            default:
                // The caller asked about one filter; a broker answering otherwise is not to be trusted with the connection.
                _logger.ProtocolViolation(
                    _options.Host,
                    _options.Port,
                    MqttProtocolError.MalformedPacket,
                    new MqttProtocolException(MqttProtocolError.MalformedPacket, "SUBACK for one filter does not have exactly one return code."));
                connection.Close();
                return null;
        }
    }

    private Task UnsubscribeOnAsync(MqttConnection connection, string topicFilter, CancellationToken cancellationToken) =>
        RequestAsync(connection, id => new UnsubscribePacket(id, [topicFilter]), MqttPacketType.UnsubAck, topicFilter, cancellationToken);

    /// <summary>Sends a request and waits for its acknowledgement; null when the connection failed or did not answer in time.</summary>
    private async Task<MqttPacket?> RequestAsync(
        MqttConnection connection,
        Func<ushort, MqttPacket> createRequest,
        MqttPacketType expectedReply,
        string topicFilter,
        CancellationToken cancellationToken)
    {
        var packetId = _packetIds.Rent();
        var request = createRequest(packetId);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection.Closed);
            var reply = connection.Pending.Register(packetId, expectedReply);
            await connection.SendAsync(request, linked.Token).ConfigureAwait(false);
            return await reply.WaitAsync(_options.OperationTimeout, _time, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsConnectionFailure(ex))
        {
            _logger.RequestInterrupted(request.Type.ToString().ToUpperInvariant(), topicFilter, ex.Message);
            return null;
        }
        finally
        {
            connection.Pending.Remove(packetId);
            _packetIds.Return(packetId);
        }
    }

    private async Task KeepAliveLoopAsync(MqttConnection connection)
    {
        var cancellationToken = connection.Closed;
        var keepAlive = _options.KeepAlive;
        var timeout = _options.PingResponseTimeout;

        // Checking a few times per interval keeps the ping within 1.25 x keep-alive, well inside
        // the 1.5 x after which the broker gives up on us (MQTT-3.1.2-24).
        var tick = TimeSpan.FromTicks(Math.Clamp(Math.Min(keepAlive.Ticks, timeout.Ticks) / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond * 5));
        using var timer = new PeriodicTimer(tick, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var silence = connection.SinceLastReceived;
            if (silence >= keepAlive + timeout)
            {
                throw new TimeoutException($"Nothing from the broker for {silence.TotalSeconds:0.0} s; the connection is dead.");
            }

            if (!connection.PingOutstanding && (silence >= keepAlive || connection.SinceLastSent >= keepAlive))
            {
                connection.PingOutstanding = true;

                // A write that cannot even start within the timeout means a dead peer as surely as a missing PINGRESP.
                using var sendTimeout = new CancellationTokenSource(timeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendTimeout.Token);
                try
                {
                    await connection.SendAsync(PingReqPacket.Instance, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (sendTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("Could not send PINGREQ in time; the connection is stuck.", ex);
                }
            }
        }
    }

    private void SetConnected(bool connected)
    {
        if (_isConnected == connected)
        {
            return;
        }

        _isConnected = connected;
        if (ConnectionChanged is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<bool>>())
        {
            try
            {
                handler(connected);
            }
            catch (Exception ex)
            {
                _logger.ConnectionChangedHandlerFailed(ex);
            }
        }
    }

    private void LogConnectionFailure(Exception exception)
    {
        switch (exception)
        {
            case MqttConnectionRefusedException refused:
                _logger.ConnectionRefused(_options.Host, _options.Port, (int)refused.ReturnCode, refused.ReturnCode.Describe());
                break;
            case MqttProtocolException protocol:
                _logger.ProtocolViolation(_options.Host, _options.Port, protocol.Error, protocol);
                break;
            case var failure when IsConnectionFailure(failure):
                _logger.ConnectionLost(_options.Host, _options.Port, Describe(failure));
                break;
            default:
                _logger.UnexpectedError(_options.Host, _options.Port, exception);
                break;
        }
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner && exception is IOException or AuthenticationException
            ? $"{exception.Message} ({inner.Message})"
            : exception.Message;

    private static bool IsConnectionFailure(Exception exception) => exception is
        IOException or SocketException or AuthenticationException or TimeoutException
        or OperationCanceledException or ObjectDisposedException or MqttProtocolException;
}
