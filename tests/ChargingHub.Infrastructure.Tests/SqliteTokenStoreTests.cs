using ChargingHub.Domain.Tokens;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Infrastructure.Stores;

namespace ChargingHub.Infrastructure.Tests;

public sealed class SqliteTokenStoreTests : SqliteTestBase
{
    private SqliteTokenStore Store => new(Database);

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsEveryField()
    {
        var member = await new MemberStore(Database).AddAsync(
            new Member { UserName = "ann", PasswordHash = "h", CreatedAt = TestData.T0 }, CancellationToken.None);
        var token = new IdToken { IdTag = "04A1B2C3", ParentIdTag = "FAMILY", Name = "Ann's card", Blocked = true, MemberId = member.Id };

        await Store.SaveAsync(token, CancellationToken.None);

        Assert.Equal(token, await Store.GetAsync("04A1B2C3", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_DifferentCase_FindsToken()
    {
        await Store.SaveAsync(new IdToken { IdTag = "AbCd" }, CancellationToken.None);

        var found = await Store.GetAsync("aBcD", CancellationToken.None);

        Assert.Equal("AbCd", found?.IdTag);
    }

    [Fact]
    public async Task SaveAsync_SameTagInOtherCase_ReplacesToken()
    {
        await Store.SaveAsync(new IdToken { IdTag = "abcd", Name = "old" }, CancellationToken.None);

        await Store.SaveAsync(new IdToken { IdTag = "ABCD", Name = "new", ParentIdTag = "P" }, CancellationToken.None);

        var all = await Store.ListAsync(CancellationToken.None);
        Assert.Equal([new IdToken { IdTag = "ABCD", Name = "new", ParentIdTag = "P" }], all);
    }

    [Fact]
    public async Task DeleteAsync_KnownInOtherCaseThenUnknown_ReturnsTrueThenFalse()
    {
        await Store.SaveAsync(new IdToken { IdTag = "tag1" }, CancellationToken.None);

        Assert.True(await Store.DeleteAsync("TAG1", CancellationToken.None));
        Assert.False(await Store.DeleteAsync("TAG1", CancellationToken.None));
        Assert.Null(await Store.GetAsync("tag1", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_SeveralTokens_OrderedByIdTag()
    {
        foreach (var tag in new[] { "c", "A", "b" })
        {
            await Store.SaveAsync(new IdToken { IdTag = tag }, CancellationToken.None);
        }

        var tokens = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(["A", "b", "c"], tokens.Select(t => t.IdTag));
    }
}
