using ChargingHub.Domain.Chargers;

namespace ChargingHub.Domain.Tests;

public sealed class ChargerIdsTests
{
    [Theory]
    [InlineData("CP-1")]
    [InlineData("wallbox.garage")]
    [InlineData("A:B*C_D")]
    [InlineData("...x")]
    [InlineData("123456789012345678901234567890123456789012345678")]
    public void Valid_ids(string id) => Assert.True(ChargerIds.IsValid(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("CP 1")]
    [InlineData("CP/1")]
    [InlineData("CP%201")]
    [InlineData("1234567890123456789012345678901234567890123456789")]
    public void Invalid_ids(string? id) => Assert.False(ChargerIds.IsValid(id));
}
