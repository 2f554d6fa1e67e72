using System.Net;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class ChargerPasswordTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private const string Password = "correct-horse-battery-1";

    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-password-0123456")]
    public async Task Connect_ChargerWithPasswordWithoutOrWithWrongOne_IsRefusedWith401(string? offered)
    {
        var id = await CreateChargerAsync();

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Hub.ConnectRawAsync(id, ["ocpp1.6"], offered));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        var charger = (await Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.False(charger.GetProperty("online").GetBoolean());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_ChargerWithItsPassword_IsConnectedAndAccepted(OcppVersion version)
    {
        var id = await CreateChargerAsync();

        await using var client = await Hub.ConnectClientAsync(id, version, Password);

        Assert.Equal("Accepted", await client.BootAsync());
        var charger = (await Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.True(charger.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task CreateCharger_WithPassword_StoresOnlyASaltedHash()
    {
        var id = await CreateChargerAsync();
        var other = await CreateChargerAsync();

        var stored = await ReadPasswordHashAsync(id);
        var otherStored = await ReadPasswordHashAsync(other);

        Assert.NotNull(stored);
        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, otherStored); // same password, different salt
    }

    [Fact]
    public async Task PatchPassword_SetThenRemoved_ChangesWhatTheHandshakeNeeds()
    {
        var id = OcppTesting.NewChargerId();
        var api = Hub.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/chargers", new { id })).StatusCode);

        var set = await api.PatchJsonAsync($"/api/chargers/{id}", new { password = Password });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Hub.ConnectRawAsync(id, ["ocpp1.6"]));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);

        var removed = await api.PatchJsonAsync($"/api/chargers/{id}", new { password = (string?)null });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await ReadPasswordHashAsync(id));
        await using var client = await Hub.ConnectClientAsync(id, OcppVersion.V16);
        Assert.Equal("Accepted", await client.BootAsync());
    }

    private async Task<string> CreateChargerAsync()
    {
        var id = OcppTesting.NewChargerId();
        var response = await Hub.CreateApiClient().PostJsonAsync("/api/chargers", new { id, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    /// <summary>Reads the charger row straight from the hub's SQLite file, as someone with a copy of the database would.</summary>
    private async Task<string?> ReadPasswordHashAsync(string chargerId)
    {
        var path = Path.Combine(Hub.DataDirectory, SqliteDatabase.DefaultFileName);
        Assert.True(File.Exists(path), path);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM chargers WHERE id = $id";
        command.Parameters.AddWithValue("$id", chargerId);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? null : (string)value;
    }
}
