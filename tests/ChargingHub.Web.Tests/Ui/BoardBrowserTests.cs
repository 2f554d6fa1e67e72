using System.Diagnostics;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>
/// The household's flows in Chromium against the real hub and a simulated charger: reserve, live board, cancel,
/// declines, validation, and whose reservation may be cancelled. Each test uses its own charger.
/// </summary>
public sealed class BoardBrowserTests(HouseholdFixture fixture, ITestOutputHelper output) : IClassFixture<HouseholdFixture>
{
    [Fact]
    public async Task Reserve_AsMember_ChargerGetsReserveNowAndBoardsShowMemberLive()
    {
        // "CP-1" sorts first on the board, so the phone screenshot shows it under the header.
        await using var charger = await fixture.StartChargerAsync("CP-1");
        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);
        var watcher = await fixture.SignedInPageAsync("bob", BrowserHubFixture.MemberPassword);
        await Expect(Connector(watcher, "CP-1", 1)).ToContainTextAsync("Available");
        await watcher.EvaluateAsync("() => window.__sameDocument = true");

        await Connector(alice, "CP-1", 1).GetByRole(AriaRole.Link, new() { Name = "Reserve", Exact = true }).ClickAsync();
        await Expect(alice.GetByLabel("Connector")).ToHaveValueAsync("1");
        await alice.GetByLabel("Token").SelectOptionAsync(new SelectOptionValue { Label = "Alice's card (ALICE-CARD)" });
        await alice.GetByLabel("Duration").SelectOptionAsync(new SelectOptionValue { Label = "30 min" });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Reserve", Exact = true }).ClickAsync();

        await Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync("Reserved until");
        var reserveNow = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("ALICE-CARD", reserveNow.Payload.GetProperty("idTag").GetString());
        Assert.Equal(1, reserveNow.Payload.GetProperty("connectorId").GetInt32());

        // The other member's board changes without a reload.
        var watched = Connector(watcher, "CP-1", 1);
        await Expect(watched).ToContainTextAsync("Reserved for Alice Example");
        await Expect(watched.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        await alice.GetByRole(AriaRole.Link, new() { Name = "Back to the chargers" }).ClickAsync();
        var mine = Connector(alice, "CP-1", 1);
        await Expect(mine).ToContainTextAsync("Reserved");
        await Expect(mine).ToContainTextAsync("Alice Example");
        await Expect(mine).Not.ToContainTextAsync("ALICE-CARD");
        await Expect(mine).ToContainTextAsync("min left");
        await BrowserHubFixture.ScreenshotAsync(alice, "board");
    }

    [Fact]
    public async Task Cancel_OwnReservation_ChargerGetsCancelReservationAndConnectorIsFree()
    {
        await using var charger = await fixture.StartChargerAsync("CP-CANCEL");
        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);
        await ReserveAsync(alice, "CP-CANCEL", 1);

        await alice.GotoAsync("/");
        var connector = Connector(alice, "CP-CANCEL", 1);
        await connector.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(alice.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reservation cancelled." })).ToBeVisibleAsync();
        var cancel = await charger.Received.WaitForAsync("CancelReservation");
        var reservations = await fixture.ReservationsAsync("CP-CANCEL");
        Assert.Equal(reservations[0].GetProperty("reservationId").GetInt32(), cancel.Payload.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", reservations[0].GetProperty("status").GetString());
        await Expect(Connector(alice, "CP-CANCEL", 1)).ToContainTextAsync("Available");
        await Expect(Connector(alice, "CP-CANCEL", 1).GetByRole(AriaRole.Link, new() { Name = "Reserve", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reserve_WhenChargerAnswersOccupied_SaysTheChargerIsBusy()
    {
        await using var charger = await fixture.StartChargerAsync("CP-BUSY");
        charger.ReserveNowAnswer = "Occupied";
        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);

        await alice.GotoAsync("/reserve?charger=CP-BUSY&connector=2");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Reserve", Exact = true }).ClickAsync();

        await Expect(alice.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("This charger is busy \\(Occupied\\)"));
        Assert.Equal(1, charger.Received.Count("ReserveNow"));
        Assert.Equal("Declined", (await fixture.ReservationsAsync("CP-BUSY"))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reserve_WithEndTimeInBrowsersZone_HoldsUntilThatLocalTime()
    {
        await using var charger = await fixture.StartChargerAsync("CP-EVENING");
        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById(BrowserHubFixture.BrowserTimeZone);
        var end = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(50), berlin);
        var local = end.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        await alice.GotoAsync("/reserve?charger=CP-EVENING&connector=2");
        await alice.GetByLabel("End time").FillAsync(local);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Reserve", Exact = true }).ClickAsync();

        await Expect(alice.GetByRole(AriaRole.Status)).ToContainTextAsync($"Reserved until {end:HH:mm}");
        var reserveNow = await charger.Received.WaitForAsync("ReserveNow");
        var expiry = DateTimeOffset.Parse(reserveNow.Payload.GetProperty("expiryDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0, end.Offset), expiry);
    }

    [Fact]
    public async Task Reserve_WithEndTimeInThePast_ShowsMessageNextToEndTime()
    {
        await using var charger = await fixture.StartChargerAsync("CP-INVALID");
        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);

        await alice.GotoAsync("/reserve?charger=CP-INVALID&connector=1");
        await alice.GetByLabel("End time").FillAsync("2020-01-01T08:00");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Reserve", Exact = true }).ClickAsync();

        var endTime = alice.GetByLabel("End time");
        await Expect(endTime).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(alice.GetByText("The end time must be in the future.")).ToBeVisibleAsync();
        var describedBy = await endTime.GetAttributeAsync("aria-describedby") ?? "";
        Assert.Contains("The end time must be in the future.", await alice.Locator($"#{describedBy.Split(' ')[^1]}").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, charger.Received.Count("ReserveNow"));
    }

    [Fact]
    public async Task Reserve_PhoneSizedPage_IsSavedAsScreenshot()
    {
        await using var charger = await fixture.StartChargerAsync("CP-GARAGE");
        var carol = await fixture.SignedInPageAsync("carol", BrowserHubFixture.MemberPassword);
        await carol.GotoAsync("/reserve?charger=CP-GARAGE&connector=1");

        await Expect(carol.GetByLabel("Connector")).ToBeVisibleAsync();
        await Expect(carol.GetByLabel("Token")).ToContainTextAsync("Carol's card");
        await Expect(carol.GetByLabel("Duration")).ToBeVisibleAsync();
        await Expect(carol.GetByLabel("End time")).ToBeVisibleAsync();
        var width = await carol.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The reserve page scrolls sideways on a phone ({width}px wide).");
        await BrowserHubFixture.ScreenshotAsync(carol, "reserve");
    }

    [Fact]
    public async Task Cancel_OtherMembersReservation_HasNoButtonAndForgedPostIsRefused()
    {
        await using var charger = await fixture.StartChargerAsync("CP-SHARED");
        var bob = await fixture.SignedInPageAsync("bob", BrowserHubFixture.MemberPassword);
        await ReserveAsync(bob, "CP-SHARED", 1);
        var reservationId = (await fixture.ReservationsAsync("CP-SHARED"))[0].GetProperty("reservationId").GetInt32();

        var alice = await fixture.SignedInPageAsync("alice", BrowserHubFixture.MemberPassword);
        var connector = Connector(alice, "CP-SHARED", 1);
        await Expect(connector).ToContainTextAsync("Reserved for Bob Builder");
        await Expect(connector.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        await Expect(connector.GetByRole(AriaRole.Link, new() { Name = "Reserve" })).ToHaveCountAsync(0);

        // Alice's own valid antiforgery token, Bob's reservation.
        var token = await alice.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
        var forged = await alice.APIRequest.PostAsync("/reservations/cancel", new()
        {
            Form = alice.APIRequest.CreateFormData()
                .Set("__RequestVerificationToken", token)
                .Set("chargerId", "CP-SHARED")
                .Set("reservationId", reservationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            MaxRedirects = 0,
        });

        Assert.Equal(403, forged.Status);
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
        Assert.Equal("Active", (await fixture.ReservationsAsync("CP-SHARED"))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Board_WhenChargerReportsStatus_ShowsItWithinOneSecondWithoutReload()
    {
        await using var charger = await fixture.StartChargerAsync("CP-LIVE");
        var page = await fixture.SignedInPageAsync("carol", BrowserHubFixture.MemberPassword);
        await Expect(page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var connector = Connector(page, "CP-LIVE", 2);
        await Expect(connector).ToContainTextAsync("Available");

        var clock = Stopwatch.StartNew();
        await charger.SendStatusAsync(2, "Charging");
        await Expect(connector).ToContainTextAsync("Charging", new() { Timeout = 1000 });
        output.WriteLine($"StatusNotification to board: {clock.ElapsedMilliseconds} ms");

        await charger.SendStatusAsync(2, "Faulted");
        await Expect(connector).ToContainTextAsync("Faulted", new() { Timeout = 1000 });
        await charger.CloseAsync();
        await Expect(Tile(page, "CP-LIVE")).ToContainTextAsync("Offline");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [Fact]
    public async Task SignIn_WrongPasswordThenRepeatedFailures_LocksOutEvenTheRightPassword()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/login?returnUrl=%2F", page.Url, StringComparison.Ordinal);

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await SubmitSignInAsync(page, "carol", "not-her-password");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        }

        await SubmitSignInAsync(page, "carol", "still-not-her-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-ins");
        await SubmitSignInAsync(page, "carol", BrowserHubFixture.MemberPassword);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-ins");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    private static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task ReserveAsync(IPage page, string chargerId, int connectorId)
    {
        await page.GotoAsync("/");
        await Connector(page, chargerId, connectorId).GetByRole(AriaRole.Link, new() { Name = "Reserve", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reserve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reserved until");
    }

    private static ILocator Tile(IPage page, string chargerId) =>
        page.GetByRole(AriaRole.Article, new() { Name = chargerId });

    private static ILocator Connector(IPage page, string chargerId, int connectorId) =>
        Tile(page, chargerId).GetByRole(AriaRole.Listitem, new() { Name = $"Connector {connectorId}" });
}
