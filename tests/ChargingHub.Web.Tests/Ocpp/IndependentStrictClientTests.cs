using System.Diagnostics;
using System.Net;
using System.Text;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// npm ocpp-rpc in strict mode (validating both directions against the schemas it ships) plays a 1.6 charger and a
/// 2.0.1 station against the real hub process: every charger message, the hub's setup calls, and a reservation made
/// and cancelled through the REST API while it runs.
/// </summary>
public sealed class IndependentStrictClientTests(RealHubFixture fixture) : IClassFixture<RealHubFixture>
{
    [Fact]
    public async Task StrictOcppRpcPeer_BothVersionsWithReservation_ExchangesOnlyValidFrames()
    {
        var root = RepoRoot.Find();
        var script = Path.Combine(AppContext.BaseDirectory, "Independent", "strict-client.js");
        Assert.True(File.Exists(script), script);
        var id16 = OcppTesting.NewChargerId("STRICT16");
        var id201 = OcppTesting.NewChargerId("STRICT201");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(fixture.Hub.OcppUrl.ToString());
        start.ArgumentList.Add(id16);
        start.ArgumentList.Add(id201);
        start.Environment["NODE_PATH"] = Path.Combine(root, "node_modules");
        var output = new StringBuilder();
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        node.OutputDataReceived += (_, e) => Append(output, e.Data);
        node.ErrorDataReceived += (_, e) => Append(output, e.Data);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            using var api = fixture.Hub.CreateApiClient();
            foreach (var id in new[] { id16, id201 })
            {
                await WaitUntilSetUpAsync(api, id, node, output);
                var reserved = await api.PostJsonAsync("/api/reservations", new
                {
                    chargerId = id,
                    connectorId = 1,
                    expiryDate = DateTimeOffset.UtcNow.AddMinutes(20).ToString("O"),
                    idTag = "STRICT-RES",
                    parentIdTag = "STRICT-GROUP",
                });
                var body = await reserved.JsonAsync();
                Assert.True(reserved.StatusCode == HttpStatusCode.OK, body.GetRawText());
                Assert.Equal("Accepted", body.GetProperty("data").GetProperty("status").GetString());
                var reservationId = body.GetProperty("data").GetProperty("reservation").GetProperty("reservationId").GetInt32();

                var canceled = await api.PostJsonAsync($"/api/reservations/{reservationId}/cancel", new { chargerId = id });
                Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
                Assert.Equal("Accepted", (await canceled.JsonAsync()).GetProperty("data").GetProperty("status").GetString());
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"the strict client failed (exit {node.ExitCode}):\n{Read(output)}\nhub:\n{fixture.Hub.Output}");
            Assert.Contains("OK", Read(output), StringComparison.Ordinal);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Waits until the client has sent all its messages and the hub lists the charger online with its connectors.</summary>
    private static async Task WaitUntilSetUpAsync(HttpClient api, string id, Process node, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(node.HasExited, $"the strict client ended early (exit {(node.HasExited ? node.ExitCode : 0)}):\n{Read(output)}");
            var response = await api.GetAsync(new Uri($"/api/chargers/{id}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var charger = (await response.JsonAsync()).GetProperty("data");
                if (Read(output).Contains($"{id}: all messages sent", StringComparison.Ordinal)
                    && charger.GetProperty("online").GetBoolean()
                    && charger.GetProperty("connectors").EnumerateArray().Any(c => c.GetProperty("connectorId").GetInt32() == 1))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} was never set up:\n{Read(output)}");
            await Task.Delay(100);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
