using System.Net.Http.Json;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>
/// One real hub process and one Chromium for a test class. Pages are phone-sized (390×844). Members are created the
/// way an administrator does it: through the admin pages.
/// </summary>
public abstract class BrowserHubFixture(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string MemberPassword = "member-password-1";

    /// <summary>The browser's time zone: not UTC, so that local times are really converted.</summary>
    public const string BrowserTimeZone = "Europe/Berlin";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HubProcess Hub { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        Hub = await HubProcess.StartAsync(settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Find(),
            Args = Chromium.Args,
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
            TempDirectory.TryDelete(Hub.DataDirectory);
        }
    }

    /// <summary>A fresh browser context (its own cookies) at phone size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Hub.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            TimezoneId = BrowserTimeZone,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string userName, string password)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, userName, password);
        return page;
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chargers", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Adds a member on the admin pages and gives them one token.</summary>
    public static async Task AddMemberAsync(IPage admin, string userName, string displayName, string idTag, string tokenName)
    {
        await admin.GotoAsync("/admin/members");
        await admin.GetByLabel("User name").FillAsync(userName);
        await admin.GetByLabel("Display name").FillAsync(displayName);
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(MemberPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Added {displayName}");

        await admin.GetByRole(AriaRole.Link, new() { Name = displayName, Exact = true }).ClickAsync();
        await admin.GetByLabel("Token id (id tag)").FillAsync(idTag);
        await admin.GetByLabel("Token name").FillAsync(tokenName);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add token" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Token {idTag} added");
    }

    /// <summary>A simulated charger connected to the hub process's OCPP endpoint, booted, statuses reported.</summary>
    public async Task<SimulatedCharger> StartChargerAsync(string chargerId, OcppVersion version = OcppVersion.V16, int connectors = 2)
    {
        var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = chargerId, Version = version, Connectors = connectors });
        await charger.ConnectAsync(Hub.OcppUrl);
        await charger.BootAndReportAsync();
        await charger.Received.WaitForAsync("TriggerMessage");
        return charger;
    }

    /// <summary>The reservations the hub holds for a charger, newest first (through the REST API).</summary>
    public async Task<JsonElement[]> ReservationsAsync(string chargerId)
    {
        using var api = Hub.CreateApiClient();
        var body = await api.GetFromJsonAsync<JsonElement>($"api/reservations?chargerId={Uri.EscapeDataString(chargerId)}");
        return body.GetProperty("data").EnumerateArray().ToArray();
    }

    /// <summary>Saves what a phone shows (390×844) under artifacts/screenshots at the repository root (a CI artifact).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoRoot.Find(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}

/// <summary>The default hub (unknown chargers accepted) with three members: Alice, Bob and Carol.</summary>
public sealed class HouseholdFixture() : BrowserHubFixture()
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await SignedInPageAsync("admin", HubTestHost.AdminPassword);
        await AddMemberAsync(admin, "alice", "Alice Example", "ALICE-CARD", "Alice's card");
        await AddMemberAsync(admin, "bob", "Bob Builder", "BOB-CARD", "Bob's card");
        await AddMemberAsync(admin, "carol", "Carol", "CAROL-CARD", "Carol's card");
        await admin.Context.CloseAsync();
    }
}

/// <summary>A hub that keeps unknown chargers pending until an administrator approves them.</summary>
public sealed class PendingChargersFixture() : BrowserHubFixture(new Dictionary<string, string?> { ["Hub:Ocpp:UnknownChargers"] = "Pending" });
