using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// Security profile 2 as docs/ocpp.md describes it: Kestrel given an HTTPS endpoint and a certificate in
/// configuration serves <c>wss://…/ocpp/{id}</c> with that certificate, next to the plain HTTP endpoint.
/// </summary>
public sealed class TlsEndpointTests
{
    [Fact]
    public async Task Kestrel_configured_with_a_certificate_serves_chargers_over_wss()
    {
        var data = TempDirectory.Create();
        using var certificate = SelfSignedCertificate();
        var certificatePath = Path.Combine(data, "hub.pfx");
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        var port = HubProcess.FreePort();
        var tlsPort = HubProcess.FreePort();
        var hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}",
                ["Kestrel:Endpoints:Https:Url"] = $"https://127.0.0.1:{tlsPort}",
                ["Kestrel:Endpoints:Https:Certificate:Path"] = certificatePath,
                ["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password",
            },
            data,
            port);
        try
        {
            // /healthz answers once the plain endpoint listens; Kestrel may bind the TLS one a moment later.
            await WaitUntilListeningAsync(tlsPort);
            X509Certificate2? presented = null;
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol(OcppVersion.V16.Subprotocol());
            socket.Options.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                presented = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
                return cert is not null;
            };

            await socket.ConnectAsync(new Uri($"wss://127.0.0.1:{tlsPort}/ocpp/{OcppTesting.NewChargerId("TLS")}"), CancellationToken.None);
            await using var client = new RawOcppClient(socket, OcppVersion.V16);

            Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);
            Assert.Equal("Accepted", await client.BootAsync());
        }
        finally
        {
            await hub.DisposeAsync();
            TempDirectory.TryDelete(data);
        }
    }

    private static async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
