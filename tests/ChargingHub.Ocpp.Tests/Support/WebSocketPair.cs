using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace ChargingHub.Ocpp.Tests.Support;

/// <summary>Two WebSockets connected over a loopback TCP connection: real framing, no web server.</summary>
internal sealed class WebSocketPair : IAsyncDisposable
{
    private readonly TcpClient _serverTcp;
    private readonly TcpClient _clientTcp;

    private WebSocketPair(TcpClient serverTcp, TcpClient clientTcp, WebSocket server, WebSocket client)
    {
        _serverTcp = serverTcp;
        _clientTcp = clientTcp;
        Server = server;
        Client = client;
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<WebSocketPair> CreateAsync(OcppVersion version = OcppVersion.V16)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var clientTcp = new TcpClient { NoDelay = true };
            var connect = clientTcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var serverTcp = await listener.AcceptTcpClientAsync();
            await connect;
            serverTcp.NoDelay = true;
            var server = WebSocket.CreateFromStream(serverTcp.GetStream(), Options(isServer: true, version));
            var client = WebSocket.CreateFromStream(clientTcp.GetStream(), Options(isServer: false, version));
            return new WebSocketPair(serverTcp, clientTcp, server, client);
        }
        finally
        {
            listener.Stop();
        }
    }

    public ValueTask DisposeAsync()
    {
        Server.Dispose();
        Client.Dispose();
        _serverTcp.Dispose();
        _clientTcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private static WebSocketCreationOptions Options(bool isServer, OcppVersion version) => new()
    {
        IsServer = isServer,
        SubProtocol = version.Subprotocol(),
        KeepAliveInterval = TimeSpan.Zero,
    };
}
