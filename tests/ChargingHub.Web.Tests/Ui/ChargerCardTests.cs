using AngleSharp.Dom;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Components.Shared;
using ChargingHub.Web.Ui;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The board's charger tile rendered in its states, as the page and the live stream both render it.</summary>
public sealed class ChargerCardTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 16, 15, 0, TimeSpan.Zero);
    private static readonly Member Alice = new() { Id = 1, UserName = "alice", DisplayName = "Alice Example", PasswordHash = "x" };
    private static readonly Member Bob = new() { Id = 2, UserName = "bob", DisplayName = "Bob Builder", PasswordHash = "x" };
    private static readonly HubUser AliceUser = new(1, "alice", "Alice Example", IsAdmin: false);
    private static readonly HubUser BobUser = new(2, "bob", "Bob Builder", IsAdmin: false);
    private static readonly HubUser AdminUser = new(3, "admin", "Administrator", IsAdmin: true);

    private static readonly People Household = new(
    [
        new IdToken { IdTag = "ALICE-CARD", Name = "Alice's card", MemberId = 1 },
        new IdToken { IdTag = "BOB-CARD", Name = "Bob's card", MemberId = 2 },
        new IdToken { IdTag = "GUEST-7", Name = "Guest card" },
    ], [Alice, Bob]);

    [Fact]
    public async Task Render_AvailableConnectorOnline_ShowsStatusInWordsAndReserveLink()
    {
        var document = await RenderAsync(Charger("Available", "Charging"), online: true, [], AliceUser);

        Assert.Equal("Driveway (CP-1)", document.QuerySelector("h2")!.Text());
        var first = document.Item("Connector 1");
        Assert.Contains("Available", first.Text(), StringComparison.Ordinal);
        var reserve = Assert.Single(first.Links("Reserve"));
        Assert.Equal("reserve?charger=CP-1&connector=1", reserve.GetAttribute("href"));
        var second = document.Item("Connector 2");
        Assert.Contains("Charging", second.Text(), StringComparison.Ordinal);
        Assert.Empty(second.Links("Reserve"));
    }

    [Fact]
    public async Task Render_OwnActiveReservation_ShowsNameTimeLeftAndCancel()
    {
        var reservation = Reservation(1, "ALICE-CARD", Now.AddMinutes(30));
        var document = await RenderAsync(Charger("Reserved", "Available"), online: true, [reservation], AliceUser);

        var item = document.Item("Connector 1");
        Assert.Contains("Reserved for Alice Example (you)", item.Text(), StringComparison.Ordinal);
        Assert.Contains("30 min left", item.Text(), StringComparison.Ordinal);
        Assert.Equal("2025-06-01T16:45:00Z", item.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("16:45 UTC", item.Text(), StringComparison.Ordinal);
        var cancel = Assert.Single(item.Buttons("Cancel"));
        Assert.Contains("Reserved for Alice Example", cancel.Description(), StringComparison.Ordinal);
        var form = cancel.Closest("form")!;
        Assert.Equal("/reservations/cancel", form.GetAttribute("action"));
        Assert.Equal(Html.AntiforgeryToken, form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value"));
        Assert.Empty(item.Links("Reserve"));
    }

    [Fact]
    public async Task Render_OtherMembersReservation_ShowsTheirNameWithoutCancelOrReserve()
    {
        var reservation = Reservation(1, "BOB-CARD", Now.AddMinutes(90));
        var document = await RenderAsync(Charger("Available", "Available"), online: true, [reservation], AliceUser);

        var item = document.Item("Connector 1");
        Assert.Contains("Reserved", item.QuerySelector("strong")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Reserved for Bob Builder", item.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("BOB-CARD", item.Text(), StringComparison.Ordinal);
        Assert.Contains("1 h 30 min left", item.Text(), StringComparison.Ordinal);
        Assert.Empty(item.Buttons("Cancel"));
        Assert.Empty(item.Links("Reserve"));
    }

    [Fact]
    public async Task Render_ReservationForTokenWithoutMember_ShowsTokenNameNotTag()
    {
        var document = await RenderAsync(Charger("Reserved", "Available"), online: true, [Reservation(1, "GUEST-7", Now.AddMinutes(10))], BobUser);

        Assert.Contains("Reserved for Guest card", document.Item("Connector 1").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("GUEST-7", document.Item("Connector 1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AdminAndSomeoneElsesReservation_OffersCancel()
    {
        var document = await RenderAsync(Charger("Reserved", "Available"), online: true, [Reservation(1, "BOB-CARD", Now.AddMinutes(30))], AdminUser);

        Assert.Single(document.Item("Connector 1").Buttons("Cancel"));
        Assert.Single(document.Item("Connector 2").Links("Reserve"));
    }

    [Fact]
    public async Task Render_OfflineCharger_SaysOfflineAndOffersNoReserve()
    {
        var document = await RenderAsync(Charger("Available", "Faulted"), online: false, [], AliceUser);

        Assert.Contains("Offline", document.QuerySelector("h2")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Contains("Offline", document.Item("Connector 1").Text(), StringComparison.Ordinal);
        Assert.Empty(document.Links("Reserve"));
    }

    [Fact]
    public async Task Render_FaultedConnector_SaysFaultedWithoutReserve()
    {
        var document = await RenderAsync(Charger("Faulted", "Available"), online: true, [], AliceUser);

        Assert.Contains("Faulted", document.Item("Connector 1").Text(), StringComparison.Ordinal);
        Assert.Empty(document.Item("Connector 1").Links("Reserve"));
    }

    [Fact]
    public async Task Render_MemberWithoutTokens_OffersNoReserve()
    {
        var stranger = new HubUser(9, "eve", "Eve", IsAdmin: false);
        var document = await RenderAsync(Charger("Available", "Available"), online: true, [], stranger);

        Assert.Empty(document.Links("Reserve"));
    }

    [Fact]
    public void Build_AdminWithoutAnyKnownToken_CanReserveEveryFreeConnector()
    {
        var card = BoardQueries.Build(Charger("Available", "Available"), online: true, [], People.Empty, AdminUser);

        Assert.All(card.Connectors, c => Assert.True(c.CanReserve));
    }

    [Fact]
    public async Task Render_PendingReservation_SaysItWaitsForTheCharger()
    {
        var pending = global::ChargingHub.Domain.Reservations.Reservation.Request("CP-1", 8,
            new ReservationTerms { ConnectorId = 2, IdTag = "ALICE-CARD", ExpiresAt = Now.AddMinutes(30) }, false, Now);
        var document = await RenderAsync(Charger("Available", "Available"), online: true, [pending], AliceUser);

        var item = document.Item("Connector 2");
        Assert.Contains("Reserving for Alice Example (you): waiting for the charger", item.Text(), StringComparison.Ordinal);
        Assert.Empty(item.Buttons("Cancel"));
        Assert.Empty(item.Links("Reserve"));
    }

    private static Task<IDocument> RenderAsync(Charger charger, bool online, IReadOnlyList<Reservation> open, HubUser user)
    {
        var card = BoardQueries.Build(charger, online, open, Household, user);
        return Html.RenderAsync<ChargerCardBody>(new()
        {
            [nameof(ChargerCardBody.Card)] = card,
            [nameof(ChargerCardBody.Context)] = new CardContext(Now, "__RequestVerificationToken", Html.AntiforgeryToken),
        });
    }

    private static Charger Charger(string first, string second) => new()
    {
        Id = "CP-1",
        DisplayName = "Driveway",
        Registration = RegistrationStatus.Accepted,
        Reservations = ReservationSupport.Charger,
        Connectors = [new Connector(1, first, null, Now), new Connector(2, second, null, Now)],
    };

    private static Reservation Reservation(int connectorId, string idTag, DateTimeOffset expiresAt)
    {
        var reservation = global::ChargingHub.Domain.Reservations.Reservation.Request("CP-1", 7,
            new ReservationTerms { ConnectorId = connectorId, IdTag = idTag, ExpiresAt = expiresAt }, false, Now.AddMinutes(-1));
        reservation.Accept(Now.AddMinutes(-1));
        return reservation;
    }
}
