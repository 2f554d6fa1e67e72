using System.Text;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Reservations;

namespace ChargingHub.Web.Tests.Mqtt;

/// <summary>reserve/set and cancel/set commands published on the real broker, carried out on a simulated charger.</summary>
public sealed class MqttCommandTests(MqttHub hub) : IClassFixture<MqttHub>
{
    [Theory]
    [InlineData(OcppVersion.V16, false)]
    [InlineData(OcppVersion.V16, true)]
    [InlineData(OcppVersion.V201, false)]
    public async Task ReserveCommand_Valid_ChargerReceivesReserveNowAndStateFollows(OcppVersion version, bool withExpiryDate)
    {
        await using var charger = await hub.StartChargerAsync("cmd-reserve", version);
        var id = charger.ChargerId;
        await using var observer = await hub.ObserveAsync("chargehub/#");
        var expiry = DateTimeOffset.UtcNow.AddMinutes(30);
        var payload = withExpiryDate
            ? $$"""{"idTag":"TAG-CMD","expiryDate":"{{expiry.ToOffset(TimeSpan.FromHours(2)):yyyy-MM-dd'T'HH:mm:ss.fffzzz}}"}"""
            : """{"idTag":"TAG-CMD","minutes":30}""";

        observer.Publish($"chargehub/chargers/{id}/connectors/1/reserve/set", payload);

        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("TAG-CMD", sent.IdTagOf(version));
        Assert.Equal(1, sent.Payload.GetProperty(version == OcppVersion.V16 ? "connectorId" : "evseId").GetInt32());
        var sentExpiry = sent.Payload.GetProperty(version == OcppVersion.V16 ? "expiryDate" : "expiryDateTime").GetDateTimeOffset();
        Assert.Equal(expiry, sentExpiry, TimeSpan.FromSeconds(withExpiryDate ? 0.001 : 10));
        var created = await observer.WaitForEventAsync("ReservationCreated", id);
        var reservationId = created.GetProperty("reservationId").GetInt32();
        Assert.Equal(sent.ReservationIdOf(version), reservationId);
        await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reserved", "true");
        Assert.Equal("Active", await hub.Api.StatusOfAsync(id, reservationId));
        Assert.DoesNotContain(observer.Events(id), e => e.GetProperty("type").GetString() == "CommandRejected");
    }

    [Fact]
    public async Task ReserveCommand_AnyConnector_ReservedOnConnectorZero()
    {
        await using var charger = await hub.StartChargerAsync("cmd-any");
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish($"chargehub/chargers/{charger.ChargerId}/connectors/0/reserve/set", """{"idTag":"TAG-ANY","minutes":15}""");

        Assert.Equal(0, (await charger.Received.WaitForAsync("ReserveNow")).Payload.GetProperty("connectorId").GetInt32());
        var reservation = await observer.WaitForAsync($"chargehub/chargers/{charger.ChargerId}/connectors/0/reservation", p => p.Length > 0);
        Assert.Contains("\"connectorId\":0", reservation.GetPayloadAsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelCommand_ActiveReservation_CanceledOnChargerAndCleared()
    {
        await using var charger = await hub.StartChargerAsync("cmd-cancel");
        var id = charger.ChargerId;
        var reservationId = await hub.ReserveAsync(id, 2, "TAG-CANCEL");
        await using var observer = await hub.ObserveAsync("chargehub/#");
        await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/2/reserved", "true");

        observer.Publish($"chargehub/chargers/{id}/connectors/2/cancel/set", "cancel");

        var sent = await charger.Received.WaitForAsync("CancelReservation");
        Assert.Equal(reservationId, sent.Payload.GetProperty("reservationId").GetInt32());
        var canceled = await observer.WaitForEventAsync("ReservationCanceled", id);
        Assert.Equal(reservationId, canceled.GetProperty("reservationId").GetInt32());
        await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/2/reserved", "false");
        await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/2/reservation", "");
        Assert.Equal("Canceled", await hub.Api.StatusOfAsync(id, reservationId));
    }

    [Theory]
    [InlineData("reserve", "1", "{not json", "not valid JSON")]
    [InlineData("reserve", "1", "", "empty")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD","minutes":30,"expiryDate":"2030-01-01T00:00:00Z"}""", "not both")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD"}""", "minutes or expiryDate")]
    [InlineData("reserve", "1", """{"minutes":30}""", "idTag")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD","minutes":121}""", "from 1 to 120")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD","minutes":2.5}""", "whole number")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD","expiryDate":"2030-01-01T00:00:00"}""", "offset")]
    [InlineData("reserve", "1", """{"idTag":"TAG-BAD","expiryDate":"2020-01-01T00:00:00Z"}""", "future")]
    [InlineData("reserve", "1", """{"idTag":"TAG-WAY-TOO-LONG-FOR-OCPP-16","minutes":30}""", "20 characters")]
    [InlineData("reserve", "9", """{"idTag":"TAG-BAD","minutes":30}""", "no connector 9")]
    [InlineData("reserve", "one", """{"idTag":"TAG-BAD","minutes":30}""", "not a connector number")]
    [InlineData("cancel", "1", "cancel", "no active reservation")]
    public async Task Command_InvalidOrImpossible_CommandRejectedAndNothingChanged(string command, string connector, string payload, string reason)
    {
        await using var charger = await hub.StartChargerAsync("cmd-bad");
        var id = charger.ChargerId;
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish($"chargehub/chargers/{id}/connectors/{connector}/{command}/set", payload);

        var rejected = await observer.WaitForEventAsync("CommandRejected", id);
        Assert.Equal(command, rejected.GetProperty("command").GetString());
        Assert.Contains(reason, rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(rejected.TryGetProperty("at", out _));
        Assert.Empty(await hub.Api.ListAsync($"chargerId={id}"));
        Assert.Equal(0, charger.Received.Count("ReserveNow") + charger.Received.Count("CancelReservation"));
        Assert.DoesNotContain(observer.Received, m => m.Topic.StartsWith($"chargehub/chargers/{id}/connectors/", StringComparison.Ordinal)
            && m.Topic.EndsWith("/reserved", StringComparison.Ordinal) && m.GetPayloadAsString() == "true");
    }

    [Fact]
    public async Task ReserveCommand_InvalidUtf8_CommandRejected()
    {
        await using var charger = await hub.StartChargerAsync("cmd-utf8");
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish($"chargehub/chargers/{charger.ChargerId}/connectors/1/reserve/set", [0x7B, 0xFF, 0xFE, 0x7D]);

        await observer.WaitForEventAsync("CommandRejected", charger.ChargerId);
        Assert.Empty(await hub.Api.ListAsync($"chargerId={charger.ChargerId}"));
    }

    [Fact]
    public async Task ReserveCommand_UnknownCharger_CommandRejected()
    {
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish("chargehub/chargers/NOBODY-HERE/connectors/1/reserve/set", """{"idTag":"TAG-X","minutes":30}""");

        var rejected = await observer.WaitForEventAsync("CommandRejected", "NOBODY-HERE");
        Assert.Contains("not known", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, rejected.GetProperty("connectorId").GetInt32());
    }

    [Fact]
    public async Task ReserveCommand_ChargerOffline_CommandRejectedAndNothingStored()
    {
        var charger = await hub.StartChargerAsync("cmd-offline");
        var id = charger.ChargerId;
        await charger.DisposeAsync();
        await hub.Api.WaitUntilOfflineAsync(id);
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish($"chargehub/chargers/{id}/connectors/1/reserve/set", """{"idTag":"TAG-OFF","minutes":30}""");

        var rejected = await observer.WaitForEventAsync("CommandRejected", id);
        Assert.Contains("not connected", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await hub.Api.ListAsync($"chargerId={id}"));
    }

    [Fact]
    public async Task ReserveCommand_ConnectorHeldForSomeoneElse_DeclinedEventAndFirstKept()
    {
        await using var charger = await hub.StartChargerAsync("cmd-occupied");
        var id = charger.ChargerId;
        var first = await hub.ReserveAsync(id, 1, "TAG-FIRST");
        await using var observer = await hub.ObserveAsync("chargehub/#");

        observer.Publish($"chargehub/chargers/{id}/connectors/1/reserve/set", """{"idTag":"TAG-SECOND","minutes":30}""");

        var declined = await observer.WaitForEventAsync("ReservationDeclined", id);
        Assert.NotEqual(first, declined.GetProperty("reservationId").GetInt32());
        Assert.Equal("Active", await hub.Api.StatusOfAsync(id, first));
        var shown = await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reservation", p => p.Length > 0);
        Assert.Contains($"\"reservationId\":{first},", Encoding.UTF8.GetString(shown.Payload.Span), StringComparison.Ordinal);
    }
}
