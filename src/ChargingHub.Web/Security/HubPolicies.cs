namespace ChargingHub.Web.Security;

/// <summary>Authorization policy and role names.</summary>
public static class HubPolicies
{
    /// <summary>Any caller with a valid API key.</summary>
    public const string Api = "api";

    /// <summary>Admin rights (API keys, and signed-in admins).</summary>
    public const string Admin = "admin";

    public const string AdminRole = "Admin";

    public const string MemberRole = "Member";
}
