using System.Text.Json;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.HomeAssistant;

namespace ChargingHub.Infrastructure.Tests.HomeAssistant;

public sealed class HubPayloadsTests
{
    private static readonly DateTimeOffset Created = new(2030, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static ReservationView Reservation(int id = 7, int connectorId = 1, string idTag = "TAG-1", string? parent = null,
        ReservationStatus status = ReservationStatus.Active, string chargerId = "CP1", DateTimeOffset? updatedAt = null) => new(
        id, chargerId, connectorId, null, idTag, "Central", parent, new DateTimeOffset(2030, 5, 1, 13, 30, 0, TimeSpan.FromHours(2)),
        status, null, EnforcedByHub: false, Created, updatedAt ?? Created.AddSeconds(1));

    [Fact]
    public void Reservation_HolderWithoutName_CarriesTokenAsContractObject()
    {
        using var json = JsonDocument.Parse(HubPayloads.Reservation(Reservation(parent: "GROUP"), ReservationHolder.Token("TAG-1")));
        var root = json.RootElement;

        Assert.Equal(7, root.GetProperty("reservationId").GetInt32());
        Assert.Equal("CP1", root.GetProperty("chargerId").GetString());
        Assert.Equal(1, root.GetProperty("connectorId").GetInt32());
        Assert.Equal("TAG-1", root.GetProperty("idTag").GetString());
        Assert.Equal("GROUP", root.GetProperty("parentIdTag").GetString());
        Assert.Equal("TAG-1", root.GetProperty("reservedFor").GetString());
        Assert.Equal("2030-05-01T11:30:00.000Z", root.GetProperty("expiryDate").GetString());
        Assert.Equal("Active", root.GetProperty("status").GetString());
        Assert.Equal("charger", root.GetProperty("enforcedBy").GetString());
        Assert.Equal("2030-05-01T10:00:00.000Z", root.GetProperty("createdAt").GetString());
        Assert.Equal("2030-05-01T10:00:01.000Z", root.GetProperty("updatedAt").GetString());
        Assert.False(root.TryGetProperty("connectorType", out _));
        Assert.False(root.TryGetProperty("idTokenType", out _));
        Assert.False(root.TryGetProperty("reason", out _));
    }

    [Fact]
    public void Reservation_NamedHolder_ShowsNameAndNoToken()
    {
        var payload = HubPayloads.Reservation(Reservation(parent: "GROUP"), new ReservationHolder("Jürgen Ä.", IsToken: false));
        using var json = JsonDocument.Parse(payload);

        Assert.Equal("Jürgen Ä.", json.RootElement.GetProperty("reservedFor").GetString());
        Assert.False(json.RootElement.TryGetProperty("idTag", out _));
        Assert.False(json.RootElement.TryGetProperty("parentIdTag", out _));
        Assert.DoesNotContain("TAG-1", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.DoesNotContain("GROUP", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_OptionalFieldsMissing_LeftOut()
    {
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(1));
        using var json = JsonDocument.Parse(HubPayloads.Event(new HubEventMessage(HubEventTypes.ChargerConnected, "CP1", null, null, null, at)));

        Assert.Equal(
            ["type", "chargerId", "at"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2030-01-02T02:04:05.678Z", json.RootElement.GetProperty("at").GetString());
    }

    [Fact]
    public void Event_AllFields_Written()
    {
        var message = new HubEventMessage(HubEventTypes.CommandRejected, "CP1", 0, 3, "why \"not\"", Created, "reserve");
        using var json = JsonDocument.Parse(HubPayloads.Event(message));
        var root = json.RootElement;

        Assert.Equal("CommandRejected", root.GetProperty("type").GetString());
        Assert.Equal(0, root.GetProperty("connectorId").GetInt32());
        Assert.Equal(3, root.GetProperty("reservationId").GetInt32());
        Assert.Equal("reserve", root.GetProperty("command").GetString());
        Assert.Equal("why \"not\"", root.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(ReservationStatus.Active, null, "ReservationCreated")]
    [InlineData(ReservationStatus.Active, ReservationStatus.Pending, "ReservationCreated")]
    [InlineData(ReservationStatus.Active, ReservationStatus.Active, "ReservationReplaced")]
    [InlineData(ReservationStatus.Used, ReservationStatus.Active, "ReservationUsed")]
    [InlineData(ReservationStatus.Expired, ReservationStatus.Active, "ReservationExpired")]
    [InlineData(ReservationStatus.Canceled, ReservationStatus.Active, "ReservationCanceled")]
    [InlineData(ReservationStatus.Removed, ReservationStatus.Active, "ReservationRemoved")]
    [InlineData(ReservationStatus.Declined, ReservationStatus.Pending, "ReservationDeclined")]
    [InlineData(ReservationStatus.Failed, ReservationStatus.Pending, "ReservationFailed")]
    [InlineData(ReservationStatus.Pending, null, null)]
    public void ForReservation_EachStatus_EventType(ReservationStatus status, ReservationStatus? previous, string? expected) =>
        Assert.Equal(expected, HubEventTypes.ForReservation(status, previous));
}
