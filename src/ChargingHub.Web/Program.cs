using ChargingHub.Web.Hosting;
using ChargingHub.Web.Ocpp;
using ChargingHub.Web.Ui;

// The hub's table of contents: each area registers itself; see docs/architecture.md.
// The slim builder leaves out what a hub on a Pi does not use (IIS, HTTP/3, hosting startup assemblies); HTTPS
// endpoints from configuration (a charger's security profile 2) are added back explicitly.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseOcppHandshake()));
if (!builder.TryPrepareDataDirectory(out var dataDirectory))
{
    return 1;
}

builder.AddHubLogging(dataDirectory);
builder.AddHubOptions();
builder.Services.AddHubPersistence(dataDirectory);
builder.Services.AddHubDomain();
builder.Services.AddOcppCentralSystem();
builder.Services.AddHubApi();
builder.Services.AddHubUi();
builder.Services.AddHubMqtt(builder.Configuration);

var app = builder.Build();
app.MapOcppEndpoint();
app.UseHubApi();
app.MapHealth();
app.MapHubApi();
app.MapHubUi();
return await app.RunHubAsync();

/// <summary>Lets the test host find the entry point.</summary>
public partial class Program;
