using ChargingHub.Domain;
using ChargingHub.Infrastructure.Accounts;

namespace ChargingHub.Infrastructure.Tests;

public sealed class AccountStoreTests : SqliteTestBase
{
    private MemberStore Members => new(Database);

    private ApiKeyStore Keys => new(Database);

    [Fact]
    public async Task MemberAddAsync_ThenGet_RoundTripsEveryField()
    {
        var member = new Member
        {
            UserName = "Ann",
            DisplayName = "Ann Example",
            PasswordHash = "pbkdf2$abc",
            Role = MemberRole.Admin,
            Disabled = true,
            CreatedAt = TestData.T0,
        };

        var added = await Members.AddAsync(member, CancellationToken.None);

        Assert.NotEqual(0, added.Id);
        Assert.Equal(member with { Id = added.Id }, added);
        Assert.Equal(added, await Members.GetAsync(added.Id, CancellationToken.None));
        Assert.Equal(added, await Members.GetByUserNameAsync("aNN", CancellationToken.None));
    }

    [Fact]
    public async Task MemberAddAsync_UserNameTakenInOtherCase_ThrowsConflict()
    {
        await Members.AddAsync(new Member { UserName = "admin", PasswordHash = "h" }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<HubException>(() =>
            Members.AddAsync(new Member { UserName = "ADMIN", PasswordHash = "h" }, CancellationToken.None));

        Assert.Equal(HubErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task MemberUpdateAsync_ChangedFields_SavedAndListed()
    {
        var ann = await Members.AddAsync(new Member { UserName = "ann", PasswordHash = "h1" }, CancellationToken.None);
        await Members.AddAsync(new Member { UserName = "Bob", PasswordHash = "h2" }, CancellationToken.None);

        var changed = ann with { DisplayName = "Ann", PasswordHash = "h3", Role = MemberRole.Admin, Disabled = true };
        Assert.True(await Members.UpdateAsync(changed, CancellationToken.None));
        Assert.False(await Members.UpdateAsync(changed with { Id = 999 }, CancellationToken.None));

        var all = await Members.ListAsync(CancellationToken.None);
        Assert.Equal([changed, all[1]], all);
        Assert.Equal("Bob", all[1].UserName);
    }

    [Fact]
    public async Task ApiKeyAddAsync_ThenGetByName_RoundTripsEveryField()
    {
        var member = await Members.AddAsync(new Member { UserName = "ann", PasswordHash = "h" }, CancellationToken.None);
        var key = new ApiKey { Name = "Home Assistant", KeyHash = "sha256:…", Prefix = "chk_ab12", CreatedAt = TestData.T0, MemberId = member.Id };

        var added = await Keys.AddAsync(key, CancellationToken.None);

        Assert.Equal(key with { Id = added.Id }, added);
        Assert.Equal(added, await Keys.GetByNameAsync("home assistant", CancellationToken.None));
        Assert.Equal([added], await Keys.FindLiveByPrefixAsync("chk_ab12", CancellationToken.None));
    }

    [Fact]
    public async Task ApiKeyRevokeAsync_LiveKey_RevokesOnceAndFreesTheName()
    {
        var old = await Keys.AddAsync(new ApiKey { Name = "script", KeyHash = "h1", Prefix = "p1", CreatedAt = TestData.T0 }, CancellationToken.None);
        var duplicate = new ApiKey { Name = "SCRIPT", KeyHash = "h2", Prefix = "p2", CreatedAt = TestData.T0 };
        Assert.Equal(HubErrorKind.Conflict, (await Assert.ThrowsAsync<HubException>(() => Keys.AddAsync(duplicate, CancellationToken.None))).Kind);

        Assert.True(await Keys.RevokeAsync(old.Id, TestData.T0.AddDays(1), CancellationToken.None));
        Assert.False(await Keys.RevokeAsync(old.Id, TestData.T0.AddDays(2), CancellationToken.None));
        var replacement = await Keys.AddAsync(duplicate, CancellationToken.None);

        Assert.Equal(TestData.T0.AddDays(1), (await Keys.GetAsync(old.Id, CancellationToken.None))?.RevokedAt);
        Assert.Equal(replacement.Id, (await Keys.GetByNameAsync("script", CancellationToken.None))?.Id);
        Assert.Empty(await Keys.FindLiveByPrefixAsync("p1", CancellationToken.None));
        Assert.Equal([old.Id, replacement.Id], (await Keys.ListAsync(CancellationToken.None)).Select(k => k.Id));
    }

    [Fact]
    public async Task ApiKeyUpdateAsync_Renamed_SavesNewName()
    {
        var key = await Keys.AddAsync(new ApiKey { Name = "a", KeyHash = "h", Prefix = "p", CreatedAt = TestData.T0 }, CancellationToken.None);

        Assert.True(await Keys.UpdateAsync(key with { Name = "b" }, CancellationToken.None));

        Assert.Null(await Keys.GetByNameAsync("a", CancellationToken.None));
        Assert.Equal(key.Id, (await Keys.GetByNameAsync("b", CancellationToken.None))?.Id);
    }
}
