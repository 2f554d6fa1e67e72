using ChargingHub.Domain.Tests.Fakes;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Domain.Tests;

public sealed class TokenAuthorizerTests
{
    private const string Cp16 = ReservationHarness.Cp16;

    private readonly ReservationHarness _hub = new();

    public TokenAuthorizerTests()
    {
        Save(new IdToken { IdTag = "ALICE", ParentIdTag = "FAMILY" });
        Save(new IdToken { IdTag = "BOB", ParentIdTag = "FAMILY" });
        Save(new IdToken { IdTag = "CAROL" });
        Save(new IdToken { IdTag = "MALLORY", ParentIdTag = "FAMILY", Blocked = true });
    }

    [Theory]
    [InlineData(UnknownTokenPolicy.Reject)]
    [InlineData(UnknownTokenPolicy.Accept)]
    public async Task AuthorizeAsync_KnownToken_AcceptedWithItsParent(UnknownTokenPolicy policy)
    {
        var decision = await Authorize(policy, connectorId: 1, "alice");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
        Assert.True(decision.IsAccepted);
        Assert.Equal("FAMILY", decision.ParentIdTag);
    }

    [Fact]
    public async Task AuthorizeAsync_KnownTokenWithoutGroup_AcceptedWithoutParent()
    {
        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "CAROL");

        Assert.Equal(new AuthorizationDecision(AuthorizationVerdict.Accepted, null), decision);
    }

    [Fact]
    public async Task AuthorizeAsync_UnknownTokenUnderReject_Invalid()
    {
        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "NOBODY");

        Assert.Equal(AuthorizationVerdict.Invalid, decision.Verdict);
        Assert.False(decision.IsAccepted);
        Assert.Null(decision.ParentIdTag);
    }

    [Fact]
    public async Task AuthorizeAsync_UnknownTokenUnderAccept_AcceptedWithoutParent()
    {
        var decision = await Authorize(UnknownTokenPolicy.Accept, connectorId: 1, "NOBODY");

        Assert.Equal(new AuthorizationDecision(AuthorizationVerdict.Accepted, null), decision);
    }

    [Theory]
    [InlineData(UnknownTokenPolicy.Reject)]
    [InlineData(UnknownTokenPolicy.Accept)]
    public async Task AuthorizeAsync_BlockedToken_BlockedWithItsParent(UnknownTokenPolicy policy)
    {
        var decision = await Authorize(policy, connectorId: 1, "MALLORY");

        Assert.Equal(AuthorizationVerdict.Blocked, decision.Verdict);
        Assert.False(decision.IsAccepted);
        Assert.Equal("FAMILY", decision.ParentIdTag);
    }

    [Fact]
    public async Task AuthorizeAsync_BlockedTokenOnItsGroupsReservation_StillBlocked()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE", parentIdTag: "FAMILY"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "MALLORY");

        Assert.Equal(AuthorizationVerdict.Blocked, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_ConnectorReservedForSomeoneElse_Refused()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "CAROL");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, decision.Verdict);
        Assert.False(decision.IsAccepted);
    }

    [Fact]
    public async Task AuthorizeAsync_UnknownTokenUnderAcceptOnReservedConnector_Refused()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Accept, connectorId: 1, "NOBODY");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_ReservationsOwnToken_Accepted()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "ALICE");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_MemberOfTheReservationsGroup_AcceptedWithTheGroup()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE", parentIdTag: "FAMILY"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "BOB");

        Assert.Equal(new AuthorizationDecision(AuthorizationVerdict.Accepted, "FAMILY"), decision);
    }

    [Fact]
    public async Task AuthorizeAsync_SameGroupButReservationHasNoGroup_Refused()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "BOB");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_OtherConnectorOfAReservedCharger_Accepted()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 2, "CAROL");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_ReservationEnded_Accepted()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));
        await _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None);

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "CAROL");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_NoConnectorAndOneConnectorStillFree_Accepted()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: null, "CAROL");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_NoConnectorAndEveryConnectorHeldForOthers_Refused()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "ALICE"));
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "BOB"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: null, "CAROL");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_AnyConnectorReservationsHoldEveryConnector_RefusedOnAFreeConnector()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "ALICE"));
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "BOB"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "CAROL");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_OneAnyConnectorReservationOnTwoConnectors_Accepted()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "ALICE"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "CAROL");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_OwnAnyConnectorReservationWhileEveryConnectorIsHeld_Accepted()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "ALICE"));
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "BOB"));

        var decision = await Authorize(UnknownTokenPolicy.Reject, connectorId: 1, "ALICE");

        Assert.Equal(AuthorizationVerdict.Accepted, decision.Verdict);
    }

    [Fact]
    public async Task AuthorizeAsync_HubEnforcedReservation_RefusesOthersAndAdmitsItsToken()
    {
        _hub.Charger(Cp16).Reservations = Chargers.ReservationSupport.Hub;
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "CAROL"));

        var other = await Authorize(UnknownTokenPolicy.Reject, connectorId: 2, "ALICE");
        var own = await Authorize(UnknownTokenPolicy.Reject, connectorId: 2, "CAROL");

        Assert.Equal(AuthorizationVerdict.ReservedForSomeoneElse, other.Verdict);
        Assert.Equal(AuthorizationVerdict.Accepted, own.Verdict);
    }

    private Task<AuthorizationDecision> Authorize(UnknownTokenPolicy policy, int? connectorId, string idTag) =>
        _hub.Authorizer(policy).AuthorizeAsync(Cp16, connectorId, idTag, CancellationToken.None);

    private void Save(IdToken token) => _hub.Tokens.SaveAsync(token, CancellationToken.None).GetAwaiter().GetResult();
}
