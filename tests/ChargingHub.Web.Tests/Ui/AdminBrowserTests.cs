using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The administrator's pages in Chromium against a hub that keeps unknown chargers pending.</summary>
public sealed class AdminBrowserTests(PendingChargersFixture fixture) : IClassFixture<PendingChargersFixture>
{
    [Fact]
    public async Task Approve_PendingCharger_ChargerBootsAgainAndIsAccepted()
    {
        await using var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = "CP-NEW" });
        await charger.ConnectAsync(fixture.Hub.OcppUrl);
        Assert.Equal("Pending", await charger.BootAsync());
        var admin = await fixture.SignedInPageAsync("admin", HubTestHost.AdminPassword);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        var item = admin.GetByRole(AriaRole.Listitem, new() { Name = "CP-NEW" });
        await Expect(item).ToContainTextAsync("Waiting for approval");
        await Expect(item).ToContainTextAsync("/ocpp/CP-NEW");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved CP-NEW");
        await Expect(admin.GetByRole(AriaRole.Listitem, new() { Name = "CP-NEW" })).ToContainTextAsync("Approved");
        var trigger = await charger.Received.WaitForAsync("TriggerMessage");
        Assert.Equal("BootNotification", trigger.Payload.GetProperty("requestedMessage").GetString());
        Assert.Equal("Accepted", await charger.BootAsync());
    }

    [Fact]
    public async Task ChargerDetails_ConnectedCharger_ShowsReservationKeeperAndMessageLog()
    {
        await using var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = "CP-DETAILS" });
        await charger.ConnectAsync(fixture.Hub.OcppUrl);
        await charger.BootAsync();
        var admin = await fixture.SignedInPageAsync("admin", HubTestHost.AdminPassword);

        await admin.GotoAsync("/admin/chargers/CP-DETAILS");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await charger.Received.WaitForAsync("TriggerMessage");
        await charger.BootAndReportAsync();
        await admin.GotoAsync("/admin/chargers/CP-DETAILS");

        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "CP-DETAILS" })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Reservations", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(admin.GetByText("kept by the charger")).ToBeVisibleAsync();
        var log = admin.GetByRole(AriaRole.List).Filter(new() { HasText = "BootNotification" });
        await Expect(log).ToContainTextAsync("from charger");
    }

    [Fact]
    public async Task Member_VisitingAdminPage_IsRefused()
    {
        var admin = await fixture.SignedInPageAsync("admin", HubTestHost.AdminPassword);
        await BrowserHubFixture.AddMemberAsync(admin, "dave", "Dave", "DAVE-CARD", "Dave's card");
        var dave = await fixture.SignedInPageAsync("dave", BrowserHubFixture.MemberPassword);

        await Expect(dave.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        var response = await dave.GotoAsync("/admin/members");

        Assert.Equal(403, response!.Status);
        await Expect(dave.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }
}
