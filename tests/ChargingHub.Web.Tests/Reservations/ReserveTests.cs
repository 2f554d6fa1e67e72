using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>Making reservations through POST /api/reservations against a simulated charger (OCTT TC_046–TC_049, TC_053, TC_H_01/08/14/15/19/22).</summary>
public sealed class ReserveTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_ConnectorAcceptedThenTransactionWithReservationId_ActiveThenUsed(OcppVersion version)
    {
        // TC_046 / TC_H_01
        await using var charger = await hub.StartChargerAsync("accept", version);
        var expiry = DateTimeOffset.UtcNow.AddMinutes(30);

        var reservation = await Api.ReserveAcceptedAsync(new
        {
            chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.Iso(expiry), idTag = "TAG-ACCEPT",
        });

        var id = reservation.GetProperty("reservationId").GetInt32();
        Assert.Equal(charger.ChargerId, reservation.GetProperty("chargerId").GetString());
        Assert.Equal(1, reservation.GetProperty("connectorId").GetInt32());
        Assert.Equal("TAG-ACCEPT", reservation.GetProperty("idTag").GetString());
        Assert.Equal("charger", reservation.GetProperty("enforcedBy").GetString());
        Assert.Equal(expiry, reservation.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));

        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal(id, sent.ReservationIdOf(version));
        Assert.Equal("TAG-ACCEPT", sent.IdTagOf(version));
        if (version == OcppVersion.V16)
        {
            Assert.Equal(1, sent.Payload.GetProperty("connectorId").GetInt32());
            Assert.Equal(expiry, sent.Payload.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
            Assert.False(sent.Has("parentIdTag"));
        }
        else
        {
            Assert.Equal(1, sent.Payload.GetProperty("evseId").GetInt32());
            Assert.Equal("Central", sent.Payload.GetProperty("idToken").GetProperty("type").GetString());
            Assert.Equal(expiry, sent.Payload.GetProperty("expiryDateTime").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
            Assert.False(sent.Has("groupIdToken"));
            Assert.False(sent.Has("connectorType"));
        }

        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Equal(id, await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 2));

        var (_, status) = await charger.StartTransactionAsync(1, "TAG-ACCEPT", id);

        Assert.Equal("Accepted", status);
        var used = await Api.GetReservationAsync(charger.ChargerId, id);
        Assert.Equal("Used", used.GetProperty("status").GetString());
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "Faulted")]
    [InlineData(OcppVersion.V16, "Occupied")]
    [InlineData(OcppVersion.V16, "Unavailable")]
    [InlineData(OcppVersion.V16, "Rejected")]
    [InlineData(OcppVersion.V201, "Faulted")]
    [InlineData(OcppVersion.V201, "Occupied")]
    [InlineData(OcppVersion.V201, "Unavailable")]
    [InlineData(OcppVersion.V201, "Rejected")]
    public async Task Reserve_ChargerDeclines_AnswersItsStatusAndStoresDeclined(OcppVersion version, string answer)
    {
        // TC_048_1..4 / TC_H_22
        await using var charger = await hub.StartChargerAsync("decline", version);
        charger.ReserveNowAnswer = answer;

        var result = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-DECLINE" });

        result.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(answer, result.Data.GetProperty("status").GetString());
        var reservation = result.Data.GetProperty("reservation");
        Assert.Equal("Declined", reservation.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(reservation.GetProperty("reason").GetString()));
        var id = reservation.GetProperty("reservationId").GetInt32();
        Assert.Equal(id, (await charger.Received.WaitForAsync("ReserveNow")).ReservationIdOf(version));
        Assert.Equal("Declined", await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16, false)]
    [InlineData(OcppVersion.V16, true)]
    [InlineData(OcppVersion.V201, false)]
    [InlineData(OcppVersion.V201, true)]
    public async Task Reserve_AnyConnector_SentWithoutConnectorAndReportedAsZeroThenUsed(OcppVersion version, bool explicitZero)
    {
        // TC_049 / TC_H_08
        await using var charger = await hub.StartChargerAsync("any", version);
        var body = explicitZero
            ? (object)new { chargerId = charger.ChargerId, connectorId = 0, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-ANY" }
            : new { chargerId = charger.ChargerId, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-ANY" };

        var reservation = await Api.ReserveAcceptedAsync(body);

        Assert.Equal(0, reservation.GetProperty("connectorId").GetInt32());
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        if (version == OcppVersion.V16)
        {
            Assert.Equal(0, sent.Payload.GetProperty("connectorId").GetInt32());
        }
        else
        {
            Assert.False(sent.Has("evseId"), sent.Payload.ToString());
            Assert.False(sent.Has("connectorType"));
        }

        var id = reservation.GetProperty("reservationId").GetInt32();
        var (_, status) = await charger.StartTransactionAsync(2, "TAG-ANY", id);
        Assert.Equal("Accepted", status);
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_AnyConnectorAsManyAsConnectors_NextOneOccupiedByCharger(OcppVersion version)
    {
        // TC_H_14: the charger, not the hub, decides that no EVSE is left.
        await using var charger = await hub.StartChargerAsync("full", version);
        var first = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-FULL-1" });
        var second = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-FULL-2" });

        var third = await Api.ReserveAsync(new { chargerId = charger.ChargerId, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-FULL-3" });

        third.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Occupied", third.Data.GetProperty("status").GetString());
        Assert.Equal("Declined", third.Data.GetProperty("reservation").GetProperty("status").GetString());
        Assert.Equal(3, charger.Received.Count("ReserveNow"));
        var ids = new[] { first, second }.Select(r => r.GetProperty("reservationId").GetInt32()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        var active = await Api.ListAsync($"chargerId={charger.ChargerId}&status=Active");
        Assert.Equal(ids.Order(), active.Select(r => r.GetProperty("reservationId").GetInt32()).Order());
    }

    [Fact]
    public async Task Reserve_ConnectorType_SentWithTypeAndWithoutEvse()
    {
        // TC_H_15
        await using var charger = await hub.StartChargerAsync("type", OcppVersion.V201);

        var reservation = await Api.ReserveAcceptedAsync(new
        {
            chargerId = charger.ChargerId, connectorType = "cType2", expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-TYPE",
        });

        Assert.Equal(0, reservation.GetProperty("connectorId").GetInt32());
        Assert.Equal("cType2", reservation.GetProperty("connectorType").GetString());
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("cType2", sent.Payload.GetProperty("connectorType").GetString());
        Assert.False(sent.Has("evseId"), sent.Payload.ToString());
        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, reservation.GetProperty("reservationId").GetInt32()));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_WithParentIdTag_GroupMemberAuthorizesAndConsumesIt(OcppVersion version)
    {
        // TC_053 / TC_H_19
        var suffix = version == OcppVersion.V16 ? "16" : "201";
        var (owner, member, group) = ($"OWNER-{suffix}", $"MEMBER-{suffix}", $"GROUP-{suffix}");
        (await Api.PostAsync("/api/tokens", new { idTag = member, parentIdTag = group })).AssertStatus(HttpStatusCode.OK);
        await using var charger = await hub.StartChargerAsync("group", version);

        var reservation = await Api.ReserveAcceptedAsync(new
        {
            chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = owner, parentIdTag = group,
        });

        Assert.Equal(group, reservation.GetProperty("parentIdTag").GetString());
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal(owner, sent.IdTagOf(version));
        if (version == OcppVersion.V16)
        {
            Assert.Equal(group, sent.Payload.GetProperty("parentIdTag").GetString());
        }
        else
        {
            Assert.Equal(group, sent.Payload.GetProperty("groupIdToken").GetProperty("idToken").GetString());
            Assert.Equal("Central", sent.Payload.GetProperty("groupIdToken").GetProperty("type").GetString());
        }

        var (authorized, parent) = await charger.AuthorizeAsync(member);
        Assert.Equal("Accepted", authorized);
        Assert.Equal(group, parent);

        var id = reservation.GetProperty("reservationId").GetInt32();
        var (_, started) = await charger.StartTransactionAsync(1, member, id);
        Assert.Equal("Accepted", started);
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_SameIdAccepted_ReplacesWithNewExpiry(OcppVersion version)
    {
        // H01.FR.02
        await using var charger = await hub.StartChargerAsync("replace", version);
        var first = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-REPLACE" });
        var id = first.GetProperty("reservationId").GetInt32();
        var newExpiry = DateTimeOffset.UtcNow.AddMinutes(60);

        var replaced = await Api.ReserveAcceptedAsync(new
        {
            chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.Iso(newExpiry), idTag = "TAG-REPLACE", reservationId = id,
        });

        Assert.Equal(id, replaced.GetProperty("reservationId").GetInt32());
        Assert.Equal(newExpiry, replaced.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var all = await Api.ListAsync($"chargerId={charger.ChargerId}");
        var only = Assert.Single(all);
        Assert.Equal("Active", only.GetProperty("status").GetString());
        Assert.Equal(newExpiry, only.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal(id, (await charger.Received.WaitForAsync("ReserveNow")).ReservationIdOf(version));
        Assert.Equal(id, await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_SameIdDeclined_OldReservationUnchanged(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("replace-declined", version);
        var expiry = DateTimeOffset.UtcNow.AddMinutes(30);
        var first = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.Iso(expiry), idTag = "TAG-KEEP" });
        var id = first.GetProperty("reservationId").GetInt32();
        charger.ReserveNowAnswer = "Unavailable";

        var attempt = await Api.ReserveAsync(new
        {
            chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(90), idTag = "TAG-KEEP", reservationId = id,
        });

        attempt.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Unavailable", attempt.Data.GetProperty("status").GetString());
        Assert.Equal(2, charger.Received.Count("ReserveNow"));
        var only = Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.Equal("Active", only.GetProperty("status").GetString());
        Assert.Equal(expiry, only.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(id, await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_ConnectorHeldForOtherTag_OccupiedByHubWithoutAskingCharger(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("double", version);
        var first = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-FIRST" });
        var other = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-OTHER" });

        var second = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-SECOND" });
        var move = await Api.ReserveAsync(new
        {
            chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-FIRST",
            reservationId = first.GetProperty("reservationId").GetInt32(),
        });

        second.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Occupied", second.Data.GetProperty("status").GetString());
        Assert.Equal("Declined", second.Data.GetProperty("reservation").GetProperty("status").GetString());
        move.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Occupied", move.Data.GetProperty("status").GetString());
        Assert.Equal(2, charger.Received.Count("ReserveNow"));
        Assert.Equal(first.GetProperty("reservationId").GetInt32(), await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
        Assert.Equal(other.GetProperty("reservationId").GetInt32(), await Api.ConnectorReservationIdAsync(charger.ChargerId, 2));
        var active = await Api.ListAsync($"chargerId={charger.ChargerId}&status=Active");
        Assert.Equal(2, active.Count);
        Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}&status=Declined"));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_TwoConcurrentRequestsForOneConnector_ExactlyOneActive(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("race", version);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        charger.HoldReserveNowUntil = release.Task;

        var requests = new[] { "TAG-RACE-A", "TAG-RACE-B" }
            .Select(tag => Task.Run(() => Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = tag })))
            .ToList();
        await charger.Received.WaitForAsync("ReserveNow");
        await Task.WhenAny(requests); // the loser is answered by the hub while the winner still waits for the charger
        release.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => a.AssertStatus(HttpStatusCode.OK));
        var statuses = answers.Select(a => (a.Data.GetProperty("status").GetString(), a.Data.GetProperty("reservation").GetProperty("status").GetString())).ToList();
        Assert.Single(statuses, s => s == ("Accepted", "Active"));
        Assert.Single(statuses, s => s == ("Occupied", "Declined"));
        Assert.Equal(1, charger.Received.Count("ReserveNow"));
        Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}&status=Active"));
    }

    [Fact]
    public async Task Reserve_ExpiryWithOffsetAndTokenType_AnsweredInUtcAndSentWithThatType()
    {
        await using var charger = await hub.StartChargerAsync("offset", OcppVersion.V201);
        var expiry = DateTimeOffset.UtcNow.AddMinutes(45);
        var local = expiry.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

        var reservation = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = local, idTag = "TAG-EMAID", idTokenType = "eMAID" });

        var answered = reservation.GetProperty("expiryDate").GetString()!;
        Assert.EndsWith("Z", answered, StringComparison.Ordinal);
        Assert.Equal(expiry, DateTimeOffset.Parse(answered, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("eMAID", sent.Payload.GetProperty("idToken").GetProperty("type").GetString());
        Assert.Equal(expiry, sent.Payload.GetProperty("expiryDateTime").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }
}
