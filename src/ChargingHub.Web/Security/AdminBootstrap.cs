using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChargingHub.Web.Security;

/// <summary>
/// On the first start (no members yet) creates the <c>admin</c> user with <c>Hub:Security:BootstrapAdminPassword</c>,
/// or with a generated password written once to the log. There is no default password.
/// </summary>
public sealed partial class AdminBootstrap(
    MemberStore members,
    MemberPasswords passwords,
    IOptions<SecurityOptions> security,
    TimeProvider time,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public const string AdminUserName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await members.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var configured = security.Value.BootstrapAdminPassword;
        var password = string.IsNullOrEmpty(configured) ? SecretHasher.NewSecret(12) : configured;
        var admin = new Member
        {
            UserName = AdminUserName,
            DisplayName = "Administrator",
            PasswordHash = "",
            Role = MemberRole.Admin,
            CreatedAt = time.GetUtcNow(),
        };
        await members.AddAsync(admin with { PasswordHash = passwords.Hash(admin, password) }, cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            LogGeneratedPassword(logger, AdminUserName, password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created user {UserName} with the generated password {Password} — it is shown only this once; sign in and change it.")]
    private static partial void LogGeneratedPassword(ILogger logger, string userName, string password);
}
